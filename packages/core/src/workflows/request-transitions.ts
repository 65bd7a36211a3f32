import type {
  CallbackInput,
  CallbackOutcome,
  CallbackState,
  CallbackTimer,
  Data,
  RetryRule,
  TaskState,
} from "../engine/definition";
import { ALL_ERRORS } from "../engine/retry";
import { disputed, isOwnerAnswer, ownerConfirmed, withdrawal } from "../requests/steps/identity";
import { payoutReturned } from "../requests/steps/payout";
import { ibanClaimed } from "../requests/steps/payout-account";

/**
 * The pieces several states of the request workflow share (request-workflow.ts): how they
 * retry, and the callbacks more than one waiting state takes, each with the state it leads to.
 */

/** Passing faults (a throttled table, SES hiccups) are retried; business errors never are. */
export const transient: RetryRule[] = [
  {
    errors: [ALL_ERRORS],
    intervalSeconds: 2,
    maxAttempts: 5,
    backoffRate: 2,
    maxDelaySeconds: 60,
    jitter: "full",
  },
];

/** A task that retries passing faults, then goes to `next` (without one, the execution ends). */
export const task = (step: string, next?: string, more: Partial<TaskState> = {}): TaskState => ({
  type: "task",
  step,
  retry: transient,
  next,
  ...more,
});

/** A waiting state that enters with `onEnter` (when given) and retries passing faults. */
export const waiting = (
  onEnter: string | undefined,
  state: Omit<CallbackState, "type" | "onEnter">,
): CallbackState => ({ type: "callback", onEnter, retry: transient, ...state });

/** A timer of a waiting state: `step` runs after `afterSeconds`, then as `repeat` says. */
export const timer = (
  name: string,
  afterSeconds: number,
  step: string,
  repeat: Pick<CallbackTimer, "everySeconds" | "times"> = {},
): CallbackTimer => ({ name, afterSeconds, step, ...repeat });

/** The member withdrew: the status says so with the same write, before the closing step runs. */
export const withdraw = (payload: Data): CallbackOutcome | undefined =>
  payload.event === "withdraw" ? { ...withdrawal(), next: "withdrawn" } : undefined;

/** The registered member answered the notice: it is them (the hold ends), or not (freeze). */
export const ownerAnswer = (
  data: Data,
  { payload, token, now }: CallbackInput,
): CallbackOutcome | undefined => {
  if (!isOwnerAnswer(data, token)) return undefined;
  if (payload.event === "not-me") return { ...disputed(token, now, "request"), next: "disputed" };
  return payload.event === "owner-confirm" ? ownerConfirmed(data, now) : undefined;
};

/** What every state before the payout takes besides its own events. */
export const withdrawOrOwner = (data: Data, input: CallbackInput) =>
  withdraw(input.payload) ?? ownerAnswer(data, input);

/** The bank returned a transfer already marked paid: back to asking the member for an IBAN. */
export const returned = (payload: Data): CallbackOutcome | undefined =>
  payload.event === "payout-failed"
    ? { ...payoutReturned(payload), next: "payout-returned" }
    : undefined;

/** The member gave another IBAN after a returned transfer: a claim, to be confirmed. */
export const claimIban = (payload: Data, now: string): CallbackOutcome | undefined =>
  payload.event === "iban-claimed"
    ? { ...ibanClaimed(payload, now), next: "confirming-iban" }
    : undefined;
