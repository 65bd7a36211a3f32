import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import { itemSize } from "../../packages/core/src/db/item-size";
import { keys } from "../../packages/core/src/db/layout";
import { getExecution, readHistory } from "../../packages/core/src/engine/store";
import { admins, contractBody, flowStack, member } from "./support";

let f: Awaited<ReturnType<typeof flowStack>>;
beforeAll(async () => {
  f = await flowStack();
});

/** DynamoDB refuses an item over 400 KB: the largest request must stay far from it. */
const ITEM_LIMIT = 400 * 1024;

/** A text of exactly `length` characters, two UTF-8 bytes each: the most a field can weigh. */
const longest = (length: number) => "é".repeat(length);

/** 20 documents with bytes of their own (the same file twice would be a reuse flag). */
async function documents(count = 20) {
  const ids: string[] = [];
  for (let i = 0; i < count; i++)
    ids.push(
      await f.upload(Buffer.from(`%PDF-1.7\n% ${crypto.randomUUID()}\n1 0 obj << >> endobj\n`)),
    );
  return ids;
}

/** Every item stored under the execution's partition: the execution, its parts, its history. */
async function stored(id: string) {
  const { Items = [] } = await f.stack.clients.ddb.send(
    new QueryCommand({
      TableName: f.stack.config.table,
      KeyConditionExpression: "pk = :pk",
      ExpressionAttributeValues: { ":pk": keys.execution(id).pk },
      ConsistentRead: true,
    }),
  );
  return Items;
}

async function approveAndInspect(submitted: { status: number; body: { id: string } }) {
  expect(submitted.status).toBe(201);
  const decided = await f.decide(admins[0]!, submitted.body.id, { decision: "approve" });
  expect(decided.status).toBe(200);
  const execution = (await getExecution(f.stack, submitted.body.id))!;
  const items = await stored(submitted.body.id);
  return {
    execution,
    items,
    sizes: items.map((i) => ({ sk: i.sk as string, bytes: itemSize(i) })),
  };
}

describe("the largest valid request goes end to end, far from DynamoDB's 400 KB item limit", () => {
  it("a cancelled contract with 366 work days, every text at its longest and 20 documents is scheduled", async () => {
    // Prepare: every work day from 2020-03-01, inside the plan window, each with hours
    const workDays = Array.from({ length: 366 }, (_, i) => ({
      date: new Date(Date.UTC(2020, 2, 1) + i * 86_400_000).toISOString().slice(0, 10),
      hours: 7.75,
    }));
    const body = contractBody(await documents(), {
      client: { name: longest(200), email: "prod@theatre.example" },
      reference: longest(100),
      workDays,
      cancellationDate: "2020-03-01",
      cancellationReason: longest(2000),
    });
    // Act
    const submitted = await f.submit(body);
    const { execution, items, sizes } = await approveAndInspect(submitted);
    // Assess
    expect((execution.data as { status: string }).status).toBe("scheduled");
    expect((execution.data as { request: { workDays: unknown[] } }).request.workDays).toHaveLength(
      366,
    );
    expect(Math.max(...sizes.map((s) => s.bytes))).toBeLessThan(ITEM_LIMIT / 4);
    // The execution item every transition rewrites stays small: the body lives in its own item.
    expect(sizes.find((s) => s.sk === "EXEC")!.bytes).toBeLessThan(4 * 1024);
    expect(items.filter((i) => String(i.sk).startsWith("DATA#")).length).toBeGreaterThan(0);
    expect((await readHistory(f.stack, submitted.body.id)).at(-1)?.seq).toBe(execution.seq);
  });

  it("incurred expenses with 50 lines at their longest over 20 documents are scheduled", async () => {
    // Prepare
    const docs = await documents();
    const body = {
      type: "incurred-expenses",
      language: "fr",
      ...member,
      activityId: "ACT-001",
      client: { name: longest(200), email: "prod@theatre.example" },
      orderReference: longest(100),
      cancellationDate: "2020-03-20",
      lines: Array.from({ length: 50 }, (_, i) => ({
        date: "2020-03-02",
        description: longest(300),
        amountCents: 1_000 + i,
        documentId: docs[i % docs.length]!,
      })),
      documents: docs,
      clientConsent: true,
    };
    // Act
    const submitted = await f.submit(body);
    const { execution, sizes } = await approveAndInspect(submitted);
    // Assess
    expect((execution.data as { status: string }).status).toBe("scheduled");
    expect(Math.max(...sizes.map((s) => s.bytes))).toBeLessThan(ITEM_LIMIT / 4);
    expect(sizes.find((s) => s.sk === "EXEC")!.bytes).toBeLessThan(4 * 1024);
  });
});
