import { readFile } from "node:fs/promises";
import { CommitteeName, setCommitteeOf } from "@entraide/core/committees/committee";
import { conditionFailed, putItem } from "@entraide/core/db/items";
import { keys } from "@entraide/core/db/layout";
import { readItem } from "@entraide/core/db/records";
import type { Deps } from "@entraide/core/deps";
import { FundName, setEnvelope } from "@entraide/core/funds/fund";
import { importActivities } from "@entraide/core/imports/activities";
import { readCsv, splitList } from "@entraide/core/imports/csv";
import { importMembers } from "@entraide/core/imports/members";
import type { ImportReport } from "@entraide/core/imports/report";
import { parseEuros } from "@entraide/core/money/euros";

const DEMO = new URL("./demo/", import.meta.url);
const demoFile = (name: string) => readFile(new URL(name, DEMO));

/**
 * Loads the demo members, activities, committees and funds (CSV files in `demo/`) into a fresh
 * local stack, once: a `SYSTEM`/`DEMO` item marks it done, and later calls return `loaded: false`.
 * Loading is a series of upserts, so a start interrupted midway simply loads again next time.
 */
export async function loadDemoData(deps: Deps): Promise<{ loaded: boolean }> {
  if (await readItem(deps, keys.demo())) return { loaded: false };
  expectAllImported("members.csv", await importMembers(deps, await demoFile("members.csv")));
  expectAllImported(
    "activities.csv",
    await importActivities(deps, await demoFile("activities.csv")),
  );
  for (const { cells } of readCsv(await demoFile("committees.csv"), [
    "committee",
    "members",
    "backups",
  ])) {
    await setCommitteeOf(deps, {
      committee: CommitteeName.parse(cells.committee),
      members: splitList(cells.members),
      backups: splitList(cells.backups),
    });
  }
  for (const { cells } of readCsv(await demoFile("funds.csv"), ["fund", "envelopeEuros"])) {
    await setEnvelope(deps, FundName.parse(cells.fund), parseEuros(cells.envelopeEuros ?? ""));
  }
  return { loaded: await markLoaded(deps) };
}

/** The demo files are checked in: a refused line is a bug in them, not something to skip. */
function expectAllImported(file: string, report: ImportReport): void {
  const refused = report.lines.filter((line) => line.outcome === "refused");
  if (refused.length > 0) {
    throw new Error(
      `demo ${file} has invalid lines: ${refused.map((l) => `line ${l.line}: ${l.reason}`).join("; ")}`,
    );
  }
}

async function markLoaded(deps: Deps): Promise<boolean> {
  try {
    await putItem(deps, {
      Item: { ...keys.demo(), kind: "demo", loadedAt: deps.clock.now().toISOString() },
      // Two stacks starting on the same table at once: only one reports the load.
      ConditionExpression: "attribute_not_exists(pk)",
    });
    return true;
  } catch (error) {
    if (conditionFailed(error)) return false;
    throw error;
  }
}
