import { planConfig } from "@entraide/core/plan/config";
import { formRules } from "@entraide/core/plan/form-rules";
import { http, Reply } from "./http";

const rules = formRules(planConfig);

/**
 * The plan's windows, caps and rules the request form hints and checks, from the plan this
 * server runs with. Public and the same for everyone: browsers may keep it a few minutes.
 */
export const handler = http(
  {},
  async () => new Reply(200, rules, { "cache-control": "public, max-age=300" }),
);
