import * as z from "zod";
import { pickEvents } from "../engine/definition";
import { decisionFields } from "../request-view/schemas";

/**
 * The events a request's waiting states take (the payload's `event` is the name), each with
 * the schema of the rest of its payload: what the API, finance and the mail replies send. The
 * API has validated what people typed; these say what the workflow reads, so a payload that
 * does not fit is refused and changes nothing.
 */
const nothing = z.object({});
const comment = z.string().optional();

export const requestEvents = {
  withdraw: nothing,
  "owner-confirm": nothing,
  "not-me": nothing,
  confirm: nothing,
  reopen: nothing,
  "funds-available": nothing,
  info: z.object({
    comment,
    documents: z.array(z.string()).optional(),
    corrections: z.record(z.string(), z.unknown()).optional(),
  }),
  decision: decisionFields.extend({ via: z.enum(["page", "email"]) }),
  vote: z.object({
    vote: z.enum(["approve", "reject", "abstain"]),
    comment,
    via: z.enum(["page", "email"]),
  }),
  conflict: z.object({ comment }),
  exported: z.object({ batchId: z.string() }),
  paid: z.object({ batchId: z.string(), paidAt: z.string().optional() }),
  "payout-failed": z.object({ reason: z.string().optional() }),
  "iban-claimed": z.object({ iban: z.string() }),
  repayment: z.object({
    repaymentId: z.string(),
    date: z.string(),
    amountCents: z.number().int(),
  }),
  recovered: z.object({
    bankReference: z.string(),
    amountCents: z.number().int(),
    recoveredCents: z.number().int(),
    owedCents: z.number().int(),
  }),
  "tranche-report": z.object({ text: z.string(), documents: z.array(z.string()) }),
  "close-project": z.object({ reason: z.string().optional() }),
  // Operations closed a disputed request after looking into it: why, in their words.
  "close-dispute": z.object({ reason: z.string().trim().min(1) }),
} as const;

type RequestEvents = typeof requestEvents;
export type RequestEventName = keyof RequestEvents;

/** The events of `names`, for a state's `events`. */
export const eventsOf = <const N extends RequestEventName>(...names: N[]) =>
  pickEvents(requestEvents, ...names);

/** The payload of event `N` as a callback receives it. */
export type RequestEvent<N extends RequestEventName> = z.output<RequestEvents[N]> & { event: N };
