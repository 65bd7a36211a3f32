import * as z from "zod";
import { conditionFailed, updateItem } from "../db/items";
import { keys } from "../db/layout";
import { readItem } from "../db/records";
import type { Deps } from "../deps";
import { ConflictError } from "../errors";
import { formatCents } from "../money/cents";
import { type PlanConfig, planConfig } from "../plan/config";
import { envelopeAttribute } from "./movements";

/** The names of the plan's funds (§5), in the plan's order: every list of funds reads this. */
export const fundNamesOf = (plan: PlanConfig = planConfig): string[] =>
  plan.funds.map((f) => f.name);

/** A fund of the plan, by name (the one declaration every module uses). */
export const FundName = z.string().refine((name) => fundNamesOf().includes(name), {
  error: () => `must be a fund of the plan: ${fundNamesOf().join(", ")}`,
});
export type FundName = z.infer<typeof FundName>;

const Cents = z.number().int().nonnegative().default(0);

/**
 * A fund: the envelope operations set, and the counters the engine moves atomically with each
 * transition (reserve on approval, release, pay, recover, repay). All integer cents.
 */
export const Fund = z.object({
  fund: FundName,
  envelopeCents: Cents,
  reservedCents: Cents,
  paidCents: Cents,
  recoveredCents: Cents,
  repaidCents: Cents,
});
export type Fund = z.infer<typeof Fund>;

/** The counters the engine owns; operations never write them. */
export const FUND_COUNTERS = [
  "reservedCents",
  "paidCents",
  "recoveredCents",
  "repaidCents",
] as const;

/** What the fund can still reserve: envelope plus what came back, minus what is reserved or paid. */
export function remainingCents(fund: Fund): number {
  return (
    fund.envelopeCents +
    fund.recoveredCents +
    fund.repaidCents -
    fund.reservedCents -
    fund.paidCents
  );
}

/** The fund, or undefined if its envelope was never set. */
export async function getFund(deps: Deps, name: FundName): Promise<Fund | undefined> {
  const item = await readItem(deps, keys.fund(name));
  return item ? Fund.parse(item) : undefined;
}

/** How often to retry when the engine moves the counters between our read and our write. */
const MAX_ATTEMPTS = 10;

/**
 * Sets a fund's envelope, creating the fund with zero counters if needed. Only `envelopeCents`
 * is written; the counters are never overwritten. An envelope below what is already committed
 * (reserved + paid − recovered − repaid) is refused, so a fund is never overspent.
 *
 * @returns the fund as stored after the change.
 * @throws ConflictError `fund.envelope-too-small` with the minimum envelope.
 */
export async function setEnvelope(
  deps: Deps,
  name: FundName,
  envelopeCents: number,
): Promise<Fund> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const current = await getFund(deps, name);
    if (current && remainingCents({ ...current, envelopeCents }) < 0) {
      const committed = current.envelopeCents - remainingCents(current);
      throw new ConflictError(
        "fund.envelope-too-small",
        `the ${name} fund has already committed ${formatCents(committed)} euros (reserved or paid): the envelope cannot be lower`,
        { committedCents: committed },
      );
    }
    try {
      return await writeEnvelope(deps, name, envelopeCents, current);
    } catch (error) {
      // The engine moved a counter since our read: check the new figures again.
      if (!conditionFailed(error)) throw error;
    }
  }
  throw new ConflictError(
    "fund.busy",
    `the ${name} fund kept changing while setting its envelope: try again`,
  );
}

async function writeEnvelope(
  deps: Deps,
  name: FundName,
  envelopeCents: number,
  seen: Fund | undefined,
) {
  const names: Record<string, string> = {
    "#fund": "fund",
    "#kind": "kind",
    "#envelope": "envelopeCents",
    "#available": "availableCents",
    // The envelope as it stood at the end of each month, for the assembly report's chart.
    "#envelopeMonth": envelopeAttribute(deps.clock.now().toISOString().slice(0, 7)),
  };
  const values: Record<string, unknown> = {
    ":fund": name,
    ":kind": "fund",
    ":envelope": envelopeCents,
    ":zero": 0,
    // Exact: the condition below holds only if the counters are those this is computed from.
    ":available": remainingCents({ ...(seen ?? Fund.parse({ fund: name })), envelopeCents }),
  };
  const initialise: string[] = [];
  const unchanged: string[] = [];
  for (const [i, counter] of FUND_COUNTERS.entries()) {
    names[`#c${i}`] = counter;
    initialise.push(`#c${i} = if_not_exists(#c${i}, :zero)`);
    values[`:c${i}`] = seen?.[counter] ?? 0;
    unchanged.push(
      seen?.[counter] ? `#c${i} = :c${i}` : `(attribute_not_exists(#c${i}) OR #c${i} = :c${i})`,
    );
  }
  const { Attributes } = await updateItem(deps, {
    Key: keys.fund(name),
    UpdateExpression: `SET #fund = :fund, #kind = :kind, #envelope = :envelope, #envelopeMonth = :envelope, #available = :available, ${initialise.join(", ")}`,
    // The envelope check above read these counters; the write only holds if they have not moved.
    ConditionExpression: unchanged.join(" AND "),
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
    ReturnValues: "ALL_NEW",
  });
  return Fund.parse(Attributes);
}
