import * as z from "zod";
import { addSeconds } from "../clock";
import {
  type CallbackResult,
  type Data,
  defineWorkflow,
  type EventOf,
  pickEvents,
  waitingState,
} from "../engine/definition";
import { TIMEOUT_ERROR, TRANSIENT_RETRY } from "../engine/retry";
import { isModeratorTokenKey } from "../notifications/board-links";
import { type PlanConfig, planConfig } from "../plan/config";
import { asPost } from "./data";
import { ModerationAnswer, type ModerationDecision, Report } from "./post";

export const BOARD_POST_WORKFLOW = "board-post";
export const BOARD_RELAY_WORKFLOW = "board-relay";
/** A post's screening refused it (a banned word added to the plan since it was sent). */
export const POST_REFUSED = "board.refused";

/** What a post's waiting states take (the payload's `event` is the name), and its payload. */
const postEvents = {
  confirm: z.object({}),
  renew: z.object({}),
  close: z.object({}),
  edit: z.object({ at: z.string(), fields: z.array(z.string()) }),
  report: Report.pick({ reason: true }),
  moderation: ModerationAnswer,
} as const;
type PostEvent = EventOf<typeof postEvents>;

const pick = <const N extends keyof typeof postEvents>(...names: N[]) =>
  pickEvents(postEvents, ...names);

/** What the author may do to a post on the board, from its management link. */
const authorAction = (payload: PostEvent): CallbackResult<"renew" | "close"> | undefined => {
  if (payload.event === "renew") return { outcome: "renew" };
  if (payload.event === "close") return { outcome: "close" };
  return undefined;
};

/**
 * The author's edit, screened and masked by the API, applied where the post stands: on the
 * board, its expiry and reminder unchanged. The new text goes to the listing item in the same
 * transition (`editWrites`), never through here: the history names the fields, not their text.
 */
const edit = (payload: PostEvent): CallbackResult<never> | undefined =>
  payload.event === "edit"
    ? {
        data: { editedAt: payload.at },
        events: [{ type: "PostEdited", detail: { fields: payload.fields } }],
      }
    : undefined;

/** Reports a post keeps: enough for the moderators to read, bounded whoever floods the button. */
const MAX_REPORTS = 20;

/** Anyone may report a post; the first report opens a moderation, later ones join it. */
const report = <O extends string = never>(
  data: Data,
  payload: PostEvent,
  now: string,
  outcome?: O,
): CallbackResult<O> | undefined => {
  if (payload.event !== "report") return undefined;
  const reports = asPost(data).reports ?? [];
  return {
    data: {
      ...(reports.length < MAX_REPORTS
        ? { reports: [...reports, { reason: payload.reason, at: now }] }
        : {}),
      ...(outcome ? { status: "in-moderation" } : {}),
    },
    events: [{ type: "PostReported", detail: { reason: payload.reason } }],
    outcome,
  };
};

/** A moderator's decision, through their own token (never a plain signal). */
const moderate = (
  data: Data,
  payload: PostEvent,
  token: { key: string; meta: Data },
  now: string,
): CallbackResult<ModerationDecision> | undefined => {
  if (payload.event !== "moderation" || !isModeratorTokenKey(token.key)) return undefined;
  const decision = payload.decision;
  const by = String(token.meta.email);
  return {
    data: {
      moderation: [...(asPost(data).moderation ?? []), { decision, by, at: now }],
      ...(decision === "hide" ? {} : { status: "published" }),
    },
    events: [{ type: "PostModerated", detail: { decision, by } }],
    outcome: decision,
  };
};

/**
 * The life of a post on the mutual-aid board: confirmed from the register's address, screened,
 * published for `board.expiresAfterSeconds` (renewable, reminded before), closed, expired, or
 * hidden by the moderators after a report; erased `board.eraseAfterSeconds` after it left.
 */
export function boardPostWorkflow(plan: PlanConfig = planConfig) {
  const board = plan.board;
  const expiry = (d: Data) => asPost(d).expiresAt;
  return defineWorkflow({
    name: BOARD_POST_WORKFLOW,
    version: 1,
    startAt: "awaiting-confirmation",
    defaultRetry: TRANSIENT_RETRY,
    states: {
      "awaiting-confirmation": waitingState({
        onEnter: "board-ask-confirmation",
        timeoutSeconds: board.confirmWithinSeconds,
        catch: [{ errors: [TIMEOUT_ERROR], next: "dropping" }],
        events: pick("confirm"),
        outcomes: { confirmed: "screening" },
        onCallback: () => ({
          data: { status: "screening" },
          events: [{ type: "PostConfirmed" }],
          outcome: "confirmed",
        }),
      }),
      screening: {
        type: "task",
        step: "board-screen",
        catch: [{ errors: [POST_REFUSED], next: "dropping" }],
        next: "publishing",
      },
      publishing: { type: "task", step: "board-publish", next: "published" },
      published: waitingState({
        deadline: expiry,
        timers: [
          {
            name: "expiry-reminder",
            afterSeconds: board.expiresAfterSeconds - board.reminderBeforeExpirySeconds,
            step: "board-remind",
          },
        ],
        catch: [{ errors: [TIMEOUT_ERROR], next: "expiring" }],
        events: pick("renew", "close", "edit", "report"),
        outcomes: { renew: "renewing", close: "closing", reported: "moderation" },
        onCallback: (data, { payload, now }) =>
          authorAction(payload) ?? edit(payload) ?? report(data, payload, now, "reported"),
      }),
      renewing: { type: "task", step: "board-renew", next: "published" },
      moderation: waitingState({
        onEnter: "board-ask-moderators",
        deadline: expiry,
        catch: [{ errors: [TIMEOUT_ERROR], next: "expiring" }],
        events: pick("moderation", "close", "report"),
        outcomes: { hide: "hiding", keep: "published", warn: "warning", close: "closing" },
        onCallback: (data, { payload, token, now }) =>
          moderate(data, payload, token, now) ??
          (payload.event === "close" ? { outcome: "close" } : report(data, payload, now)),
      }),
      hiding: { type: "task", step: "board-hide", next: "kept" },
      warning: { type: "task", step: "board-warn", next: "published" },
      closing: { type: "task", step: "board-close", next: "kept" },
      expiring: { type: "task", step: "board-expire", next: "kept" },
      // Off the board; what is left of it waits out the erasure delay, then goes.
      kept: { type: "wait", seconds: board.eraseAfterSeconds, next: "erasing" },
      erasing: { type: "task", step: "board-erase", next: "erased" },
      // Never published (not confirmed in time, or refused): nothing to keep.
      dropping: { type: "task", step: "board-drop", next: "erased" },
      erased: { type: "succeed" },
    },
  });
}

/** One relayed answer: sent once, then the message is kept for the erasure delay and erased. */
export function boardRelayWorkflow(plan: PlanConfig = planConfig) {
  return defineWorkflow({
    name: BOARD_RELAY_WORKFLOW,
    version: 1,
    startAt: "relaying",
    defaultRetry: TRANSIENT_RETRY,
    // The post the answer is to: its lines sit with the post's own.
    correlationId: (data) => (typeof data.postId === "string" ? data.postId : undefined),
    states: {
      relaying: { type: "task", step: "board-relay", next: "kept" },
      kept: { type: "wait", seconds: plan.board.eraseAfterSeconds, next: "erasing" },
      erasing: { type: "task", step: "board-forget-message", next: "erased" },
      erased: { type: "succeed" },
    },
  });
}

/** When a post published (or renewed) `now` expires. */
export const expiryFrom = (now: string, plan: PlanConfig = planConfig) =>
  addSeconds(now, plan.board.expiresAfterSeconds);
