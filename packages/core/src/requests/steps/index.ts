import type { Deps } from "../../deps";
import type { Step } from "../../engine/definition";
import { replyAddress } from "../../notifications/replies/reply-token";
import type { PlanConfig } from "../../plan/config";
import { createLoanSteps } from "../loan-steps";
import { createProjectSteps } from "../project-steps";
import { createVoteSteps } from "../vote-steps";
import { approvalSteps } from "./approval";
import { closingSteps } from "./closing";
import { grantSteps, payoutFor } from "./grant";
import { identitySteps } from "./identity";
import { intakeSteps } from "./intake";
import { payoutSteps } from "./payout";
import { createPayoutAccountSteps } from "./payout-account";
import { recoverySteps } from "./recovery";
import { createStepTools } from "./tools";

/**
 * The steps of the request workflows, built with their dependencies (the Temporal pattern),
 * in the order of a request's life; each phase is a file of this folder (loans, votes and
 * projects keep theirs beside the rules they run).
 */
export function createRequestSteps(deps: Deps, plan: PlanConfig): Record<string, Step> {
  const t = createStepTools(deps, plan);
  return {
    ...intakeSteps(deps, plan, t),
    ...identitySteps(deps, plan, t),
    ...approvalSteps(deps, plan, t),
    ...createVoteSteps(deps, plan, {
      summary: t.summary,
      replyAddress: (token) => replyAddress(deps.config.replyTo, token),
      askChair: (ctx, data, chair, committee, tally) =>
        t.askApprovers(ctx, data, [chair], "chair", "vote-chair", (to, p, language) =>
          t.toApprover(to, "vote-chair", { ...p, committee, tally }, language),
        ),
    }),
    ...grantSteps(deps, plan),
    ...payoutSteps(t),
    ...createPayoutAccountSteps(deps, plan, t),
    ...createLoanSteps(deps, plan, t),
    ...recoverySteps(deps),
    ...createProjectSteps(deps, plan, { ...t, payout: payoutFor(deps, plan) }),
    ...closingSteps(t),
  };
}
