import type { Deps } from "../../deps";
import type { Data, Step } from "../../engine/definition";
import type { PlanConfig } from "../../plan/config";
import { renderReason } from "../../request-view/reasons";
import type { RequestBody } from "../../request-view/schemas";
import { requestAmountCents } from "../amount";
import { isoDay } from "../checks/context";
import { loadCheckContext } from "../checks/gather";
import { runChecks } from "../checks/run-checks";
import type { RequestEvent } from "../events";
import { asRequest, type RequestData } from "../record";
import type { CallbackEffect, StepTools } from "./tools";

/** Intake: the request is acknowledged, checked, and its member asked for what is missing. */
export function intakeSteps(deps: Deps, plan: PlanConfig, t: StepTools): Record<string, Step> {
  const answerByOf = (requestedAt: string) =>
    isoDay(new Date(Date.parse(requestedAt) + plan.needsInfo.expiresAfterSeconds * 1000));
  return {
    receive: async (d, ctx) => {
      const data = asRequest(d);
      await t.toMember(ctx, data, "request-received", {
        ...t.statusLink(ctx.executionId),
        type: data.request.type,
        amountCents: data.amountCents,
      });
      return { data: { status: "received" }, events: [{ type: "Received" }] };
    },

    check: async (d, ctx) => {
      const data = asRequest(d);
      const context = await loadCheckContext(deps, ctx.executionId, data, plan, ctx.read);
      const { outcome, results } = runChecks(data.request, context);
      return {
        data: { status: "checking", checks: { outcome, results } },
        events: [{ type: "ChecksCompleted", detail: { outcome } }],
      };
    },

    "ask-info": async (d, ctx) => {
      const data = asRequest(d);
      const failing = failedChecks(data);
      const message =
        data.infoRequest?.message ??
        failing.map((r) => renderReason(r.reason, data.language)).join("\n");
      const infoRequest = {
        message,
        requestedAt: data.infoRequest?.requestedAt ?? ctx.now.toISOString(),
        by: data.infoRequest?.by,
      };
      await t.toMember(ctx, data, "info-needed", {
        ...t.statusLink(ctx.executionId),
        message: data.infoRequest?.message,
        checks: failing,
        answerBy: answerByOf(infoRequest.requestedAt),
      });
      return { data: { status: "needs-info", infoRequest }, events: [{ type: "InfoRequested" }] };
    },

    "remind-info": async (d, ctx) => {
      const data = asRequest(d);
      await t.toMember(ctx, data, "info-reminder", {
        ...t.statusLink(ctx.executionId),
        message: data.infoRequest?.by ? data.infoRequest.message : undefined,
        checks: failedChecks(data),
        answerBy: answerByOf(data.infoRequest?.requestedAt ?? ctx.now.toISOString()),
      });
      return {};
    },
  };
}

const failedChecks = (data: RequestData) =>
  (data.checks?.results ?? []).filter((r) => r.outcome === "fail");

/**
 * The member's answer (`event: "info"`): documents added, fields corrected, kept with the
 * question it answers, and the request checked again.
 */
export function infoAnswered(
  data: Data,
  payload: RequestEvent<"info">,
  now: string,
): CallbackEffect {
  const before = asRequest(data).request;
  const added = payload.documents ?? [];
  // Validated by `answerInfo` against the request's schema and the failed checks.
  const corrections = payload.corrections ?? {};
  const request = {
    ...before,
    ...corrections,
    documents: [...new Set([...(before.documents ?? []), ...added])],
  } as RequestBody;
  const corrected = Object.keys(corrections);
  const asked = asRequest(data).infoRequest;
  // What was asked, kept with its answer: approvers read the whole conversation.
  const question = asked?.by
    ? { by: asked.by, message: asked.message, at: asked.requestedAt }
    : {
        reasons: failedChecks(asRequest(data)).map((r) => r.reason),
        at: asked?.requestedAt ?? now,
      };
  return {
    data: {
      // The member's page shows the checks running at once, not the question answered.
      status: "checking",
      request,
      amountCents: requestAmountCents(request),
      infoAnswers: [
        ...(asRequest(data).infoAnswers ?? []),
        {
          comment: payload.comment as string | undefined,
          documents: added,
          ...(corrected.length > 0 ? { corrected } : {}),
          question,
          at: now,
        },
      ],
      infoRequest: undefined,
    },
    events: [{ type: "InfoAnswered" }],
  };
}
