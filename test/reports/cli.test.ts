import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { approve, resetFund } from "../finance/support/ledger";
import { cliDataDir, runBin, runCli } from "../support/cli";
import { createTestStack, type TestStack } from "../support/stack";

let stack: TestStack;
let env: NodeJS.ProcessEnv;
let dir: string;

beforeAll(async () => {
  stack = await createTestStack();
  await resetFund(stack, "solidarity", 100_000);
  await resetFund(stack, "relaunch", 50_000);
  await approve(stack, 1, { amountCents: 30_000 });
  env = { ENTRAIDE_DATA_DIR: await cliDataDir(stack) };
  dir = await mkdtemp(join(tmpdir(), "entraide-report-"));
});

describe("funds report for the general assembly", () => {
  it("--html writes one page in the language asked for, and says where", async () => {
    // Act
    const file = join(dir, "rapport.html");
    const { code, stdout } = await runBin(
      ["funds", "report", "--html", file, "--language", "nl"],
      env,
    );

    // Assess
    expect(code).toBe(0);
    expect(stdout).toContain(`written to ${file}`);
    const html = await readFile(file, "utf8");
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain("Verslag van de fondsen");
    expect(html).toMatch(
      /<data value="30000" data-figure="solidarity.balances.reservedCents">€\s300,00<\/data>/,
    );
    expect(html).toMatch(
      /<data value="100000" data-figure="solidarity.series.2021-12.envelopeCents">€\s1\.000,00<\/data>/,
    );
  });

  it("--format csv prints the figures on stdout and nothing else; --out writes them to a file", async () => {
    // Act
    const printed = await runCli(["funds", "report", "--format", "csv"], env);
    const file = join(dir, "rapport.csv");
    const written = await runCli(
      ["funds", "report", "--format", "csv", "--out", file, "--language", "en"],
      env,
    );

    // Assess
    expect(printed.code).toBe(0);
    expect(printed.stdout.startsWith("\uFEFFfund;section;group;measure;value;unit\r\n")).toBe(true);
    expect(printed.stdout).toContain("Fonds de solidarité;balances;;reservedCents;300,00;EUR\r\n");
    expect(printed.stderr).toContain("assembly report 2020-03-01 – 2021-12-31 (fr)");
    expect(written.code).toBe(0);
    expect(await readFile(file, "utf8")).toContain(
      "Solidarity fund;balances;;envelopeCents;1000,00;EUR",
    );
  });

  it("refuses a date that is not one, before reading anything", async () => {
    // Act
    const { code, stderr } = await runCli(
      ["funds", "report", "--html", join(dir, "x.html"), "--from", "2020-13-45"],
      env,
    );

    // Assess
    expect(code).not.toBe(0);
    expect(stderr).toContain("is not a date: write it YYYY-MM-DD");
  });
});
