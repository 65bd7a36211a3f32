import type { MiddlewareStack } from "@smithy/types";
import { beforeAll, describe, expect, it } from "vitest";
import { handleInboundEmail } from "../../packages/core/src/notifications/replies/inbound";
import { decide } from "../../packages/core/src/requests/approver-actions";
import { committee, projectStack } from "./project-support";
import { admins, contractBody, credit, loanBody, pdf } from "./support";

/**
 * What each path reads from DynamoDB, counted on the wire (a middleware on the stack's real
 * client, against DynamoDB Local): every read is listed as its operation and the kind of item
 * it names (the partition key's prefix), so a read that comes back, twice or one by one, fails.
 */
let f: Awaited<ReturnType<typeof projectStack>>;
const reads: string[] = [];
const READS = /^(GetItem|Query|BatchGetItem)$/;
type Wire = { S?: string } | string | undefined;
const prefixOf = (value: Wire) =>
  String(typeof value === "object" ? value.S : value).split("#")[0] ?? "";

beforeAll(async () => {
  f = await projectStack();
  const stack = f.stack.clients.ddb.middlewareStack as MiddlewareStack<object, object>;
  stack.add(
    (next, context) => (args) => {
      const operation = (context.commandName ?? "").replace(/Command$/, "");
      if (READS.test(operation)) reads.push(`${operation} ${kindOf(args.input)}`);
      return next(args);
    },
    { step: "finalizeRequest", name: "readCounter" },
  );
});

/** The kind of item a read names: "TOKEN", "EXEC", "CONTACT×2" for a batch of two contacts… */
function kindOf(input: object): string {
  const i = input as {
    Key?: { pk: Wire };
    ExpressionAttributeValues?: Record<string, Wire>;
    RequestItems?: Record<string, { Keys: { pk: Wire }[] }>;
  };
  if (i.Key) return prefixOf(i.Key.pk);
  if (i.RequestItems) {
    const kinds = Object.values(i.RequestItems).flatMap((r) => r.Keys.map((k) => prefixOf(k.pk)));
    return [...new Set(kinds)].map((k) => `${k}×${kinds.filter((x) => x === k).length}`).join(",");
  }
  return prefixOf(i.ExpressionAttributeValues?.[":pk"]);
}

/** The reads `act` causes, sorted; the worker is not pumped meanwhile. */
async function readsOf(act: () => Promise<unknown>): Promise<string[]> {
  reads.length = 0;
  await act();
  return [...reads].sort();
}

describe("each path reads what it needs once", () => {
  it("a decision POST reads its token and its execution once each, and no register", async () => {
    // Prepare
    const submitted = await f.submit(contractBody([await f.upload(pdf)]));
    const token = await f.decisionToken(admins[0]!, submitted.body.id);
    // Act
    let answer: { status: number } | undefined;
    const seen = await readsOf(async () => {
      answer = await f.api.call("POST", "/api/decisions", {
        body: { decision: "approve" },
        token,
      });
    });
    // Assess
    expect(answer?.status).toBe(200);
    expect(seen).toEqual(["GetItem TOKEN", "Query EXEC"]);
    await f.harness.drain();
  });

  it("a refused decision still reads the approver's language for its field errors", async () => {
    // Prepare
    const submitted = await f.submit(contractBody([await f.upload(pdf)]));
    const token = await f.decisionToken(admins[0]!, submitted.body.id);
    // Act
    let answer: { status: number } | undefined;
    const seen = await readsOf(async () => {
      answer = await f.api.call("POST", "/api/decisions", { body: { decision: "maybe" }, token });
    });
    // Assess
    expect(answer?.status).toBe(400);
    expect(seen).toEqual(["GetItem CONTACT", "GetItem TOKEN", "Query EXEC"]);
  });

  it("a decision by email reply reads its token once, for the reply's checks and the decision", async () => {
    // Prepare
    const submitted = await f.submit(contractBody([await f.upload(pdf)]));
    const mail = (await f.inbox(admins[0]!)).filter((m) => m.subject.includes(submitted.body.id));
    const replyTo = (mail.at(-1) as unknown as { replyTo: string[] }).replyTo[0];
    const raw = [`From: ${admins[0]}`, `To: ${replyTo}`, "Subject: Re: demande", "", "OK"].join(
      "\r\n",
    );
    // Act
    let outcome: string | undefined;
    const seen = await readsOf(async () => {
      const handled = await handleInboundEmail(f.stack, raw, (token, input, context) =>
        decide(f.stack, f.engine, token, input, context),
      );
      outcome = handled.outcome;
    });
    // Assess
    expect(outcome).toBe("decided");
    // The approver's language is for the answer the reply gets, in it.
    expect(seen).toEqual(["GetItem CONTACT", "GetItem TOKEN", "Query EXEC"]);
    await f.harness.drain();
  });

  it("a vote POST reads its token and its execution once each", async () => {
    // Prepare
    const project = await f.submit(f.projectBody({ coApplicants: [] }));
    const token = await f.voteToken(committee[0]!, project.body.id);
    // Act
    let answer: { status: number } | undefined;
    const seen = await readsOf(async () => {
      answer = await f.api.call("POST", "/api/votes", { body: { vote: "approve" }, token });
    });
    // Assess
    expect(answer?.status).toBe(200);
    expect(seen).toEqual(["GetItem TOKEN", "Query EXEC"]);
    await f.harness.drain();
  });

  it("the status page reads the request and its history in one Query", async () => {
    // Prepare
    const submitted = await f.submit(contractBody([await f.upload(pdf)]));
    // Act
    let view: { history: unknown[] } | undefined;
    const seen = await readsOf(async () => {
      view = await f.view(submitted.body.id, submitted.body.statusUrl);
    });
    // Assess
    expect(view?.history.length).toBeGreaterThan(0);
    expect(seen).toEqual(["Query EXEC"]);
  });

  it("the worker checks a loan and asks both credit approvers reading each register item once, their languages together", async () => {
    // Prepare
    const body = loanBody([await f.upload(pdf)]);
    // Act
    const seen = await readsOf(async () => {
      await f.api.call("POST", "/api/requests", {
        body,
        headers: { "idempotency-key": crypto.randomUUID() },
      });
      await f.harness.drain({ sweep: false });
    });
    // Assess
    for (const approver of credit) expect(await f.inbox(approver)).not.toHaveLength(0);
    expect(seen).toEqual([
      // The approvers' languages, all at once, when their emails go out.
      "BatchGetItem CONTACT×2",
      // The registers, once for the chain of states (checks, routing, summary).
      "GetItem ACTIVITY",
      "GetItem COMMITTEE",
      // Inspected by the checks, whose name the approvers' summary reuses.
      "GetItem DOC",
      // The checks' look at the documents' hashes and the IBAN.
      "Query DOCHASH",
      // The work message's execution, read once for the whole chain.
      "Query EXEC",
      "Query IBAN",
      // The member and their other requests together (M0004 has none in this file, so no
      // batch of their executions).
      "Query MEMBER",
    ]);
  });
});
