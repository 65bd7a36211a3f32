import { describe, expect, it } from "vitest";
import { BOARD_POST_WORKFLOW, BOARD_RELAY_WORKFLOW } from "../../packages/core/src/board/workflow";
import { retryRules } from "../../packages/core/src/engine/definition";
import { TRANSIENT_RETRY } from "../../packages/core/src/engine/retry";
import { workflows } from "../../packages/core/src/workflows/index";

/** States that wait for operations or freeze a request: a failure there is never retried. */
const NEVER_RETRIED = ["abandoned", "disputed"];

describe("the request workflows' retries", () => {
  const requests = workflows().filter(
    (w) => w.name !== BOARD_POST_WORKFLOW && w.name !== BOARD_RELAY_WORKFLOW,
  );

  it.each(requests.map((w) => [w.name, w] as const))(
    "%s retries passing faults in every task and waiting state, by its default, except where it must never retry",
    (_name, definition) => {
      const retried = Object.entries(definition.states).filter(([, s]) =>
        ["task", "parallel", "callback"].includes(s.type),
      );
      expect(retried.length).toBeGreaterThan(NEVER_RETRIED.length);
      for (const [name, state] of retried)
        expect([name, retryRules(definition, state)]).toEqual([
          name,
          NEVER_RETRIED.includes(name) ? [] : TRANSIENT_RETRY,
        ]);
    },
  );
});
