import type { Deps } from "../deps";
import { completeCallback, readToken, TokenError } from "../engine/callbacks";
import type { Engine } from "../engine/engine";
import type { Execution } from "../engine/execution";
import { getExecution } from "../engine/store";
import { ConflictError, NotFoundError, ValidationError } from "../errors";
import { languageOf } from "../requests/i18n";
import { parseWith } from "../requests/messages";
import { statusTokenMatches } from "../requests/status-token";
import { asPost } from "./data";
import { boardLabel, ManageAction } from "./post";
import { BOARD_POST_WORKFLOW } from "./workflow";

/** What the author sees of their post on the management page. */
function authorView(execution: Execution) {
  const post = asPost(execution.data);
  return {
    postId: post.postId,
    status: post.status,
    content: post.content,
    firstName: post.firstName,
    publishedAt: post.publishedAt,
    expiresAt: post.expiresAt,
    /** What the author can do now. */
    actions:
      execution.state === "published"
        ? ["renew", "close"]
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
  return authorView(await ownPost(deps, postId, token));
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
