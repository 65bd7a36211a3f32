import { userInfo } from "node:os";
import { type ErasureReport, eraseMember } from "@entraide/core/erasure/erase";
import { importMembers, MEMBER_COLUMNS } from "@entraide/core/imports/members";
import type { Command } from "commander";
import { type Cli, defineCommand } from "../define";
import { defineImportCommand } from "./import-command";

function describeErasure(r: ErasureReport): string {
  const lines = [
    `member ${r.memberNumber}: ${r.dryRun ? "dry run, nothing changed; would erase" : "erased"} ${r.requests.length} requests as ${r.pseudonym} (${r.scrubbed} items rewritten, ${r.deleted} deleted, ${r.objectsDeleted} files deleted)`,
  ];
  for (const k of r.kept)
    lines.push(
      `kept for accounting until ${k.until.slice(0, 10)}: ${k.fields.join(", ")} of payouts ${k.payoutIds.join(", ")}`,
    );
  if (r.kept.length === 0) lines.push("nothing kept");
  return lines.join("\n");
}

export function registerMembers(program: Command, cli: Cli): void {
  const members = program.command("members").description("the members register");
  defineImportCommand(members, cli, {
    register: "members",
    columns: MEMBER_COLUMNS,
    importer: importMembers,
  });
  defineCommand(members, cli, {
    name: "erase",
    description:
      "erase a member's personal data everywhere it is stored; payout fields accounting needs are kept until their retention has passed",
    configure: (command) =>
      command
        .argument("<memberNumber>", "the member's number, e.g. M0001")
        .option("--dry-run", "report what would be erased, and change nothing")
        .option("--by <name>", "who erases, for the requests' history (default: your user name)"),
    run: async (ctx, [memberNumber], options) => {
      const { deps } = await ctx.target();
      const report = await eraseMember(deps, String(memberNumber), {
        dryRun: options.dryRun === true,
        by: String(options.by ?? userInfo().username),
      });
      return { data: report, text: describeErasure(report) };
    },
  });
}
