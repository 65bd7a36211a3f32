import type { z } from "zod";
import { Answer, ManageAction, ModerationAnswer, PostEdit, PostSubmission, Report } from "./post";

interface Helpers {
  json: (schema: z.ZodType) => unknown;
  errors: unknown;
  bearer: unknown;
}

const status = (description: string) => ({ description });

/** The board's paths of the OpenAPI document, from the zod schemas that validate them. */
export function boardPaths({ json, errors, bearer }: Helpers) {
  const id = { name: "id", in: "path", required: true, schema: { type: "string" } };
  const limited = status("too many messages in a short time: nothing stored or sent");
  return {
    "/api/board/posts": {
      get: {
        summary:
          "Published posts, newest first (30 a page); filter by kind, category, region, language",
        parameters: ["kind", "category", "region", "language", "cursor"].map((name) => ({
          name,
          in: "query",
          required: false,
          schema: { type: "string" },
        })),
        responses: { "200": status("a page of posts and the cursor of the next"), "400": errors },
      },
      post: {
        summary: "Post (a member): a confirmation link goes to the register's address",
        parameters: [
          { name: "Idempotency-Key", in: "header", required: false, schema: { type: "string" } },
        ],
        requestBody: { content: json(PostSubmission) },
        responses: {
          "202": status("awaiting confirmation from the register's address"),
          "400": errors,
          "429": limited,
        },
      },
    },
    "/api/board/posts/{id}/answers": {
      post: {
        summary: "Answer a post: relayed by email to its author, Reply-To the given address",
        parameters: [id],
        requestBody: { content: json(Answer) },
        responses: {
          "202": status("relaying"),
          "400": errors,
          "404": status("no such post"),
          "409": status("the post is no longer on the board"),
          "429": limited,
        },
      },
    },
    "/api/board/posts/{id}/reports": {
      post: {
        summary: "Report a post to the moderators",
        parameters: [id],
        requestBody: { content: json(Report) },
        responses: {
          "200": status("in moderation"),
          "400": errors,
          "404": status("no such post"),
          "409": status("the post is no longer on the board"),
        },
      },
    },
    "/api/board/posts/{id}/manage": {
      get: {
        summary: "The author's view of their post",
        security: bearer,
        parameters: [id],
        responses: { "200": status("the post"), "404": status("unknown post or wrong token") },
      },
      post: {
        summary: "Renew or close the post",
        security: bearer,
        parameters: [id],
        requestBody: { content: json(ManageAction) },
        responses: {
          "200": status("done"),
          "400": errors,
          "404": status("unknown post or wrong token"),
          "409": status("not possible now; details.status says where the post stands"),
        },
      },
    },
    "/api/board/posts/{id}/edits": {
      post: {
        summary:
          "Edit the post's title, text, category, region or language: screened and masked as a new post",
        security: bearer,
        parameters: [id],
        requestBody: { content: json(PostEdit) },
        responses: {
          "200": status("edited: the board shows the new content"),
          "400": errors,
          "404": status("unknown post or wrong token"),
          "409": status("not on the board now; details.status says where the post stands"),
        },
      },
    },
    "/api/board/confirmations/current": {
      get: {
        summary: "What a confirmation link would publish",
        security: bearer,
        responses: { "200": status("the post, or open: false"), "404": status("invalid token") },
      },
    },
    "/api/board/confirmations": {
      post: {
        summary: "Publish the post (the register's address confirms it)",
        security: bearer,
        responses: {
          "200": status("publishing"),
          "404": status("invalid token"),
          "409": status("link used or no longer open"),
          "410": status("link expired"),
        },
      },
    },
    "/api/board/moderation/current": {
      get: {
        summary: "What a moderator is asked to decide",
        security: bearer,
        responses: { "200": status("the reported post"), "404": status("invalid token") },
      },
    },
    "/api/board/moderation": {
      post: {
        summary: "Hide, keep, or keep and warn",
        security: bearer,
        requestBody: { content: json(ModerationAnswer) },
        responses: {
          "200": status("decided"),
          "400": errors,
          "409": status("link used or moderation closed"),
          "410": status("link expired"),
        },
      },
    },
  };
}
