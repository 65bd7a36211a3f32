import * as z from "zod";
import type { Deps } from "../deps";
import { isUploaded } from "../documents/documents";
import type { Engine } from "../engine/engine";
import { ConflictError, ValidationError } from "../errors";
import { planConfig } from "../plan/config";
import { documentIds, multilineText } from "../request-view/fields";
import { parseWith } from "./messages";
import { REPORTING } from "./project-view";
import { asRequest } from "./record";
import { signalWaiting } from "./signal-waiting";
import { ownRequest } from "./status-token";

/** `POST /api/requests/{id}/report`: the applicants' report on the milestone just reached. */
export const TrancheReportBody = z.strictObject({
  report: multilineText(4000, 10),
  documents: documentIds(0, planConfig.documents.maxPerRequest).optional(),
});

/**
 * The applicants ask for the next tranche with a report and its documents (already uploaded),
 * from the status link: one transition of the visit they saw, or a 409 saying where it stands.
 */
export async function reportTranche(
  deps: Deps,
  engine: Engine,
  id: string,
  token: string | undefined,
  body: unknown,
) {
  const { data } = await ownRequest(deps, id, token);
  const parsed = parseWith(TrancheReportBody, body, data.language);
  if (!parsed.success) throw new ValidationError(parsed.errors);
  const documents = parsed.data.documents ?? [];
  const uploaded = await Promise.all(documents.map((d) => isUploaded(deps, d)));
  const missing = documents.flatMap((_d, i) => (uploaded[i] ? [] : [i]));
  if (missing.length > 0)
    throw new ValidationError(
      missing.map((i) => ({
        path: `documents.${i}`,
        code: "document_not_uploaded",
        message: documents[i]!,
      })),
    );
  const result = await signalWaiting(
    engine,
    async () => (await ownRequest(deps, id, token)).execution,
    REPORTING,
    { event: "tranche-report", text: parsed.data.report, documents },
  );
  if (result.outcome === "applied") return { status: asRequest(result.execution!.data).status };
  throw new ConflictError(
    "request.not-awaiting-report",
    "this request is not waiting for a report",
    {
      status: result.execution ? asRequest(result.execution.data).status : undefined,
      state: result.execution?.state,
    },
  );
}

/** `POST /api/requests/{id}/close`: the applicants end their project before its last tranche. */
export const ProjectCloseBody = z.strictObject({ reason: multilineText(2000).optional() });

/**
 * The applicants close their project early, from the status link, while it waits for their
 * report: one transition that closes it and returns the unused tranches to the fund (so a
 * second call finds it closed: 409), or a 409 saying where it stands (a report being checked,
 * a tranche being paid, not yet approved, already closed).
 */
export async function closeProjectEarly(
  deps: Deps,
  engine: Engine,
  id: string,
  token: string | undefined,
  body: unknown,
) {
  const { data } = await ownRequest(deps, id, token);
  const parsed = parseWith(ProjectCloseBody, body ?? {}, data.language);
  if (!parsed.success) throw new ValidationError(parsed.errors);
  const result = await signalWaiting(
    engine,
    async () => (await ownRequest(deps, id, token)).execution,
    REPORTING,
    { event: "close-project", ...parsed.data },
  );
  if (result.outcome === "applied") {
    const project = (asRequest(result.execution!.data) as { project?: { releasedCents?: number } })
      .project;
    return { status: "closed", releasedCents: project?.releasedCents ?? 0 };
  }
  throw new ConflictError("request.not-closable", "this project cannot be closed now", {
    status: result.execution ? asRequest(result.execution.data).status : undefined,
    state: result.execution?.state,
  });
}
