import type { WorkflowDefinition } from "./definition";
import type { Execution } from "./execution";
import type { NewEvent } from "./transitions";

/**
 * The part of a structured logger the engine writes through. The Lambda Powertools `Logger`
 * fits it, so core stays free of Lambda packages while the functions pass theirs in.
 */
export interface EngineLog {
  info(message: string, attributes: Record<string, unknown>): void;
  error(message: string, attributes: Record<string, unknown>): void;
}

export const silentLog: EngineLog = { info() {}, error() {} };

/**
 * The keys on every line the engine writes about an execution, so one execution's lines can be
 * found among all the others: which one, of which workflow, in which state, and the business id
 * it is about (`WorkflowDefinition.correlationId`; the execution id, which is the request's id,
 * when the definition names none). Never its data: that holds personal details.
 */
export function executionKeys(
  def: WorkflowDefinition | undefined,
  execution: Execution,
): Record<string, unknown> {
  return {
    executionId: execution.id,
    workflow: execution.workflow,
    version: execution.version,
    state: execution.state,
    visit: execution.visit,
    correlationId: def?.correlationId?.(execution.data) ?? execution.id,
  };
}

/**
 * One line per committed transition: where it went and the event types that explain it (their
 * details stay in the history, which is access-controlled, unlike logs). A transition into
 * `failed` is an error line with the error's code.
 */
export function logTransition(
  log: EngineLog,
  def: WorkflowDefinition | undefined,
  next: Execution,
  events: NewEvent[],
): void {
  const attributes = {
    ...executionKeys(def, next),
    status: next.status,
    rev: next.rev,
    events: events.map((e) => e.type),
  };
  if (next.status === "failed")
    log.error("execution failed", { ...attributes, error: next.error?.error });
  else log.info("transition committed", attributes);
}
