import { languageOf as readerLanguage } from "../contacts/language";
import type { Deps } from "../deps";
import { completeCallback, readToken, TokenError } from "../engine/callbacks";
import type { Engine } from "../engine/engine";
import { getExecution } from "../engine/store";
import { ConflictError, NotFoundError, ValidationError } from "../errors";
import { isModeratorTokenKey } from "../notifications/board-links";
import { languageOf } from "../requests/i18n";
import { parseWith } from "../requests/messages";
import { asPost } from "./data";
import { boardLabel, ModerationAnswer, Report } from "./post";
import { currentContent, getPost } from "./records";

/**
 * Anyone reading the board may report a post: the first report opens a moderation (the
 * moderators are emailed), later ones join it. Refused (409) once the post left the board.
 */
export async function reportPost(deps: Deps, engine: Engine, postId: string, body: unknown) {
  const parsed = parseWith(Report, body, languageOf(body), boardLabel);
  if (!parsed.success) throw new ValidationError(parsed.errors);
  const post = await getPost(deps, postId);
  const execution = post && (await getExecution(deps, postId));
  if (!post || !execution) throw new NotFoundError("post");
  const result =
    execution.status === "running" && ["published", "moderation"].includes(execution.state)
      ? await engine.signal(
          postId,
          { state: execution.state, visit: execution.visit },
          { event: "report", reason: parsed.data.reason },
        )
      : { outcome: "superseded" as const, execution };
  if (result.outcome !== "applied")
    throw new ConflictError("board.not-published", "this post is no longer on the board", {
      status: asPost((result.execution ?? execution).data).status,
    });
  return { status: "in-moderation" };
}

/** A moderator's token with its post, or `token.invalid`. */
async function moderatorToken(deps: Deps, token: string | undefined) {
  const record = token ? await readToken(deps, token) : undefined;
  const execution =
    isModeratorTokenKey(record?.key, "page") && (await getExecution(deps, record!.executionId));
  if (!record || !execution) throw new TokenError("token.invalid", "this link is not valid");
  return { record, execution };
}

/**
 * What a moderator is asked to decide; a GET decides nothing (a mail scanner following the link
 * changes nothing). A closed link says who decided what and when.
 */
export async function moderationView(deps: Deps, token: string | undefined) {
  const { record, execution } = await moderatorToken(deps, token);
  const post = asPost(execution.data);
  const open =
    !record.usedAt &&
    execution.status === "running" &&
    execution.state === record.state &&
    execution.visit === record.visit &&
    (record.expiresAt === undefined || record.expiresAt > deps.clock.now().toISOString());
  return {
    open,
    status: post.status,
    moderator: record.meta.email,
    /** The language the moderator reads, from the registers: the page's default. */
    moderatorLanguage: await readerLanguage(deps, String(record.meta.email)),
    content: await currentContent(deps, post),
    reports: post.reports ?? [],
    decisions: post.moderation ?? [],
  };
}

/** The moderator decides: hide, keep, or keep with a warning to the author. Once per report. */
export async function moderatePost(
  deps: Deps,
  engine: Engine,
  token: string | undefined,
  body: unknown,
) {
  await moderatorToken(deps, token);
  const parsed = parseWith(ModerationAnswer, body, languageOf(body), boardLabel);
  if (!parsed.success) throw new ValidationError(parsed.errors);
  const result = await completeCallback(engine, deps, token!, {
    event: "moderation",
    decision: parsed.data.decision,
  }).catch(async (error: unknown) => {
    if (!(error instanceof TokenError) || error.code === "token.invalid") throw error;
    // Said as a closed page says it: where the post stands and who decided what.
    const view = await moderationView(deps, token);
    throw new TokenError(error.code as "token.used", error.message, {
      status: view.status,
      decisions: view.decisions,
    });
  });
  return { status: asPost(result.execution!.data).status };
}
