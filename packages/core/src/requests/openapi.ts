import * as z from "zod";
import pkg from "../../../../package.json" with { type: "json" };
import { boardPaths } from "../board/openapi";
import { errorCodes } from "../errors";
import { schemas } from "../request-view/schemas";
import { ConfirmationAnswer } from "./confirmations";
import { ProjectCloseBody, TrancheReportBody } from "./project-actions";

const json = (schema: z.ZodType) => ({
  "application/json": { schema: z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) },
});
const errors = {
  description: "invalid input: field errors in the request's language",
  content: json(
    z.object({
      errors: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })),
    }),
  ),
};
const bearer = [{ bearer: [] }];

/** `{ error: { code, message, details? } }`: details say where things stand (a 409's state). */
const ApiError = z.object({
  error: z.object({
    code: z.enum(errorCodes),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});

/** The API of §8 as OpenAPI 3.1, from the zod schemas that validate it: one source for both. */
export function openApiDocument() {
  return {
    openapi: "3.1.0",
    info: { title: "Entraide API", version: pkg.version },
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
      // Every answer that is not a success nor field errors (`400 {errors}`) has this body;
      // its code is one of the list in core/errors.ts.
      schemas: { ApiError: z.toJSONSchema(ApiError, { io: "input" }) },
    },
    paths: {
      "/api/documents": {
        post: {
          summary:
            "Register an upload; POST upload.fields then the file (multipart/form-data, field `file` last) to upload.url",
          requestBody: { content: json(schemas.documentUpload) },
          responses: { "201": { description: "upload registered" }, "400": errors },
        },
      },
      "/api/requests": {
        post: {
          summary: "Submit a request",
          parameters: [
            { name: "Idempotency-Key", in: "header", required: true, schema: { type: "string" } },
          ],
          requestBody: { content: json(schemas.request) },
          responses: {
            "201": { description: "created" },
            "200": { description: "the same request, submitted again" },
            "400": errors,
            "409": { description: "key reused with another body" },
          },
        },
      },
      "/api/requests/{id}": {
        get: {
          summary: "The member's view of a request",
          security: bearer,
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
          responses: {
            "200": { description: "the request" },
            "404": { description: "unknown id or wrong token" },
          },
        },
      },
      "/api/requests/{id}/info": {
        post: {
          summary: "Answer a request for information",
          security: bearer,
          requestBody: { content: json(schemas.infoAnswer) },
          responses: {
            "200": { description: "answered" },
            "400": errors,
            "409": { description: "not waiting for information" },
          },
        },
      },
      "/api/requests/{id}/withdraw": {
        post: {
          summary: "Withdraw before approval",
          security: bearer,
          responses: {
            "200": { description: "withdrawn" },
            "409": { description: "no longer withdrawable" },
          },
        },
      },
      "/api/requests/{id}/report": {
        post: {
          summary: "A project's report on its milestone, asking for the next tranche",
          security: bearer,
          requestBody: { content: json(TrancheReportBody) },
          responses: {
            "200": { description: "reported: one committee member checks it" },
            "400": errors,
            "409": { description: "not waiting for a report (details: status and state)" },
          },
        },
      },
      "/api/requests/{id}/close": {
        post: {
          summary: "Close a project early: its unused tranches go back to the fund",
          security: bearer,
          requestBody: { content: json(ProjectCloseBody) },
          responses: {
            "200": { description: "closed; releasedCents went back to the fund" },
            "400": errors,
            "409": {
              description:
                "cannot be closed now: a report being checked, a tranche being paid, not approved yet, or closed (details: status and state)",
            },
          },
        },
      },
      "/api/decisions/current": {
        get: {
          summary: "What the approver must decide",
          security: bearer,
          responses: {
            "200": {
              description:
                "the decision to take; for a used, expired or superseded token (open: false) only the request's id and who decided what and when",
            },
            "404": { description: "invalid token" },
          },
        },
      },
      "/api/decisions/current/documents/{documentId}": {
        get: {
          summary: "A download link to one of the request's documents, signed now",
          security: bearer,
          parameters: [
            { name: "documentId", in: "path", required: true, schema: { type: "string" } },
          ],
          responses: {
            "200": { description: "{ name, url }: a presigned link valid a few minutes" },
            "404": { description: "invalid token, or no such document in this request" },
            "409": { description: "the decision link is closed (decided, expired or superseded)" },
          },
        },
      },
      "/api/decisions": {
        post: {
          summary: "Decide",
          security: bearer,
          requestBody: { content: json(schemas.decision) },
          responses: {
            "200": { description: "decided" },
            "400": errors,
            "409": { description: "token used or decision closed" },
            "410": { description: "token expired" },
          },
        },
      },
      "/api/votes/current": {
        get: {
          summary: "What a committee member votes on, and the tally with who voted what",
          security: bearer,
          responses: {
            "200": {
              description:
                "the request and the vote; for a used or closed link, or a member who voted (open: false), the request's id and the tally",
            },
            "404": { description: "invalid token" },
          },
        },
      },
      "/api/votes": {
        post: {
          summary: "Vote (approve, reject, abstain) or declare a conflict of interest",
          security: bearer,
          requestBody: { content: json(schemas.vote) },
          responses: {
            "200": { description: "recorded; the tally as it stands" },
            "400": errors,
            "403": { description: "an applicant of the request does not vote on it" },
            "409": {
              description:
                "already voted, conflict declared, or the vote closed (details: the tally)",
            },
            "410": { description: "token expired" },
          },
        },
      },
      "/api/confirmations/current": {
        get: {
          summary: "What the registered member is asked to confirm (a new IBAN)",
          security: bearer,
          responses: {
            "200": { description: "the confirmation asked for, or how it was answered" },
            "404": { description: "invalid token" },
          },
        },
      },
      "/api/confirmations": {
        post: {
          summary: "Confirm, or say this is not me (the request freezes)",
          security: bearer,
          requestBody: { content: json(ConfirmationAnswer) },
          responses: {
            "200": { description: "answered" },
            "400": errors,
            "409": { description: "link used or no longer open" },
            "410": { description: "link expired" },
          },
        },
      },
      ...boardPaths({ json, errors, bearer }),
      "/api/plan": {
        get: {
          summary:
            "The plan's windows, caps and rules the request form shows and checks before sending (public, cacheable)",
          responses: {
            "200": {
              description:
                "crisisStart, planWindow {from, to}, aidCapCents, aidPeriodDays, expensesCapCents, dailyCapCents, workDay {hoursPerDay, daysPerCachet}",
            },
          },
        },
      },
      "/api/health": {
        get: { summary: "Liveness and versions", responses: { "200": { description: "ok" } } },
      },
    },
  };
}
