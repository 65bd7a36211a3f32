import type { FormRules } from "@entraide/core/plan/form-rules";
import { api } from "./api";

let rules: FormRules | undefined;
let loading: Promise<FormRules> | undefined;

/**
 * The plan's windows, caps and rules from the server that checks the request (`GET /api/plan`),
 * fetched once per page: the hints and the checks before sending speak of the running plan.
 * Rejects when the server does not give them; a later call tries again.
 */
export function loadPlanRules(): Promise<FormRules> {
  loading ??= api<FormRules>("GET", "/api/plan", { cache: "default" }).then((answer) => {
    if (answer.status !== 200 || !answer.body.planWindow) throw new Error(`plan: ${answer.status}`);
    rules = answer.body;
    return rules;
  });
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

/** The loaded rules; the form is drawn only once {@link loadPlanRules} has given them. */
export function planRules(): FormRules {
  if (!rules) throw new Error("the plan's rules are not loaded yet");
  return rules;
}
