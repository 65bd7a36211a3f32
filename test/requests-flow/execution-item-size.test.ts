import { unmarshall } from "@aws-sdk/util-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import { itemSize } from "../../packages/core/src/db/item-size";
import { getExecution } from "../../packages/core/src/engine/store";
import { admins, contractBody, flowStack, pdf } from "./support";

let f: Awaited<ReturnType<typeof flowStack>>;
/** Every execution item the stack writes, as sent on the wire (PutItem or inside a transaction). */
const written: Record<string, unknown>[] = [];
beforeAll(async () => {
  f = await flowStack();
  f.stack.clients.ddb.middlewareStack.add(
    (next) => async (args) => {
      const input = args.input as {
        Item?: Parameters<typeof unmarshall>[0];
        TransactItems?: { Put?: { Item?: Parameters<typeof unmarshall>[0] } }[];
      };
      const items = [input.Item, ...(input.TransactItems ?? []).map((t) => t.Put?.Item)];
      for (const item of items) {
        // The base client's input: attribute values, after the document client marshalled them.
        const native = item ? unmarshall(item) : undefined;
        if (native?.sk === "EXEC") written.push(native);
      }
      return next(args);
    },
    { step: "build", name: "executionItemSpy" },
  );
});

/** DynamoDB bills a write by the kilobyte: an execution item under 1 KB costs one unit per commit. */
const ONE_UNIT = 1000;

describe("an execution item costs one write unit in the common case, and no index write while its status stays", () => {
  it("a cancelled contract's execution item stays under 1,000 bytes at every state on its way to scheduled", async () => {
    // Prepare
    written.length = 0;
    const body = contractBody([await f.upload(pdf)]);
    // Act
    const submitted = await f.submit(body);
    const decided = await f.decide(admins[0]!, submitted.body.id, { decision: "approve" });
    // Assess
    expect(decided.status).toBe(200);
    const execution = (await getExecution(f.stack, submitted.body.id))!;
    expect((execution.data as { status: string }).status).toBe("scheduled");
    const mine = written.filter((i) => String(i.pk).endsWith(submitted.body.id));
    // Every revision from the start to the last was written, and each one under the unit.
    expect(mine.map((i) => i.rev)).toEqual(Array.from({ length: execution.rev }, (_, i) => i + 1));
    // Out of the shared status index, in its own keys-only one whose keys move only with the status.
    expect(mine.filter((i) => i.gsi1pk !== undefined || i.gsi1sk !== undefined)).toEqual([]);
    const entries = (status: string) =>
      new Set(mine.filter((i) => i.st === status).map((i) => `${i.xpk} ${i.xsk}`));
    expect(entries("running").size).toBe(1);
    expect([...entries("running")][0]).toMatch(/^EXEC#cancelled-contract#running /);
    const over = mine.filter((i) => itemSize(i) >= ONE_UNIT);
    expect(over.map((i) => ({ rev: i.rev, state: i.sn, bytes: itemSize(i) }))).toEqual([]);
  });
});
