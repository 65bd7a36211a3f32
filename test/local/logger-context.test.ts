import type { Engine } from "@entraide/core/engine/engine";
import type { APIGatewayProxyEventV2, SQSEvent } from "aws-lambda";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { http } from "../../packages/functions/src/http/http";
import { invokeLocally } from "../../packages/functions/src/local/lambda-context";
import { logger } from "../../packages/functions/src/logger";
import { workBatchHandler } from "../../packages/functions/src/queue/worker";
import fixture from "./fixtures/api-gateway-v2-event.json" with { type: "json" };

let lines: Record<string, unknown>[] = [];
beforeEach(() => {
  lines = [];
  const write = process.stdout.write.bind(process.stdout);
  vi.spyOn(process.stdout, "write").mockImplementation((chunk, ...rest) => {
    const text = String(chunk);
    if (!text.startsWith("{")) return write(chunk, ...(rest as []));
    for (const line of text.split("\n").filter(Boolean)) lines.push(JSON.parse(line));
    return true;
  });
});
afterEach(() => vi.restoreAllMocks());

const line = (message: string) => lines.filter((l) => l.message === message);

describe("log context of handlers run in one process", () => {
  it("names its own handler on every line, while an HTTP route and the sweeper run interleaved and after", async () => {
    // Prepare: a route (the real http() wrapper, which adds its Lambda context) that waits
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const route = http({}, async () => {
      logger.info("route started");
      await gate;
      logger.info("route finished");
      return { ok: true };
    });
    const sweeper = async () => {
      logger.info("sweeper ran");
    };
    // Act
    const pending = invokeLocally(
      "POST /api/requests",
      route,
      fixture as unknown as APIGatewayProxyEventV2,
    );
    await invokeLocally("sweeper", sweeper, {});
    release();
    await pending;
    await invokeLocally("sweeper", sweeper, {});
    logger.info("outside any handler");
    // Assess
    expect(line("route started").map((l) => l.function_name)).toEqual(["POST /api/requests"]);
    expect(line("route finished").map((l) => l.function_name)).toEqual(["POST /api/requests"]);
    expect(line("sweeper ran").map((l) => l.function_name)).toEqual(["sweeper", "sweeper"]);
    const requestIds = new Set(line("sweeper ran").map((l) => l.function_request_id));
    expect(requestIds.size).toBe(2);
    expect(line("outside any handler")[0]).not.toHaveProperty("function_name");
  });

  it("puts the execution id of its own record on each line the worker logs while records move side by side", async () => {
    // Prepare: an engine that logs while it moves an execution, as its steps and callbacks do
    const ids: string[] = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
    const engine = {
      async process() {
        await new Promise((r) => setTimeout(r, Math.random() * 20));
        logger.info("moving");
      },
    } as unknown as Engine;
    const event = {
      Records: ids.map((executionId, i) => ({
        messageId: String(i),
        body: JSON.stringify({ executionId, rev: i + 1 }),
        attributes: { ApproximateReceiveCount: "1" },
      })),
    } as unknown as SQSEvent;
    // Act
    await invokeLocally(
      "worker",
      workBatchHandler(() => engine),
      event,
    );
    // Assess
    const moving = line("moving");
    expect(moving.map((l) => l.executionId).sort()).toEqual([...ids].sort());
    for (const l of moving) {
      expect(l.function_name).toBe("worker");
      expect(l.rev).toBe(ids.indexOf(l.executionId as string) + 1);
    }
  });
});
