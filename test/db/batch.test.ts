import { BatchWriteCommand, type BatchWriteCommandInput } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import { batchGet, batchPut } from "../../packages/core/src/db/batch";
import { keys } from "../../packages/core/src/db/layout";
import type { Deps } from "../../packages/core/src/deps";
import { createTestStack, type TestStack } from "../support/stack";

/**
 * DynamoDB leaves part of a batch unprocessed under load; DynamoDB Local never does. This
 * client writes for real but, as a loaded table would, keeps back the second half of the first
 * `rounds` batch writes and answers them as unprocessed.
 */
function loadedTable(stack: TestStack, rounds: number): { deps: Deps; writes: () => number } {
  let writes = 0;
  const ddb = new Proxy(stack.clients.ddb, {
    get(target, name, receiver) {
      if (name !== "send") return Reflect.get(target, name, receiver);
      return async (command: unknown) => {
        if (!(command instanceof BatchWriteCommand)) return target.send(command as never);
        writes++;
        const [[table, requests = []]] = Object.entries(
          command.input.RequestItems as NonNullable<BatchWriteCommandInput["RequestItems"]>,
        ) as [[string, NonNullable<BatchWriteCommandInput["RequestItems"]>[string]]];
        if (writes > rounds) return target.send(command);
        const kept = requests.slice(Math.ceil(requests.length / 2));
        const sent = requests.slice(0, requests.length - kept.length);
        if (sent.length > 0)
          await target.send(new BatchWriteCommand({ RequestItems: { [table]: sent } }));
        return { UnprocessedItems: { [table]: kept } };
      };
    },
  });
  return { deps: { ...stack, clients: { ...stack.clients, ddb } }, writes: () => writes };
}

const contacts = (count: number, prefix: string) =>
  Array.from({ length: count }, (_, i) => ({
    ...keys.contact(`${prefix}-${i}@smart.test`),
    kind: "contact",
    language: "nl",
  }));

describe("batch reads and writes", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await createTestStack();
  });

  it("writes and reads back more items than one call holds", async () => {
    // Prepare
    const items = contacts(130, "many");

    // Act
    await batchPut(stack, items, "contacts");
    const found = await batchGet(
      stack,
      items.map(({ pk, sk }) => ({ pk, sk })),
      "contacts",
    );

    // Assess
    expect(found.map((i) => i.pk).sort()).toEqual(items.map((i) => i.pk).sort());
  });

  it("sends again what DynamoDB left unprocessed, until all is written", async () => {
    // Prepare
    const items = contacts(20, "loaded");
    const loaded = loadedTable(stack, 3);

    // Act
    await batchPut(loaded.deps, items, "contacts");

    // Assess: three rounds kept half back, the fourth wrote the rest.
    expect(loaded.writes()).toBe(4);
    const found = await batchGet(
      stack,
      items.map(({ pk, sk }) => ({ pk, sk })),
      "contacts",
    );
    expect(found).toHaveLength(20);
  });

  it("gives up with a clear error when DynamoDB keeps leaving items unprocessed", async () => {
    // Prepare
    const loaded = loadedTable(stack, Number.POSITIVE_INFINITY);

    // Act + Assess
    await expect(batchPut(loaded.deps, contacts(4, "stuck"), "contacts")).rejects.toThrow(
      "DynamoDB kept items of contacts unprocessed",
    );
    expect(loaded.writes()).toBe(5);
  });
});
