import type { CreateTableCommandInput } from "@aws-sdk/client-dynamodb";

/**
 * The one module that owns the table layout (single-table design). Every item type's keys and
 * every access pattern are declared here; nobody else writes key strings by hand.
 *
 * Access patterns:
 * - an item by its key (`pk`, `sk`): executions, their history, tokens, members, funds…;
 * - `byStatus`: items of one kind in one status, oldest first (payouts of a fund by status,
 *   board posts, recovery totals, erasure's kept fields);
 * - `executionsByStatus`: executions by workflow + status + start date (operations, finance,
 *   erasure), keys only;
 * - `byDue`: everything that must happen at a given time (timers, retries, and the deadline by
 *   which a runnable execution must have moved, after which the sweeper re-drives it).
 */
export const indexes = {
  byStatus: { name: "byStatus", pk: "gsi1pk", sk: "gsi1sk", projection: "ALL" },
  /**
   * Executions' own, keys only: its keys change only when the status does, so a transition that
   * keeps the status writes nothing to it, however much of the item changes (with `byStatus`,
   * projecting ALL, AWS rewrote the entry on every transition). Readers read the executions by
   * key. (Executions were in `byStatus`: a deployed table gets this index added, the running
   * and ended executions' keys backfilled, then their `gsi1pk`/`gsi1sk` removed.)
   */
  executionsByStatus: {
    name: "executionsByStatus",
    pk: "xpk",
    sk: "xsk",
    projection: "KEYS_ONLY",
  },
  /**
   * Keys only: a transition that keeps its due time (a chain of states run in moments) then
   * writes nothing to the index, whatever else of the item changes; the sweeper reads the rest.
   * (It was `byDue` projecting ALL: AWS cannot change a projection in place, so the index has a
   * new name; a deployed table gets it added, backfilled, then the old one dropped.)
   */
  byDue: { name: "byDueKeys", pk: "duePk", sk: "dueSk", projection: "KEYS_ONLY" },
} as const;

/** DynamoDB deletes items whose `ttl` (epoch seconds) has passed: used tokens, effect records. */
export const ttlAttribute = "ttl";

/** The single partition of the due index; the write rate of timers is far below its limits. */
export const DUE_PARTITION = "due";

/** The byStatus partition of the recovery totals: few, all listed at once. */
const RECOVERY_PARTITION = "RECOVERY";

const pad = (n: number, width = 10) => String(n).padStart(width, "0");

export const keys = {
  execution: (id: string) => ({ pk: `EXEC#${id}`, sk: "EXEC" }),
  /** The execution an index entry of `executionsByStatus` names, from its table key. */
  executionIdOf: (pk: string) => pk.slice("EXEC#".length),
  /** One transition's history events, keyed by the sequence number of its first event. */
  historyEvent: (id: string, seq: number) => ({ pk: `EXEC#${id}`, sk: `HIST#${pad(seq)}` }),
  historyPrefix: (id: string) => ({ pk: `EXEC#${id}`, skPrefix: "HIST#" }),
  /**
   * A large, rarely changing part of an execution's data (the request body, check results),
   * kept out of the execution item so a transition rewrites a small item. Its sort key sorts
   * before the execution's ("DATA#" < "EXEC"), so one Query between them reads both.
   */
  executionPart: (id: string, dataKey: string) => ({ pk: `EXEC#${id}`, sk: `DATA#${dataKey}` }),
  executionWithParts: (id: string) => ({ pk: `EXEC#${id}`, from: "DATA#", to: "EXEC" }),
  callbackToken: (hash: string) => ({ pk: `TOKEN#${hash}`, sk: "TOKEN" }),
  effect: (key: string) => ({ pk: `EFFECT#${key}`, sk: "EFFECT" }),
  clock: () => ({ pk: "SYSTEM", sk: "CLOCK" }),
  /** Which request type a submission's Idempotency-Key was first used for (requests/idempotency.ts). */
  idempotencyKey: (key: string) => ({ pk: `IDEMKEY#${key}`, sk: "IDEMKEY" }),
  /** Marks that the demo data was loaded into a local stack, so it loads only once. */
  demo: () => ({ pk: "SYSTEM", sk: "DEMO" }),
  member: (memberNumber: string) => ({ pk: `MEMBER#${memberNumber}`, sk: "MEMBER" }),
  activity: (activityId: string) => ({ pk: `ACTIVITY#${activityId}`, sk: "ACTIVITY" }),
  committee: (name: string) => ({ pk: `COMMITTEE#${name}`, sk: "COMMITTEE" }),
  /** The language a person who receives mail reads (`contacts/language.ts`). */
  contact: (email: string) => ({ pk: `CONTACT#${email}`, sk: "CONTACT" }),
  fund: (name: string) => ({ pk: `FUND#${name}`, sk: "FUND" }),
  document: (documentId: string) => ({ pk: `DOC#${documentId}`, sk: "DOC" }),
  /** Who already used a document (by SHA-256) or an IBAN, for the risk flags of the checks. */
  documentUse: (sha256: string, requestId: string) => ({
    pk: `DOCHASH#${sha256}`,
    sk: `REQ#${requestId}`,
  }),
  documentUsePrefix: (sha256: string) => ({ pk: `DOCHASH#${sha256}`, skPrefix: "REQ#" }),
  ibanUse: (iban: string, memberNumber: string) => ({
    pk: `IBAN#${iban}`,
    sk: `MEMBER#${memberNumber}`,
  }),
  ibanUsePrefix: (iban: string) => ({ pk: `IBAN#${iban}`, skPrefix: "MEMBER#" }),
  /** A member's requests, newest last: duplicates, open loans, aid within the period. */
  memberRequest: (memberNumber: string, requestId: string) => ({
    pk: `MEMBER#${memberNumber}`,
    sk: `REQ#${requestId}`,
  }),
  memberRequestPrefix: (memberNumber: string) => ({
    pk: `MEMBER#${memberNumber}`,
    skPrefix: "REQ#",
  }),
  /** The member's register item and their requests, one range of their partition ("MEMBER" < "REQ#"). */
  memberWithRequests: (memberNumber: string) => ({
    pk: `MEMBER#${memberNumber}`,
    from: "MEMBER",
    to: "REQ#\uffff",
  }),
  payout: (payoutId: string) => ({ pk: `PAYOUT#${payoutId}`, sk: "PAYOUT" }),
  /** GSI keys of a payout: a fund's payouts in one status, in approval order. */
  payoutStatus: (fund: string, status: string, approvedAt: string, payoutId: string) => ({
    gsi1pk: `PAYOUT#${fund}#${status}`,
    gsi1sk: `${approvedAt}#${payoutId}`,
  }),
  payoutStatusPartition: (fund: string, status: string) => `PAYOUT#${fund}#${status}`,
  batch: (batchId: string) => ({ pk: `BATCH#${batchId}`, sk: "BATCH" }),
  /**
   * A payout as it was claimed into a batch (a copy taken in the claim's transaction), listed
   * under the batch in approval order: exports and settlement read a batch without a GSI, and
   * an old batch still exports what was sent to the bank after its payouts moved on.
   */
  batchPayout: (batchId: string, approvedAt: string, payoutId: string) => ({
    pk: `BATCH#${batchId}`,
    sk: `PAYOUT#${approvedAt}#${payoutId}`,
  }),
  batchPayoutPrefix: (batchId: string) => ({ pk: `BATCH#${batchId}`, skPrefix: "PAYOUT#" }),
  /** Proof that a trusted signal (a payment, a repayment) reached an execution, so it is sent once. */
  signalReceipt: (executionId: string, signalKey: string) => ({
    pk: `EXEC#${executionId}`,
    sk: `SIGNAL#${signalKey}`,
  }),
  /** A request waiting for its fund to grow, listed in approval order: first approved, first served. */
  awaitingFunds: (fund: string, approvedAt: string, requestId: string) => ({
    pk: `AWAITING#${fund}`,
    sk: `${approvedAt}#${requestId}`,
  }),
  awaitingFundsPartition: (fund: string) => `AWAITING#${fund}`,
  /**
   * A client's payment as finance saw it on the bank statement: one per bank reference, ever,
   * keyed by the reference's SHA-256 so that erasing the text leaves the guard in place.
   */
  recoveryPayment: (referenceHash: string) => ({
    pk: `RECOVERYREF#${referenceHash}`,
    sk: "RECOVERYREF",
  }),
  /** Payout fields kept for accounting after a member's erasure, until `until` (listed by date). */
  erasureKept: (memberNumber: string) => ({ pk: `ERASURE#${memberNumber}`, sk: "ERASURE" }),
  erasureKeptPartition: () => "ERASURE#kept",
  /** What a request's client paid back so far, all payments together; listed under the partition below. */
  recoveryTotal: (requestId: string) => ({ pk: `EXEC#${requestId}`, sk: "RECOVERY" }),
  recoveryPartition: () => RECOVERY_PARTITION,
  /** Index keys of an execution (`executionsByStatus`): by workflow + status + start date. */
  executionStatus: (workflow: string, status: string, startedAt: string, id: string) => ({
    xpk: `EXEC#${workflow}#${status}`,
    xsk: `${startedAt}#${id}`,
  }),
  executionStatusPartition: (workflow: string, status: string) => `EXEC#${workflow}#${status}`,
  /**
   * The report counters of a fund for one month (`YYYY-MM`), spread over a few shard items so
   * that concurrent transitions rarely write the same item: one query reads a fund's month.
   */
  reportCounters: (fund: string, month: string, shard: number) => ({
    pk: `REPORT#${fund}#${month}`,
    sk: `SHARD#${pad(shard, 2)}`,
  }),
  reportCountersPartition: (fund: string, month: string) => `REPORT#${fund}#${month}`,
  /** What the report needs of one loan (principal, repaid, installments), all of a fund's in one partition. */
  loanSummary: (fund: string, requestId: string) => ({
    pk: `LOANS#${fund}`,
    sk: `LOAN#${requestId}`,
  }),
  loanSummaryPartition: (fund: string) => `LOANS#${fund}`,
  /** A post of the mutual-aid board (its public part: what the board shows). */
  boardPost: (postId: string) => ({ pk: `BOARD#${postId}`, sk: "POST" }),
  /** GSI keys of a post: the board lists one status (published), newest first, without a scan. */
  boardPostStatus: (status: string, publishedAt: string, postId: string) => ({
    gsi1pk: `BOARD#${status}`,
    gsi1sk: `${publishedAt}#${postId}`,
  }),
  boardPostStatusPartition: (status: string) => `BOARD#${status}`,
  /** A message relayed to a post's author, kept under the post until it is erased. */
  boardMessage: (postId: string, messageId: string) => ({
    pk: `BOARD#${postId}`,
    sk: `MSG#${messageId}`,
  }),
  /** Marks a post counted against its author's daily limit: a retried post counts once. */
  boardPostCounted: (postId: string) => ({ pk: `BOARD#${postId}`, sk: "COUNTED" }),
  /** An author's edit of a post (what it said before), kept under the post until it is erased. */
  boardEdit: (postId: string, at: string) => ({ pk: `BOARD#${postId}`, sk: `EDIT#${at}` }),
  /** A counter of actions by one sender (or on one post) within one window: the rate limits. */
  rateCounter: (scope: string, window: string) => ({ pk: `RATE#${scope}`, sk: window }),
  /** GSI keys of a due item: when it is due, then which execution, so ties stay distinct. */
  due: (dueAt: string, id: string) => ({ duePk: DUE_PARTITION, dueSk: `${dueAt}#${id}` }),
} as const;

/** The table as `CreateTable` wants it: used by the local provisioning and asserted by the stacks. */
export function tableDefinition(TableName: string): CreateTableCommandInput {
  const s = (AttributeName: string) => ({ AttributeName, AttributeType: "S" as const });
  return {
    TableName,
    BillingMode: "PAY_PER_REQUEST",
    AttributeDefinitions: [
      s("pk"),
      s("sk"),
      ...Object.values(indexes).flatMap((index) => [s(index.pk), s(index.sk)]),
    ],
    KeySchema: [
      { AttributeName: "pk", KeyType: "HASH" },
      { AttributeName: "sk", KeyType: "RANGE" },
    ],
    GlobalSecondaryIndexes: Object.values(indexes).map((index) => ({
      IndexName: index.name,
      KeySchema: [
        { AttributeName: index.pk, KeyType: "HASH" },
        { AttributeName: index.sk, KeyType: "RANGE" },
      ],
      Projection: { ProjectionType: index.projection },
    })),
  };
}

/**
 * The first segment of every partition key above, by the kind of item it names: what
 * {@link parsePartitionKey} reads back (erasure sweeps the whole table and asks each item).
 */
export const partitionPrefixes = {
  execution: "EXEC#",
  token: "TOKEN#",
  effect: "EFFECT#",
  idempotencyKey: "IDEMKEY#",
  member: "MEMBER#",
  activity: "ACTIVITY#",
  committee: "COMMITTEE#",
  contact: "CONTACT#",
  fund: "FUND#",
  document: "DOC#",
  documentUse: "DOCHASH#",
  ibanUse: "IBAN#",
  payout: "PAYOUT#",
  batch: "BATCH#",
  awaitingFunds: "AWAITING#",
  recoveryPayment: "RECOVERYREF#",
  erasureKept: "ERASURE#",
  reportCounters: "REPORT#",
  loanSummary: "LOANS#",
  board: "BOARD#",
  rateCounter: "RATE#",
} as const;
export type ItemKind = keyof typeof partitionPrefixes;

/** Which kind of item a partition key names, and what follows its prefix (`EXEC#42` → execution, 42). */
export function parsePartitionKey(pk: string): { kind: ItemKind; id: string } | undefined {
  for (const [kind, prefix] of Object.entries(partitionPrefixes))
    if (pk.startsWith(prefix)) return { kind: kind as ItemKind, id: pk.slice(prefix.length) };
  return undefined;
}

/** The execution an effect record belongs to (its key starts with the execution's id). */
export const effectExecutionId = (effectId: string) => effectId.split("#")[0];

/** Whether a sort key under an execution is a signal receipt ({@link keys.signalReceipt}). */
export const isSignalReceipt = (sk: string) => sk.startsWith(keys.signalReceipt("", "").sk);
