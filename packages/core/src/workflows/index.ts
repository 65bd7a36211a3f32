import type { Deps } from "../deps";
import type { Step, WorkflowDefinition } from "../engine/definition";
import { Engine, type EngineOptions } from "../engine/engine";

/** Every deployed workflow definition, all versions an execution may still be on. */
export const workflows: WorkflowDefinition[] = [];

/** The steps the workflows call, built with their dependencies (the Temporal activities pattern). */
export function createSteps(_deps: Deps): Record<string, Step> {
  return {};
}

export function createEngine(deps: Deps, options: Partial<EngineOptions> = {}): Engine {
  return new Engine({ deps, workflows, steps: createSteps(deps), ...options });
}
