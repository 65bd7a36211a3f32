/**
 * The HTTP API's routes: route key (as API Gateway writes it) -> handler (SST's
 * "<file without extension>.<export>" form, relative to the repository root). The SST stacks and
 * the local API server both read this map, so a route exists in both places or in neither.
 */
export const routes = {
  "GET /api/health": "packages/functions/src/http/health.handler",
  "GET /api/plan": "packages/functions/src/http/get-plan.handler",
  "POST /api/documents": "packages/functions/src/http/create-document.handler",
  "POST /api/requests": "packages/functions/src/http/submit-request.handler",
  "GET /api/requests/{id}": "packages/functions/src/http/get-request.handler",
  "POST /api/requests/{id}/info": "packages/functions/src/http/answer-info.handler",
  "POST /api/requests/{id}/withdraw": "packages/functions/src/http/withdraw-request.handler",
  "POST /api/requests/{id}/report": "packages/functions/src/http/report-tranche.handler",
  "POST /api/requests/{id}/close": "packages/functions/src/http/close-project.handler",
  "GET /api/decisions/current": "packages/functions/src/http/get-decision.handler",
  "GET /api/decisions/current/documents/{documentId}":
    "packages/functions/src/http/get-decision-document.handler",
  "POST /api/decisions": "packages/functions/src/http/post-decision.handler",
  "GET /api/votes/current": "packages/functions/src/http/get-vote.handler",
  "POST /api/votes": "packages/functions/src/http/post-vote.handler",
  "GET /api/confirmations/current": "packages/functions/src/http/get-confirmation.handler",
  "POST /api/confirmations": "packages/functions/src/http/post-confirmation.handler",
  "GET /api/openapi.json": "packages/functions/src/http/openapi.handler",
  "GET /api/board/posts": "packages/functions/src/http/board-list-posts.handler",
  "POST /api/board/posts": "packages/functions/src/http/board-submit-post.handler",
  "POST /api/board/posts/{id}/answers": "packages/functions/src/http/board-answer-post.handler",
  "POST /api/board/posts/{id}/reports": "packages/functions/src/http/board-report-post.handler",
  "GET /api/board/posts/{id}/manage": "packages/functions/src/http/board-get-manage.handler",
  "POST /api/board/posts/{id}/manage": "packages/functions/src/http/board-post-manage.handler",
  "POST /api/board/posts/{id}/edits": "packages/functions/src/http/board-edit-post.handler",
  "GET /api/board/confirmations/current":
    "packages/functions/src/http/board-get-confirmation.handler",
  "POST /api/board/confirmations": "packages/functions/src/http/board-post-confirmation.handler",
  "GET /api/board/moderation/current": "packages/functions/src/http/board-get-moderation.handler",
  "POST /api/board/moderation": "packages/functions/src/http/board-post-moderation.handler",
} as const satisfies Record<string, string>;

export type RouteKey = keyof typeof routes;
