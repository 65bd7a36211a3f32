import {
  type CallbackInput,
  type CallbackResult,
  type CallbackTimer,
  type Data,
  type EventSchemas,
  type TaskState,
  type WaitingSpec,
  waitingState,
} from "../engine/definition";
import { eventsOf, type RequestEvent } from "../requests/events";
import { disputed, isOwnerAnswer, ownerConfirmed, withdrawal } from "../requests/steps/identity";
import { payoutReturned } from "../requests/steps/payout";
import { ibanClaimed } from "../requests/steps/payout-account";

/**
 * The pieces several states of the request workflow share (request-workflow.ts): the callbacks
 * more than one waiting state takes, each with the outcome it leads to (the state maps it).
 */

/** A task that goes to `next` (without one, the execution ends); the workflow's retry applies. */
export const task = (step: string, next?: string, more: Partial<TaskState> = {}): TaskState => ({
  type: "task",
  step,
  next,
  ...more,
});

/** A waiting state that enters with `onEnter` (when given), typed over its events and outcomes. */
export const waiting = <const E extends EventSchemas, const O extends string = never>(
  onEnter: string | undefined,
  state: Omit<WaitingSpec<E, O>, "onEnter">,
) => waitingState<E, O>({ onEnter, ...state });

/** A timer of a waiting state: `step` runs after `afterSeconds`, then as `repeat` says. */
export const timer = (
  name: string,
  afterSeconds: number,
  step: string,
  repeat: Pick<CallbackTimer, "everySeconds" | "times"> = {},
): CallbackTimer => ({ name, afterSeconds, step, ...repeat });

/** The member withdrew: the status says so with the same write, before the closing step runs. */
export const withdraw = (payload: { event: string }): CallbackResult<"withdrawn"> | undefined =>
  payload.event === "withdraw" ? { ...withdrawal(), outcome: "withdrawn" } : undefined;

/** The registered member answered the notice: it is them (the hold ends), or not (freeze). */
export const ownerAnswer = (
  data: Data,
  { payload, token, now }: CallbackInput<{ event: string }>,
): CallbackResult<"disputed"> | undefined => {
  if (!isOwnerAnswer(data, token)) return undefined;
  if (payload.event === "not-me")
    return { ...disputed(token, now, "request"), outcome: "disputed" };
  return payload.event === "owner-confirm" ? ownerConfirmed(data, now) : undefined;
};

/** What every state before the payout takes besides its own events, and where it leads. */
export const withdrawOrOwner = (data: Data, input: CallbackInput<{ event: string }>) =>
  withdraw(input.payload) ?? ownerAnswer(data, input);
export const withdrawOrOwnerEvents = eventsOf("withdraw", "owner-confirm", "not-me");
export const withdrawOrOwnerOutcomes = { withdrawn: "withdrawn", disputed: "disputed" } as const;

/** The bank returned a transfer already marked paid: back to asking the member for an IBAN. */
export const returned = (payload: RequestEvent<"payout-failed">): CallbackResult<"returned"> => ({
  ...payoutReturned(payload),
  outcome: "returned",
});

/** The member gave another IBAN after a returned transfer: a claim, to be confirmed. */
export const claimIban = (
  payload: RequestEvent<"iban-claimed">,
  now: string,
): CallbackResult<"iban-claimed"> => ({ ...ibanClaimed(payload, now), outcome: "iban-claimed" });
