import { readFile, stat } from "node:fs/promises";
import type { Deps } from "@entraide/core/deps";
import { MAX_IMPORT_BYTES } from "@entraide/core/imports/csv";
import type { ImportReport } from "@entraide/core/imports/report";
import type { ImportOptions } from "@entraide/core/imports/run";
import type { Command } from "commander";
import { type Cli, defineCommand } from "../define";
import { EXIT, UsageError, unreadable } from "../errors";

/** `<register> import <csv> [--dry-run]`: the members and activities imports share it. */
export function defineImportCommand(
  parent: Command,
  cli: Cli,
  spec: {
    register: string;
    columns: readonly string[];
    importer: (deps: Deps, content: Uint8Array, options: ImportOptions) => Promise<ImportReport>;
  },
): Command {
  return defineCommand(parent, cli, {
    name: "import",
    description: `import ${spec.register} from a CSV file, creating or updating each line by key`,
    configure: (command) =>
      command
        .argument(
          "<csv>",
          `UTF-8 CSV file, "," or ";" separated, with the header ${spec.columns.join(",")}`,
        )
        .option("--dry-run", "report what the import would do, and write nothing")
        .addHelpText(
          "after",
          "\nEach line is reported created, updated, unchanged or refused (with the reason).\nRefused lines are not imported, the others are; the exit code is then 1.",
        ),
    run: async (ctx, args, options) => {
      const file = String(args[0]);
      const content = await readImportFile(file);
      const { deps } = await ctx.target();
      const dryRun = options.dryRun === true;
      const report = await spec.importer(deps, content, {
        dryRun,
        onProgress: ctx.output.progress(`${spec.register} import`),
      });
      const refused = report.counts.refused;
      if (refused > 0) {
        ctx.output.note(
          `${refused} line${refused > 1 ? "s" : ""} refused: fix ${refused > 1 ? "them" : "it"} and import the file again; ` +
            (dryRun ? "the other lines would be imported" : "the other lines were imported"),
        );
      }
      return {
        data: report,
        text: describeReport(report),
        exitCode: refused > 0 ? EXIT.failure : EXIT.ok,
      };
    },
  });
}

async function readImportFile(file: string): Promise<Uint8Array> {
  try {
    // Checked before reading, so a huge file is refused without loading it.
    if ((await stat(file)).size > MAX_IMPORT_BYTES) {
      throw new UsageError(
        `${file} is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB: split it into smaller files`,
      );
    }
    return await readFile(file);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw unreadable(file, error);
  }
}

/** Changed and refused lines one by one (unchanged ones only counted), then the totals. */
function describeReport(report: ImportReport): string {
  const lines = report.lines
    .filter((l) => l.outcome !== "unchanged")
    .map(
      (l) =>
        `line ${l.line}: ${l.outcome}${l.key ? ` (${l.key})` : ""}${l.reason ? `: ${l.reason}` : ""}`,
    );
  const { created, updated, unchanged, refused } = report.counts;
  const verb = report.dryRun ? "dry run, nothing written; would be" : "";
  lines.push(
    `${report.lines.length} lines: ${verb ? `${verb} ` : ""}${created} created, ${updated} updated, ${unchanged} unchanged, ${refused} refused`,
  );
  return lines.join("\n");
}
