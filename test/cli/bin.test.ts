import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import { keys } from "../../packages/core/src/db/layout";
import { getMember } from "../../packages/core/src/members/register";
import { cliDataDir, runBin } from "../support/cli";
import { createTestStack, type TestStack } from "../support/stack";

let stack: TestStack;
let dataDir: string;

beforeAll(async () => {
  stack = await createTestStack();
  dataDir = await cliDataDir(stack);
});

/** Runs the real bin against the test stack (the data directory), or with `env` instead. */
const entraide = (args: string[], env: NodeJS.ProcessEnv = { ENTRAIDE_DATA_DIR: dataDir }) =>
  runBin(args, env);

describe("the entraide bin", () => {
  it("--help lists the command tree of the spec, marking what is not available yet", async () => {
    // Act
    const { code, stdout } = await entraide(["--help"]);
    // Assess
    expect(code).toBe(0);
    for (const command of [
      "members import <csv> [--dry-run]",
      "funds set <fund> <euros>",
      "committees set",
      "clock advance",
    ]) {
      expect(stdout).toContain(command);
    }
    expect(stdout).not.toMatch(/finance mark-paid <batch>\s+\(later\)/);
    expect(stdout).toContain("--stage <stage>");
  });

  it("members import --json prints a report that parses, with progress and notes kept off stdout", async () => {
    // Prepare
    const file = join(dataDir, "members.csv");
    await writeFile(
      file,
      "memberNumber;firstName;lastName;email;language;country;iban;shareholder\n" +
        "CLI1;Camille;Dubois;camille@example.org;fr;BE;BE21 0012 3456 7803;true\n" +
        "CLI2;Jo;Doe;jo@example.org;de;BE;BE35310123456737;true\n",
    );
    // Act
    const dryRun = await entraide(["members", "import", file, "--dry-run"]);
    const { code, stdout, stderr } = await entraide(["members", "import", file, "--json"]);
    // Assess
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({
      dryRun: false,
      counts: { created: 1, refused: 1 },
      lines: [
        { line: 2, outcome: "created" },
        { line: 3, reason: "language: must be fr, nl or en" },
      ],
    });
    expect(stderr).toContain(
      "1 line refused: fix it and import the file again; the other lines were imported",
    );
    expect(await getMember(stack, "CLI1")).toBeDefined();
    expect(dryRun.code).toBe(1);
    expect(dryRun.stdout).toBe(
      "line 2: created (CLI1)\nline 3: refused (CLI2): language: must be fr, nl or en\n" +
        "2 lines: dry run, nothing written; would be 1 created, 0 updated, 0 unchanged, 1 refused\n",
    );
    expect(dryRun.stderr).toContain("the other lines would be imported");
  });

  it("funds set and clock advance act on the local stack and answer in JSON", async () => {
    // Act
    const funds = await entraide(["funds", "set", "solidarity", "1 500,50", "--json"]);
    const clock = await entraide(["clock", "advance", "2d", "--json"]);
    // Assess
    expect(funds.code).toBe(0);
    expect(JSON.parse(funds.stdout)).toMatchObject({
      fund: "solidarity",
      envelopeCents: 150_050,
      remainingCents: 150_050,
    });
    expect(clock.code).toBe(0);
    expect(JSON.parse(clock.stdout)).toMatchObject({
      advancedMs: 172_800_000,
      offsetMs: 172_800_000,
    });
    const { Item } = await stack.clients.ddb.send(
      new GetCommand({ TableName: stack.config.table, Key: keys.clock() }),
    );
    expect(Item?.offsetMs).toBe(172_800_000);
  });

  it("a wrong argument exits 2 and a failure exits 1, each with one line saying what to do and no stack trace", async () => {
    // Act
    const badAmount = await entraide(["funds", "set", "solidarity", "1.50.00"]);
    const badCommittee = await entraide(["committees", "set", "credit", "ines@smart.test"]);
    const noStageConfig = await entraide(["funds", "set", "relaunch", "10", "--stage", "prod"], {});
    // Assess
    expect([badAmount.code, badCommittee.code, noStageConfig.code]).toEqual([2, 2, 1]);
    expect(badAmount.stderr).toContain("write digits with at most two decimals");
    expect(badCommittee.stderr).toBe(
      "error: members: the credit committee needs at least 2 members\n",
    );
    expect(noStageConfig.stderr).toMatch(
      /^error: .*set the ENTRAIDE_\* variables of that stage\n$/,
    );
    for (const run of [badAmount, badCommittee, noStageConfig]) {
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
      expect(run.stderr).not.toMatch(/\bat .*:\d+:\d+/);
      expect(run.stdout).toBe("");
    }
  });

  it("without a running local stack, says to start it with npm start", async () => {
    // Prepare
    const empty = await mkdtemp(join(tmpdir(), "entraide-empty-"));
    const file = join(empty, "members.csv");
    await writeFile(
      file,
      "memberNumber,firstName,lastName,email,language,country,iban,shareholder\n",
    );
    // Act
    const { code, stderr } = await entraide(["members", "import", file], {
      ENTRAIDE_DATA_DIR: empty,
    });
    // Assess
    expect(code).toBe(1);
    expect(stderr).toContain("start the local stack with `npm start` first");
  });
});

describe("what the bin says when something is wrong", () => {
  it("finance export without a batch asks for the batch first, and without --format for the format", async () => {
    // Act
    const bare = await entraide(["finance", "export"]);
    const noFormat = await entraide(["finance", "export", "ENT-SOL-20200402040000-9F3A1C2B"]);
    // Assess
    expect(bare.code).toBe(2);
    expect(bare.stderr).toMatch(/missing required argument 'batch'/);
    expect(noFormat.code).toBe(2);
    expect(noFormat.stderr).toContain("--format csv or --format sepa");
  });

  it("under --json an error is JSON on stdout, with the exit code of a failure", async () => {
    // Act
    const missing = await entraide(["members", "import", join(dataDir, "no-such.csv"), "--json"]);
    const toStdout = await entraide(["finance", "export", "ENT-X", "--format", "csv", "--json"]);
    // Assess
    expect(missing.code).not.toBe(0);
    expect(JSON.parse(missing.stdout)).toEqual({
      error: { code: "cli.usage", message: expect.stringContaining("check the path") },
    });
    expect(missing.stdout).not.toContain("ENOENT:");
    expect(toStdout.code).toBe(2);
    expect(JSON.parse(toStdout.stdout).error.message).toContain("--json needs --out");
  });

  it("--help lists mail receive and executions reopen-payout", async () => {
    // Act
    const { stdout } = await entraide(["--help"]);
    // Assess
    expect(stdout).toContain("mail receive <file>");
    expect(stdout).toContain("executions reopen-payout <id>");
  });
});
