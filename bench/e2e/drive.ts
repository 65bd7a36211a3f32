import { GetQueueAttributesCommand } from "@aws-sdk/client-sqs";
import { idFromKey } from "../../packages/core/src/engine/engine";
import { getExecution, readHistory } from "../../packages/core/src/engine/store";
import { planConfig } from "../../packages/core/src/plan/config";
import { type BenchType, bodyOf, DOCUMENTS } from "./bodies";
import { approvalTokenOf, type StoredEmail, watchMailbox } from "./mailbox";
import type { BenchMember } from "./registers";
import type { BenchStack } from "./stack";

export interface DriveOptions {
  count: number;
  /** Members submitting at once; simulated approvers deciding at once. */
  concurrency: number;
  types: readonly BenchType[];
  /** Stop waiting when nothing moved for this long. */
  idleTimeoutMs: number;
  /**
   * Open loop: one request submitted every 1/rate seconds on a fixed schedule, whatever the
   * system's answers (as independent members would), and each approver deciding as soon as
   * their email arrives; `concurrency` then bounds nothing. Without it, a closed loop.
   */
  arrivalsPerSecond?: number;
}

/** One request's life as the bench saw it and as its history records it (ms since the epoch). */
export interface RequestRecord {
  id: string;
  type: BenchType;
  submitAt: number;
  submitMs: number;
  /** When each decision was posted. */
  decisionPosts: number[];
  /** When the SES emulator stored the first approval email (the bench hears its store). */
  approvalEmailSeenAt?: number;
  /** Decisions the execution recorded. */
  approvals: number;
  status?: string;
  fundsReservedAt?: number;
  /** Committed engine transitions (the execution's revision). */
  transitions: number;
  /** States entered: what Step Functions would bill as state transitions. */
  statesEntered: number;
  errors: string[];
}

export interface DriveResult {
  records: RequestRecord[];
  /** First submit to last FundsReserved. */
  seconds: number;
  /** Presigned POSTs the browser sends to S3 (not through the SDK, so not counted by the middleware). */
  browserS3Puts: number;
}

/**
 * Approvals a request of `type` needs before funds are reserved, from the plan: a vote's quorum
 * (all for), or the approvers a loan always needs.
 */
function approvalsNeeded(type: BenchType): number {
  const policy = planConfig.types[type].approval;
  if (policy.kind === "committee-vote") return policy.quorum;
  return policy.kind === "always-two" ? 2 : 1;
}
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

interface Tracker {
  record: RequestRecord;
  memberEmail: string;
  needed: number;
  tokens: { approver: string; token: string; kind: "decision" | "vote" }[];
  used: Set<string>;
  deciding: boolean;
  decided: number;
  /** Member emails still to come once decided: a vote's outcome comes before the approval notice. */
  noticesLeft: number;
  done: boolean;
}

/** At most `limit` of the functions given run at once. */
function limiter(limit: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(f: () => Promise<T>): Promise<T> => {
    if (active >= limit) await new Promise<void>((r) => waiting.push(r));
    active++;
    try {
      return await f();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}

/**
 * Submits `count` requests through the API at the given concurrency (documents uploaded first,
 * as the form does), lets simulated approvers decide from the approval emails' links as soon as
 * they arrive (two distinct approvers for loans, one after the other), and waits until each
 * request's approval notice reaches the member, which the worker sends after reserving funds.
 */
export async function drive(
  stack: BenchStack,
  options: DriveOptions,
  claimMember: () => BenchMember,
): Promise<DriveResult> {
  const trackers = new Map<string, Tracker>();
  const decideSlot = limiter(
    options.arrivalsPerSecond ? Number.POSITIVE_INFINITY : options.concurrency,
  );
  let browserS3Puts = 0;
  let lastProgress = Date.now();
  const progress = () => {
    lastProgress = Date.now();
  };

  const api = async (
    method: string,
    path: string,
    body: unknown,
    headers: Record<string, string> = {},
  ) => {
    const response = await fetch(`${stack.apiUrl}${path}`, {
      method,
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };

  const upload = async () => {
    // Unique bytes: the same file in two requests is a reuse flag the approvers would see.
    const bytes = Buffer.from(`%PDF-1.7\n%âãÏÓ\n% ${crypto.randomUUID()}\n1 0 obj << >> endobj\n`);
    const created = await api("POST", "/api/documents", {
      fileName: "justificatif.pdf",
      contentType: "application/pdf",
      size: bytes.length,
    });
    if (created.status !== 201) throw new Error(`upload refused: ${JSON.stringify(created.body)}`);
    // As the browser sends it: the presigned form's fields, then the file, last.
    const { url, fields } = created.body.upload as { url: string; fields: Record<string, string> };
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append("file", new Blob([new Uint8Array(bytes)], { type: "application/pdf" }));
    const posted = await fetch(url, { method: "POST", body: form });
    browserS3Puts++;
    if (!posted.ok) throw new Error(`POST to the presigned form failed: ${posted.status}`);
    return created.body.documentId as string;
  };

  const decideNext = (t: Tracker) => {
    if (t.deciding || t.decided >= t.needed) return;
    const next = t.tokens.find((x) => !t.used.has(x.approver));
    if (!next) return;
    t.deciding = true;
    t.used.add(next.approver);
    void decideSlot(async () => {
      t.record.decisionPosts.push(Date.now());
      const answer =
        next.kind === "vote"
          ? await api(
              "POST",
              "/api/votes",
              { vote: "approve" },
              { authorization: `Bearer ${next.token}` },
            )
          : await api(
              "POST",
              "/api/decisions",
              { decision: "approve" },
              { authorization: `Bearer ${next.token}` },
            );
      if (answer.status !== 200)
        t.record.errors.push(
          `decision by ${next.approver}: ${answer.status} ${JSON.stringify(answer.body)}`,
        );
      t.decided++;
    })
      .catch((error) => t.record.errors.push(`decision: ${String(error)}`))
      .finally(() => {
        t.deciding = false;
        progress();
        decideNext(t);
      });
  };

  const onEmail = (email: StoredEmail, seenAt: number) => {
    const id = email.subject.match(UUID)?.[0];
    const t = id ? trackers.get(id) : undefined;
    if (!t) return;
    progress();
    const to = email.destination.to.map((a) => a.toLowerCase());
    const approval = approvalTokenOf(email);
    if (approval) {
      t.record.approvalEmailSeenAt ??= seenAt;
      t.tokens.push({ approver: to[0]!, ...approval });
      decideNext(t);
    } else if (to.includes(t.memberEmail) && t.record.decisionPosts.length >= t.needed) {
      // After the decisions, the member's next email is the approval notice, sent once funds are
      // reserved; a vote's outcome comes to the member just before it.
      t.noticesLeft--;
      if (t.noticesLeft === 0) t.done = true;
    }
  };
  const mailbox = watchMailbox(onEmail);

  const submitOne = async (i: number) => {
    const type = options.types[i % options.types.length]!;
    const own =
      type === "cancelled-contract" || type === "incurred-expenses" ? undefined : claimMember();
    const documents: string[] = [];
    for (let d = 0; d < DOCUMENTS[type]; d++) documents.push(await upload());
    const body = bodyOf(type, i, own ?? ({} as BenchMember), documents);
    const key = crypto.randomUUID();
    const record: RequestRecord = {
      id: idFromKey(type, key),
      type,
      submitAt: Date.now(),
      submitMs: 0,
      decisionPosts: [],
      approvals: 0,
      transitions: 0,
      statesEntered: 0,
      errors: [],
    };
    trackers.set(record.id, {
      record,
      memberEmail: String(body.email).toLowerCase(),
      needed: approvalsNeeded(type),
      tokens: [],
      used: new Set(),
      deciding: false,
      decided: 0,
      noticesLeft: planConfig.types[type].approval.kind === "committee-vote" ? 2 : 1,
      done: false,
    });
    const answer = await api("POST", "/api/requests", body, { "idempotency-key": key });
    record.submitMs = Date.now() - record.submitAt;
    if (answer.status !== 201)
      record.errors.push(`submit: ${answer.status} ${JSON.stringify(answer.body)}`);
    progress();
  };

  if (options.arrivalsPerSecond) {
    const rate = options.arrivalsPerSecond;
    const t0 = Date.now();
    const submits: Promise<void>[] = [];
    for (let i = 0; i < options.count; i++) {
      const wait = t0 + (i * 1000) / rate - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      submits.push(submitOne(i));
    }
    await Promise.all(submits);
  } else {
    let next = 0;
    await Promise.all(
      Array.from({ length: options.concurrency }, async () => {
        while (next < options.count) await submitOne(next++);
      }),
    );
  }
  while ([...trackers.values()].some((t) => !t.done && t.record.errors.length === 0)) {
    if (Date.now() - lastProgress > options.idleTimeoutMs) {
      process.stderr.write(`no progress for ${options.idleTimeoutMs} ms: giving up on the rest\n`);
      break;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  await mailbox.stop();
  await queueEmpty(stack);

  const records = [...trackers.values()].map((t) => t.record);
  await readOutcomes(stack, records);
  const first = Math.min(...records.map((r) => r.submitAt));
  const last = Math.max(...records.map((r) => r.fundsReservedAt ?? 0));
  return { records, seconds: (last - first) / 1000, browserS3Puts };
}

/** Waits until the worker has nothing left to do, so the counts hold every request's last moves. */
async function queueEmpty(stack: BenchStack) {
  for (let i = 0; i < 200; i++) {
    const { Attributes = {} } = await stack.observer.clients.sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl: stack.observer.config.queueUrl,
        AttributeNames: ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"],
      }),
    );
    if (
      Number(Attributes.ApproximateNumberOfMessages) +
        Number(Attributes.ApproximateNumberOfMessagesNotVisible) ===
      0
    )
      return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Status, transitions and event times of each request, from its execution and history. */
async function readOutcomes(stack: BenchStack, records: RequestRecord[]) {
  const at = (s: string | undefined) => (s ? Date.parse(s) : undefined);
  for (let i = 0; i < records.length; i += 16) {
    await Promise.all(
      records.slice(i, i + 16).map(async (r) => {
        const execution = await getExecution(stack.observer, r.id);
        if (!execution) return;
        const history = await readHistory(stack.observer, r.id);
        r.status = (execution.data as { status?: string }).status;
        r.transitions = execution.rev;
        r.statesEntered = Object.values(execution.visits).reduce((a, b) => a + b, 0);
        r.approvals = ((execution.data as { decisions?: unknown[] }).decisions ?? []).length;
        r.fundsReservedAt = at(history.find((e) => e.type === "FundsReserved")?.at);
      }),
    );
  }
}
