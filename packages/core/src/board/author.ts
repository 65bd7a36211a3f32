import { addSeconds } from "../clock";
import type { Deps } from "../deps";
import { completeCallback, readToken, TokenError } from "../engine/callbacks";
import type { Engine } from "../engine/engine";
import type { Execution } from "../engine/execution";
import { getExecution } from "../engine/store";
import { ConflictError, NotFoundError, ValidationError } from "../errors";
import type { PlanConfig } from "../plan/config";
import { languageOf } from "../requests/i18n";
import { parseWith } from "../requests/messages";
import { statusTokenMatches } from "../requests/status-token";
import { asPost } from "./data";
import { parseBoard } from "./parse";
import { boardLabel, ManageAction, PostEdit } from "./post";
import { currentContent, editWrites } from "./records";
import { maskPost } from "./screen";
import { BOARD_POST_WORKFLOW } from "./workflow";

/** What the author sees of their post on the management page. */
async function authorView(deps: Deps, execution: Execution) {
  const post = asPost(execution.data);
  return {
    postId: post.postId,
    status: post.status,
    content: await currentContent(deps, post),
    firstName: post.firstName,
    publishedAt: post.publishedAt,
    expiresAt: post.expiresAt,
    /** What the author can do now. */
    actions:
      execution.state === "published"
        ? ["edit", "renew", "close"]
        : execution.state === "moderation"
          ? ["close"]
          : [],
  };
}

/** The post behind `postId` for the holder of its management token; anything else is one 404. */
async function ownPost(deps: Deps, postId: string, token: string | undefined) {
  const execution = await getExecution(deps, postId);
  if (
    !execution ||
    execution.workflow !== BOARD_POST_WORKFLOW ||
    !statusTokenMatches(asPost(execution.data).manageTokenHash, token)
  )
    throw new NotFoundError("post");
  return execution;
}

export async function manageView(deps: Deps, postId: string, token: string | undefined) {
  return authorView(deps, await ownPost(deps, postId, token));
}

/**
 * The author renews or closes their post: a signal to the state visit it is in now, applied or
 * refused (409 with where the post stands), never kept for later.
 */
export async function manageAction(
  deps: Deps,
  engine: Engine,
  postId: string,
  token: string | undefined,
  body: unknown,
) {
  const execution = await ownPost(deps, postId, token);
  const parsed = parseWith(ManageAction, body, languageOf(body), boardLabel);
  if (!parsed.success) throw new ValidationError(parsed.errors);
  const { action } = parsed.data;
  const result =
    execution.status === "running"
      ? await engine.signal(
          postId,
          { state: execution.state, visit: execution.visit },
          { event: action },
        )
      : { outcome: "superseded" as const, execution };
  if (result.outcome !== "applied")
    throw new ConflictError(
      `board.cannot-${action}`,
      `this post cannot be ${action === "renew" ? "renewed" : "closed"} now`,
      {
        status: asPost((result.execution ?? execution).data).status,
      },
    );
  return { status: action === "renew" ? "renewing" : "closing" };
}

/**
 * The author edits their post's title, text, category, region or language: screened like a
 * new post (a refused word is a 400, contacts are masked), then applied at once if the post is
 * on the board (200: the board shows it), or refused with where it stands (409). The holder of
 * a wrong token learns nothing (404), whatever the body.
 */
export async function editPost(
  deps: Deps,
  engine: Engine,
  plan: PlanConfig,
  postId: string,
  token: string | undefined,
  body: unknown,
) {
  const execution = await ownPost(deps, postId, token);
  const { data } = parseBoard(PostEdit, body, ["title", "text"], plan.board.bannedWords);
  const post = asPost(execution.data);
  const before = await currentContent(deps, post);
  const at = deps.clock.now().toISOString();
  const after = before && maskPost({ ...before, ...data });
  const result =
    execution.status === "running" && execution.state === "published" && before && after
      ? await engine.signal(
          postId,
          { state: execution.state, visit: execution.visit },
          {
            event: "edit",
            at,
            fields: Object.keys(data).filter(
              (k) => after[k as keyof PostEdit] !== before[k as keyof PostEdit],
            ),
          },
          {
            extra: editWrites(postId, {
              before,
              after,
              at,
              // Past the latest the post can be erased unless renewed: the safety net only.
              eraseAt: addSeconds(
                at,
                plan.board.expiresAfterSeconds + plan.board.eraseAfterSeconds,
              ),
            }),
          },
        )
      : { outcome: "superseded" as const, execution };
  if (result.outcome !== "applied") {
    const now = result.execution ?? execution;
    // The state too: a close accepted a moment ago is `closing` before the post says `closed`.
    throw new ConflictError("board.cannot-edit", "this post cannot be edited now", {
      status: asPost(now.data).status,
      state: now.state,
    });
  }
  return authorView(deps, result.execution!);
}

/** What the holder of a confirmation link is asked to publish; a GET publishes nothing. */
export async function confirmationView(deps: Deps, token: string | undefined) {
  const record = token ? await readToken(deps, token) : undefined;
  const execution =
    record?.key === "confirm" ? await getExecution(deps, record.executionId) : undefined;
  if (!record || !execution) throw new TokenError("token.invalid", "this link is not valid");
  const post = asPost(execution.data);
  const open =
    !record.usedAt &&
    execution.state === "awaiting-confirmation" &&
    execution.status === "running" &&
    (record.expiresAt === undefined || record.expiresAt > deps.clock.now().toISOString());
  return {
    open,
    status: post.status,
    content: open ? post.content : undefined,
    firstName: post.firstName,
  };
}

/** The register's address confirms the post: it goes to screening and publication. */
export async function confirmPost(deps: Deps, engine: Engine, token: string | undefined) {
  const record = token ? await readToken(deps, token) : undefined;
  if (record?.key !== "confirm") throw new TokenError("token.invalid", "this link is not valid");
  await completeCallback(engine, deps, token!, { event: "confirm" });
  return { status: "publishing" };
}
