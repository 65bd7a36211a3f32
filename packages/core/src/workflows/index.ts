import { createBoardSteps } from "../board/steps";
import { boardPostWorkflow, boardRelayWorkflow } from "../board/workflow";
import type { Deps } from "../deps";
import type { WorkflowDefinition } from "../engine/definition";
import { Engine, type EngineOptions } from "../engine/engine";
import { planConfig } from "../plan/config";
import { reportCounterWrites } from "../reports/counters";
import { createRequestSteps } from "../requests/steps";
import { cancelledContractWorkflow } from "./cancelled-contract";
import { emergencyAidWorkflow } from "./emergency-aid";
import { incurredExpensesWorkflow } from "./incurred-expenses";
import { initiativeSupportWorkflow } from "./initiative-support";
import { relaunchLoanWorkflow } from "./relaunch-loan";

/** Every deployed workflow definition, all versions an execution may still be on. */
export function workflows(): WorkflowDefinition[] {
  const requests: WorkflowDefinition[] = [
    cancelledContractWorkflow,
    incurredExpensesWorkflow,
    emergencyAidWorkflow,
    relaunchLoanWorkflow,
    initiativeSupportWorkflow,
  ].map((w) => w());
  return [...requests, boardPostWorkflow(planConfig), boardRelayWorkflow(planConfig)];
}

export function createEngine(deps: Deps, options: Partial<EngineOptions> = {}): Engine {
  return new Engine({
    deps,
    workflows: workflows(),
    steps: { ...createRequestSteps(deps, planConfig), ...createBoardSteps(deps, planConfig) },
    transitionWrites: reportCounterWrites(planConfig),
    ...options,
  });
}
