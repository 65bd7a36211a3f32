import { planDefaults } from "./defaults";
import { type PlanConfig, type PlanConfigOverrides, PlanConfigSchema } from "./schema";
import type { RequestType } from "./vocabulary";

export { type PlanConfig, type PlanConfigOverrides, PlanConfigSchema } from "./schema";

function merge(base: unknown, patch: unknown): unknown {
  if (patch === undefined) return base;
  const isPlainObject = (v: unknown) => typeof v === "object" && v !== null && !Array.isArray(v);
  if (!isPlainObject(base) || !isPlainObject(patch)) return patch;
  // A variant (an approval policy) replaces the default whole: its fields belong to its kind.
  if ("kind" in (patch as object)) return patch;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(patch as Record<string, unknown>)) {
    out[key] = merge(out[key], value);
  }
  return out;
}

/**
 * The defaults with `overrides` deep-merged over them (arrays and objects with a `kind`
 * replace), validated.
 * Throws naming each invalid field, so a bad deployment fails at start, not mid-request.
 *
 * @example loadPlanConfig({ types: { "emergency-aid": { capCents: 200_000 } } })
 */
export function loadPlanConfig(overrides: PlanConfigOverrides = {}): PlanConfig {
  const parsed = PlanConfigSchema.safeParse(merge(planDefaults, overrides));
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join(".") || "(plan)"}: ${i.message}`);
    throw new Error(`invalid plan configuration: ${fields.join("; ")}`);
  }
  return parsed.data;
}

/**
 * The deployment's overrides: `ENTRAIDE_PLAN`, JSON of the same shape (a new fund, committee or
 * approval policy is this, plus `funds set` / `committees set`).
 */
function overridesFromEnv(env: NodeJS.ProcessEnv): PlanConfigOverrides {
  const text = env.ENTRAIDE_PLAN;
  if (!text) return {};
  try {
    return JSON.parse(text) as PlanConfigOverrides;
  } catch {
    throw new Error("invalid plan configuration: ENTRAIDE_PLAN is not JSON");
  }
}

/** The plan with its defaults (PRODUCT.md §2–§6) and the deployment's overrides. */
export const planConfig: PlanConfig = loadPlanConfig(
  // The pages bundle the plan's defaults too; a browser has no environment.
  overridesFromEnv(typeof process === "undefined" ? {} : process.env),
);

/** The settings of one request type. */
export type TypePlan<T extends RequestType> = PlanConfig["types"][T];
