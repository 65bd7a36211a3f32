import { deleteItem, putItem } from "../db/items";
import { effectExecutionId, isSignalReceipt, keys, parsePartitionKey } from "../db/layout";
import { byPrefix, scanItems } from "../db/query";
import { readItem } from "../db/records";
import type { Deps } from "../deps";
import type { Execution } from "../engine/execution";
import { commit, getExecution } from "../engine/store";
import { ConflictError, NotFoundError } from "../errors";
import { type PlanConfig, planConfig } from "../plan/config";
import { documentIdsOf } from "../requests/amount";
import type { RequestData } from "../requests/record";
import { eraseObjects } from "./objects";
import { ibanForms, personalStrings, pseudonymOf, requestSecrets, Scrubber } from "./scrub";

/** What accounting law needs of a payout (§10): kept until the accounting retention has passed. */
export const ACCOUNTING_FIELDS = [
  "beneficiaryName",
  "iban",
  "amountCents",
  "paidAt",
  "reference",
] as const;
const KEPT = new Set<string>(ACCOUNTING_FIELDS);

export interface ErasureReport {
  memberNumber: string;
  dryRun: boolean;
  erasedAt: string;
  by: string;
  pseudonym: string;
  requests: string[];
  /** Items rewritten with the pseudonym, and items deleted (indexes, tokens, effects, documents). */
  scrubbed: number;
  deleted: number;
  objectsDeleted: number;
  /** Payout fields kept for accounting, and until when; empty once that retention has passed. */
  kept: { payoutIds: string[]; fields: string[]; until: string }[];
}

type Item = Record<string, unknown>;
type Action =
  | { kind: "delete" }
  | { kind: "scrub"; keep?: ReadonlySet<string> }
  | { kind: "execution" };

interface Target {
  memberNumber: string;
  ids: Set<string>;
  documentIds: Set<string>;
  keepAccounting: boolean;
  pseudonym: string;
}

/** A payout, or its copy under a batch: what accounting keeps. */
function isPayoutRecord(pk: string): boolean {
  const kind = parsePartitionKey(pk)?.kind;
  return kind === "payout" || kind === "batch";
}

/** What erasure does to an item of the table, if it is the member's. */
function actionFor(item: Item, t: Target): Action | undefined {
  const pk = String(item.pk);
  const sk = String(item.sk);
  const owns = (id: unknown) => typeof id === "string" && t.ids.has(id);
  if (pk === keys.member(t.memberNumber).pk) return { kind: "scrub" };
  const key = parsePartitionKey(pk);
  if (key?.kind === "execution" && owns(key.id)) {
    if (sk === keys.execution(key.id).sk) return { kind: "execution" };
    if (isSignalReceipt(sk)) return { kind: "delete" };
    return { kind: "scrub" };
  }
  if (key?.kind === "ibanUse" && sk === keys.ibanUse(key.id, t.memberNumber).sk)
    return { kind: "delete" };
  if (key?.kind === "documentUse" && owns(item.requestId)) return { kind: "delete" };
  if (key?.kind === "document" && t.documentIds.has(key.id)) return { kind: "delete" };
  if (key?.kind === "token" && owns(item.executionId)) return { kind: "delete" };
  if (key?.kind === "effect" && owns(effectExecutionId(key.id))) return { kind: "delete" };
  if (key?.kind === "awaitingFunds" && owns(item.requestId)) return { kind: "delete" };
  if (isPayoutRecord(pk) && (owns(item.payoutId) || owns(item.requestId)))
    return { kind: "scrub", keep: t.keepAccounting ? KEPT : undefined };
  if (owns(item.requestId) || owns(item.executionId)) return { kind: "scrub" };
  return undefined;
}

/**
 * Erases a member's personal data (§10): names, emails, IBANs, descriptions, comments, client
 * details and documents are replaced by a pseudonym or deleted wherever they are stored (the
 * register, executions and their history, payouts and batch copies, tokens, the effect ledger,
 * the request indexes, documents and exports in the bucket), while amounts, dates, statuses
 * and fund counters stay, so reports still balance. Each request's history gets an `Erased`
 * event. Until the accounting retention has passed (after the member's last payment), a
 * payout keeps {@link ACCOUNTING_FIELDS}; running it again after that erases them too.
 *
 * The whole table is scanned: every copy is found whatever item kind holds it, at the cost of
 * one scan per erasure (a rare, scheduled operation).
 *
 * @throws NotFoundError for a member the register never knew; ConflictError
 * `erasure.request-open` while one of their requests has not ended.
 */
export async function eraseMember(
  deps: Deps,
  memberNumber: string,
  options: { dryRun?: boolean; by: string; plan?: PlanConfig },
): Promise<ErasureReport> {
  const plan = options.plan ?? planConfig;
  const now = deps.clock.now();
  const erasedAt = now.toISOString();
  const member = await readItem(deps, keys.member(memberNumber));
  const ids: string[] = [];
  for await (const item of byPrefix(deps, keys.memberRequestPrefix(memberNumber)))
    ids.push(String(item.id ?? String(item.sk).slice(4)));
  if (!member && ids.length === 0) throw new NotFoundError("member", memberNumber);
  const executions = (await Promise.all(ids.map((id) => getExecution(deps, id)))).filter(
    (e): e is Execution => e !== undefined,
  );
  const open = executions.filter((e) => e.status !== "succeeded");
  if (open.length > 0) {
    const list = open.map(
      (e) =>
        `${e.id} (${(e.data as RequestData).status ?? e.state}${e.status === "failed" ? ", failed" : ""})`,
    );
    throw new ConflictError(
      "erasure.request-open",
      `member ${memberNumber} still has ${open.length === 1 ? "a request" : "requests"} open: ${list.join(", ")}; erase once ${open.length === 1 ? "it has" : "they have"} ended`,
      { open: open.map((e) => e.id) },
    );
  }
  const datas = executions.map((e) => e.data as RequestData);
  const documentIds = new Set(
    datas.flatMap((d) => [
      ...documentIdsOf(d.request),
      ...(d.infoAnswers ?? []).flatMap((a) => a.documents ?? []),
    ]),
  );
  const documents = await Promise.all(
    [...documentIds].map((id) => readItem(deps, keys.document(id))),
  );
  const secrets = [
    ...(member && !member.erased
      ? [
          ...personalStrings({
            firstName: member.firstName,
            lastName: member.lastName,
            email: member.email,
          }),
          `${String(member.firstName)} ${String(member.lastName)}`,
          ...ibanForms(String(member.iban)),
        ]
      : []),
    ...datas.flatMap(requestSecrets),
    ...documents.flatMap((d) => personalStrings(d?.fileName)),
  ];
  const pseudonym = pseudonymOf(deps.config.tokenSecret, memberNumber);
  const scrubber = new Scrubber(secrets, pseudonym);
  const lastPaidAt = datas
    .map((d) => d.payout?.paidAt)
    .filter((p): p is string => typeof p === "string")
    .sort()
    .at(-1);
  const until =
    lastPaidAt &&
    new Date(Date.parse(lastPaidAt) + plan.erasure.accountingRetentionSeconds * 1000).toISOString();
  const keepAccounting = until !== undefined && until > erasedAt;
  const target: Target = {
    memberNumber,
    ids: new Set(ids),
    documentIds,
    keepAccounting,
    pseudonym,
  };
  const report: ErasureReport = {
    memberNumber,
    dryRun: options.dryRun === true,
    erasedAt,
    by: options.by,
    pseudonym,
    requests: ids,
    scrubbed: 0,
    deleted: 0,
    objectsDeleted: 0,
    kept:
      keepAccounting && until
        ? [
            {
              payoutIds: datas.filter((d) => d.payout?.paidAt).map((d) => d.payout!.payoutId),
              fields: [...ACCOUNTING_FIELDS],
              until,
            },
          ]
        : [],
  };
  const batches = new Set<string>();
  for await (const item of scanItems(deps, { ConsistentRead: true, Limit: 500 })) {
    const action = actionFor(item, target);
    if (!action) continue;
    if (typeof item.batchId === "string") batches.add(item.batchId);
    if (action.kind === "delete") {
      report.deleted++;
      if (!report.dryRun) await deleteItem(deps, { Key: { pk: item.pk, sk: item.sk } });
      continue;
    }
    report.scrubbed++;
    if (report.dryRun) continue;
    if (action.kind === "execution")
      await eraseExecution(deps, String(item.id), scrubber, options.by, erasedAt);
    else if (item.pk === keys.member(memberNumber).pk && item.sk === keys.member(memberNumber).sk)
      await putItem(deps, {
        Item: {
          ...keys.member(memberNumber),
          kind: "member",
          memberNumber,
          erased: true,
          erasedAt: member?.erasedAt ?? erasedAt,
          erasedBy: member?.erasedBy ?? options.by,
        },
      });
    else await putItem(deps, { Item: scrubbedItem(item, action, scrubber, target) });
  }
  report.objectsDeleted = await eraseObjects(deps, scrubber, documentIds, batches, report.dryRun);
  if (!report.dryRun) await recordKept(deps, memberNumber, report);
  return report;
}

/**
 * An item with the member's strings replaced. A payout past its accounting retention loses its
 * beneficiary and account too, even when the texts that named them are long gone (a second run).
 */
function scrubbedItem(
  item: Item,
  action: Action & { kind: "scrub" },
  scrubber: Scrubber,
  t: Target,
): Item {
  const scrubbed = scrubber.value(item, new Set(["pk", "sk", ...(action.keep ?? [])]));
  if (!isPayoutRecord(String(item.pk)) || t.keepAccounting) return scrubbed;
  return { ...scrubbed, beneficiaryName: t.pseudonym, iban: t.pseudonym };
}

/** Rewrites an ended execution with its data scrubbed, and says so in its history. */
async function eraseExecution(
  deps: Deps,
  id: string,
  scrubber: Scrubber,
  by: string,
  at: string,
): Promise<void> {
  const execution = (await getExecution(deps, id))!;
  const scrubbed = scrubber.value(execution);
  await commit(deps, {
    expectedRev: execution.rev,
    next: { ...scrubbed, rev: execution.rev + 1, seq: execution.seq + 1, updatedAt: at },
    events: [{ at, type: "Erased", detail: { by, personalData: "replaced by a pseudonym" } }],
  });
}

/** Remembers what was kept for accounting, so the scheduled erasure finishes it when its time comes. */
async function recordKept(deps: Deps, memberNumber: string, report: ErasureReport): Promise<void> {
  const key = keys.erasureKept(memberNumber);
  const kept = report.kept[0];
  if (!kept) {
    await deleteItem(deps, { Key: key });
    return;
  }
  await putItem(deps, {
    Item: {
      ...key,
      kind: "erasure-kept",
      memberNumber,
      until: kept.until,
      gsi1pk: keys.erasureKeptPartition(),
      gsi1sk: `${kept.until}#${memberNumber}`,
    },
  });
}
