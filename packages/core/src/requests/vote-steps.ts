import { getCommittee } from "../committees/committee";
import { languageOf, languagesOf } from "../contacts/language";
import type { Deps } from "../deps";
import type { Step, StepContext } from "../engine/definition";
import type { RequestSummary } from "../notifications/templates/common";
import type { CommitteeVotePolicy } from "../plan/approvals";
import type { PlanConfig } from "../plan/config";
import { committeeOnce } from "./activity-of";
import { notify } from "./notify";
import type { RequestData } from "./record";
import { decisionLinks } from "./steps/tools";
import { type CommitteeVote, openVote, type Tally, tallyOf } from "./votes";

export interface VoteStepHelpers {
  /** What approvers see of a request (the approval emails' summary). */
  summary: (id: string, data: RequestData, read?: StepContext["read"]) => Promise<RequestSummary>;
  /** The reply address carrying a reply token. */
  replyAddress: (token: string) => string | undefined;
  /** The chair's decision links, as an escalation to backups carries them. */
  askChair: (
    ctx: StepContext,
    data: RequestData,
    chair: string,
    committee: string,
    tally: Tally,
  ) => Promise<void>;
}

/** The applicants of a request: who asked, and the member's address in the register. */
export function applicantsOf(data: RequestData, registered?: string): string[] {
  // A project's co-applicants are applicants too: they neither vote nor count toward the quorum.
  const r = data.request;
  const coApplicants = "coApplicants" in r ? (r.coApplicants ?? []).map((c) => c.email) : [];
  return [r.email, ...coApplicants, ...(registered ? [registered] : [])];
}

/** The steps of a committee vote: the emails to members, reminders, the chair, the outcome. */
export function createVoteSteps(
  deps: Deps,
  plan: PlanConfig,
  helpers: VoteStepHelpers,
): Record<string, Step> {
  const labelOf = (committee: string, language: keyof PlanConfig["committees"][number]["labels"]) =>
    plan.committees.find((c) => c.name === committee)?.labels[language] ?? committee;

  /** Each member who may still vote gets their page link and reply address for `mailing`. */
  const askVoters = async (
    ctx: StepContext,
    data: RequestData,
    vote: CommitteeVote,
    mailing: string,
    reminder?: number,
  ) => {
    const base = await helpers.summary(ctx.executionId, data, ctx.read);
    const voted = new Set([...vote.votes, ...vote.conflicts].map((v) => v.member));
    const voters = vote.members.filter((m) => !voted.has(m));
    // One read of the languages for all the voters, when the first email is sent.
    const languageOf = languagesOf(deps, voters);
    for (const email of voters) {
      const options = { meta: { email, role: "voter" }, expiresAt: vote.deadline };
      const [token, replyToken] = await decisionLinks(ctx, "voter", email, mailing, options);
      await ctx.effect(`voter:${email}`, async () => {
        const language = await languageOf(email);
        return notify(deps, {
          template: "vote-request",
          to: email,
          language,
          params: {
            ...base,
            publicUrl: deps.config.publicUrl,
            token,
            committee: labelOf(vote.committee, language),
            quorum: vote.quorum,
            deadline: vote.deadline,
            reminder,
          },
          replyTo: helpers.replyAddress(replyToken),
        });
      });
    }
  };

  return {
    "open-vote": async (d, ctx) => {
      const data = d as RequestData;
      if (data.vote) await askVoters(ctx, data, data.vote, "vote");
      return {};
    },

    "remind-voters": async (d, ctx) => {
      const data = d as RequestData;
      const reminder = (data.remindersSent ?? 0) + 1;
      if (data.vote) await askVoters(ctx, data, data.vote, `vote-reminder-${reminder}`, reminder);
      return { data: { remindersSent: reminder } };
    },

    "ask-chair": async (d, ctx) => {
      const data = d as RequestData;
      const vote = data.vote!;
      const language = await languageOf(deps, vote.chair);
      await helpers.askChair(
        ctx,
        data,
        vote.chair,
        labelOf(vote.committee, language),
        tallyOf(vote),
      );
      return {
        data: { status: "awaiting-approval" },
        events: [{ type: "Escalated", detail: { to: "chair", tally: tallyOf(vote) } }],
      };
    },

    /** The outcome with the tally: the committee reads who voted what, the applicants only counts. */
    "announce-vote": async (d, ctx) => {
      const data = d as RequestData;
      const vote = data.vote!;
      const outcome = data.status === "rejected" ? "rejected" : "approved";
      const byChair = (data.decisions ?? []).some(
        (x) => x.round === vote.round && x.approver === vote.chair,
      );
      const committee = await getCommittee(deps, vote.committee);
      const members = [...new Set([...(committee?.members ?? []), ...vote.members])].map((m) =>
        m.toLowerCase(),
      );
      const applicants = applicantsOf(data).map((a) => a.toLowerCase());
      const languageOf = languagesOf(
        deps,
        members.filter((m) => !applicants.includes(m)),
      );
      const send = (to: string, withVotes: boolean) =>
        ctx.effect(`vote-outcome:${to}`, async () => {
          const language = applicants.includes(to) ? data.language : await languageOf(to);
          return notify(deps, {
            template: "vote-outcome",
            to,
            language,
            params: {
              requestId: ctx.executionId,
              committee: labelOf(vote.committee, language),
              outcome,
              tally: tallyOf(vote),
              byChair,
              ...(withVotes
                ? {
                    votes: vote.votes.map(({ member, vote, comment }) => ({
                      member,
                      vote,
                      comment,
                    })),
                  }
                : {}),
            },
          });
        });
      for (const to of applicants) await send(to, false);
      // An applicant who sits on the committee reads the applicants' copy only.
      for (const to of members.filter((m) => !applicants.includes(m))) await send(to, true);
      return { events: [{ type: "VoteAnnounced", detail: { outcome, ...tallyOf(vote) } }] };
    },
  };
}

/** The vote a request under `policy` opens when routed: its voters are the routed approvers. */
export async function voteFor(
  deps: Deps,
  policy: CommitteeVotePolicy,
  input: { data: RequestData; approvers: string[]; registered?: string; round: number; now: Date },
  read: StepContext["read"],
): Promise<CommitteeVote> {
  const committee = (await committeeOnce(deps, read, policy.committee)) ?? {
    members: [],
    backups: [],
  };
  const now = input.now.toISOString();
  return openVote({
    policy,
    round: input.round,
    members: input.approvers,
    committee,
    applicants: applicantsOf(input.data, input.registered),
    now,
    deadline: new Date(input.now.getTime() + policy.votingSeconds * 1000).toISOString(),
  });
}
