import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { describe, expect, it } from "vitest";
import { loadPlanConfig, planConfig } from "../../packages/core/src/plan/config";
import { demoPlanOverrides, useDemoPlan } from "../../packages/core/src/plan/demo";
import { formRules } from "../../packages/core/src/plan/form-rules";
import { handler } from "../../packages/functions/src/http/get-plan";
import { routes } from "../../packages/functions/src/http/routes";

const event = { headers: {}, rawPath: "/api/plan" } as unknown as APIGatewayProxyEventV2;

describe("the plan's rules the form reads (GET /api/plan)", () => {
  it("answers the running plan's windows, caps and rules, public and cacheable", async () => {
    // Act
    const answer = await handler(event);
    const body = JSON.parse(String(answer?.body));

    // Assess
    expect(routes["GET /api/plan"]).toBe("packages/functions/src/http/get-plan.handler");
    expect(answer?.statusCode).toBe(200);
    expect(answer?.headers?.["cache-control"]).toBe("public, max-age=300");
    expect(body).toEqual(formRules(planConfig));
    expect(body).toMatchObject({
      crisisStart: "2020-03-01",
      planWindow: { from: "2020-03-01", to: "2021-12-31" },
      aidCapCents: 150_000,
      aidPeriodDays: 90,
      expensesCapCents: 1_000_000,
      dailyCapCents: 60_000,
      workDay: { hoursPerDay: 8, daysPerCachet: 1 },
    });
  });

  it("follows a plan's overrides: another window and cap are what the form is told", () => {
    // Act
    const rules = formRules(
      loadPlanConfig({
        planWindow: { from: "2030-01-01", to: "2030-06-30" },
        types: { "emergency-aid": { capCents: 99_000 } },
      }),
    );

    // Assess
    expect(rules.planWindow).toEqual({ from: "2030-01-01", to: "2030-06-30" });
    expect(rules.aidCapCents).toBe(99_000);
  });
});

describe("the local stack's demo plan", () => {
  it.each(["2026-01-01", "2026-12-01", "2026-12-31", "2031-06-15"])(
    "on %s covers today, last week and all of last year from 1 March",
    (today) => {
      // Act
      const plan = loadPlanConfig(demoPlanOverrides(today));
      const year = Number(today.slice(0, 4));
      const lastWeek = new Date(Date.parse(today) - 7 * 86_400_000).toISOString().slice(0, 10);

      // Assess
      expect(plan.planWindow).toEqual({ from: `${year - 1}-03-01`, to: `${year}-12-31` });
      expect(plan.crisisStart).toBe(`${year - 1}-03-01`);
      expect(plan.planWindow.from <= lastWeek && today <= plan.planWindow.to).toBe(true);
    },
  );

  it("keeps the deployment's other overrides, yields to its own dates, and leaves bad JSON to the plan's error", () => {
    // Prepare
    const plain: NodeJS.ProcessEnv = {};
    const cap: NodeJS.ProcessEnv = {
      ENTRAIDE_PLAN: JSON.stringify({ types: { "emergency-aid": { capCents: 99_000 } } }),
    };
    const window = JSON.stringify({ planWindow: { from: "2024-01-01", to: "2024-12-31" } });
    const own: NodeJS.ProcessEnv = { ENTRAIDE_PLAN: window };
    const broken: NodeJS.ProcessEnv = { ENTRAIDE_PLAN: "{not json" };

    // Act
    useDemoPlan(plain, "2026-12-01");
    useDemoPlan(cap, "2026-12-01");
    useDemoPlan(own, "2026-12-01");
    useDemoPlan(broken, "2026-12-01");

    // Assess
    expect(JSON.parse(plain.ENTRAIDE_PLAN!)).toEqual({
      crisisStart: "2025-03-01",
      planWindow: { from: "2025-03-01", to: "2026-12-31" },
    });
    expect(JSON.parse(cap.ENTRAIDE_PLAN!)).toMatchObject({
      types: { "emergency-aid": { capCents: 99_000 } },
      planWindow: { from: "2025-03-01", to: "2026-12-31" },
    });
    expect(own.ENTRAIDE_PLAN).toBe(window);
    expect(broken.ENTRAIDE_PLAN).toBe("{not json");
  });
});
