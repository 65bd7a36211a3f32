import { keys } from "../db/layout";
import type { AtomicWrite } from "../engine/definition";

/** Which request waits for a fund, and when it was approved (its place in the queue). */
export interface AwaitingFunds {
  fund: string;
  approvedAt: string;
  requestId: string;
}

/**
 * Lists a request among those waiting for its fund to grow, in approval order: first approved,
 * first served (`resumeAwaitingFunds` reads the list). Written again by a retried step, the same
 * item: the key is the request's.
 */
export function waitForFunds(at: AwaitingFunds, amountCents: number): AtomicWrite {
  return {
    item: {
      Put: {
        Item: {
          ...keys.awaitingFunds(at.fund, at.approvedAt, at.requestId),
          requestId: at.requestId,
          amountCents,
        },
      },
    },
  };
}

/** Takes a request off its fund's waiting list, with the reservation that serves it. */
export function stopWaitingForFunds(at: AwaitingFunds): AtomicWrite {
  return {
    item: {
      Delete: {
        Key: keys.awaitingFunds(at.fund, at.approvedAt, at.requestId),
      },
    },
  };
}
