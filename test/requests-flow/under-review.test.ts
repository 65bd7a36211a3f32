import { describe, expect, it } from "vitest";
import { setCommittee } from "../../packages/core/src/committees/committee";
import { getExecution } from "../../packages/core/src/engine/store";
import { flowStack } from "./support";

describe("a request whose execution failed technically", () => {
  it("shows as under review to the member, in their language, never with the error", async () => {
    // Prepare: an aid above the four-eyes threshold, and a solidarity committee of one
    const f = await flowStack();
    await setCommittee(f.stack, {
      committee: "solidarity",
      members: ["solidarite.anne@smart.example.org"],
      backups: [],
    });
    const submitted = await f.submit({
      type: "emergency-aid",
      language: "nl",
      memberNumber: "M0002",
      email: "pieter.janssens@example.org",
      iban: "BE35310123456737",
      category: "rent",
      description: "Geen inkomen sinds maart, de huur van april is verschuldigd.",
      incomeBeforeCents: 180_000,
      incomeAfterCents: 0,
      householdSize: 2,
      requestedAmountCents: 120_000,
    });
    // Act: the routing step fails on each retry until it has none left
    for (let i = 0; i < 6; i++) await f.harness.advance(120_000);
    const view = await f.view(submitted.body.id, submitted.body.statusUrl);
    // Assess
    expect((await getExecution(f.stack, submitted.body.id))!.status).toBe("failed");
    expect(view).toMatchObject({
      status: "under-review",
      nextStep: "Uw aanvraag wordt onderzocht.",
      actions: { withdraw: false, answerInfo: false, correctIban: false },
    });
    expect(JSON.stringify(view)).not.toMatch(/routing|approvers|Error/);
  });
});
