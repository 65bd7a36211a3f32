import { languageOf } from "../contacts/language";
import type { Deps } from "../deps";
import { completeCallback, TokenError } from "../engine/callbacks";
import type { Engine } from "../engine/engine";
import { getExecution } from "../engine/store";
import { EntraideError, ValidationError } from "../errors";
import { planConfig } from "../plan/config";
import { schemas } from "../request-view/schemas";
import { approverViewOf, decisionTokenOf } from "./approver-actions";
import { parseReadingLanguage } from "./messages";
import { asRequest } from "./record";
import { voteState } from "./votes";

/**
 * What a committee member's vote link shows: the request as approvers see it, the vote's tally
 * and who voted what (the committee sees names), and whether this member may still vote. A
 * closed vote, a used link or a member who voted shows the tally and nothing private.
 */
export async function voteView(deps: Deps, token: string | undefined) {
  const { record, execution } = await decisionTokenOf(deps, token, "voter");
  const data = asRequest(execution.data);
  const vote = data.vote;
  const member = String(record.meta.email).toLowerCase();
  const language = await languageOf(deps, member);
  const committee = planConfig.committees.find((c) => c.name === vote?.committee);
  const base = {
    member,
    memberLanguage: language,
    committee: committee?.name ?? vote?.committee,
    committeeLabels: committee?.labels,
    ...voteState(data),
    ownVote: vote?.votes.find((v) => v.member === member)?.vote,
    conflict: vote?.conflicts.some((c) => c.member === member) ?? false,
  };
  const current =
    execution.status === "running" &&
    execution.state === record.state &&
    execution.visit === record.visit;
  const open =
    current && record.usedAt === undefined && base.ownVote === undefined && !base.conflict;
  if (!open)
    return { open: false as const, request: { id: execution.id, status: data.status }, ...base };
  const { request } = await approverViewOf(deps, execution);
  return { open: true as const, request, ...base };
}

/**
 * A committee member's vote or conflict declaration, from the vote page: the token must be the
 * member's own vote link. Refusals (409) carry the tally as it stands.
 */
export async function castVote(
  deps: Deps,
  engine: Engine,
  token: string | undefined,
  input: unknown,
) {
  const { record, execution } = await decisionTokenOf(deps, token, "voter");
  const member = String(record.meta.email).toLowerCase();
  const parsed = await parseReadingLanguage(schemas.vote, input, () => languageOf(deps, member));
  if (!parsed.success) throw new ValidationError(parsed.errors);
  const { vote, comment } = parsed.data;
  const payload =
    vote !== undefined
      ? { event: "vote", vote, comment, via: "page" }
      : { event: "conflict", comment };
  // The token and its execution as just read: neither is read again to vote.
  const result = await completeCallback(engine, deps, token!, payload, { record, execution }).catch(
    async (error: unknown) => {
      throw await withTally(deps, error, record.executionId);
    },
  );
  const after = asRequest(result.execution!.data);
  return voteState(after);
}

/** A used or closed vote link tells the vote as it stands now, as every conflict does. */
async function withTally(deps: Deps, error: unknown, executionId: string): Promise<unknown> {
  if (!(error instanceof TokenError) || error.code === "token.invalid") return error;
  const execution = await getExecution(deps, executionId);
  return new EntraideError(error.code, error.message, {
    status: error.status,
    details: execution ? voteState(asRequest(execution.data)) : undefined,
  });
}
