import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineWorkflow } from "../../packages/core/src/engine/definition";
import { delegatesOf, workflowPage, workflowPages } from "../../scripts/workflow-diagram";

const docs = path.resolve(import.meta.dirname, "../../docs/workflows");

describe("workflow diagrams", () => {
  const pages = workflowPages();

  it("docs/workflows holds one page per deployed workflow, no more", () => {
    expect(readdirSync(docs).sort()).toEqual([...pages.keys()].sort());
  });

  it.each([...pages.keys()])(
    "the committed %s is the one its definition draws (npm run diagrams)",
    (file) => {
      expect(readFileSync(path.join(docs, file), "utf8")).toBe(pages.get(file));
    },
  );

  it("draws every transition kind of a definition, so a changed definition changes its page", () => {
    // Prepare
    const definition = defineWorkflow({
      name: "sample",
      version: 2,
      startAt: "first-step",
      states: {
        "first-step": {
          type: "task",
          step: "do",
          next: "pick",
          catch: [{ errors: ["Boom"], next: "waiting" }],
        },
        pick: { type: "choice", choices: [{ when: () => true, next: "waiting" }], default: "end" },
        waiting: {
          type: "callback",
          onEnter: "ask",
          timeoutSeconds: 3 * 86_400,
          timers: [{ name: "nudge", afterSeconds: 3_600, step: "remind" }],
          catch: [{ errors: ["States.Timeout"], next: "end" }],
          events: { answer: z.looseObject({}) },
          outcomes: { ok: "end", later: "end" },
          onCallback: (_d, { payload }) => (payload.ok ? { outcome: "ok" } : decide(payload)),
        },
        end: { type: "succeed" },
      },
    });

    // Act
    const page = workflowPage(definition);

    // Assess
    expect(page).toContain("# Workflow `sample`, version 2");
    for (const line of [
      "[*] --> first_step",
      'state "first-step: task do" as first_step',
      "first_step --> pick",
      "first_step --> waiting: catch Boom",
      "state pick <<choice>>",
      "pick --> waiting: when 1",
      "pick --> end: default",
      'state "waiting: callback, enters with ask" as waiting',
      "waiting --> end: callback ok or later",
      "waiting --> end: catch States.Timeout",
      "note right of waiting: nudge after 1 h runs remind, times out after 3 d",
      "end --> [*]",
      "| waiting | `decide` |",
    ])
      expect(page).toContain(line);
  });

  it("names the functions a callback hands its outcome to, not the readers and arguments", () => {
    const source = `(data, { payload, token, now }) => {
      const answer = ownerAnswer(data, payload, token, now);
      if (payload.event === "x") return { amountCents: requestAmountCents(asRequest(data).request), next: "a" };
      return withdraw(payload) ?? applyDecision(asRequest(data), String(token.meta.email), new Set([1]));
    }`;
    expect(delegatesOf(source)).toEqual(["ownerAnswer", "withdraw", "applyDecision"]);
  });
});

const decide = (payload: Record<string, unknown>) =>
  payload.later ? { outcome: "later" } : undefined;
