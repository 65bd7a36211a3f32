import { batchGet, batchPut } from "../../db/batch";
import { keys, parsePartitionKey } from "../../db/layout";
import { queryPrefix } from "../../db/query";
import type { Deps } from "../../deps";
import { documentNameKey, inspectDocument } from "../../documents/documents";
import type { StepContext } from "../../engine/definition";
import type { PlanConfig } from "../../plan/config";
import type { RequestBody } from "../../request-view/schemas";
import { activityOnce, memberWithRequestsOnce } from "../activity-of";
import { documentIdsOf } from "../amount";
import type { RequestData } from "../record";
import type { RequestStatus } from "../request-types";
import { type CheckContext, type DocumentMeta, isoDay, type RequestSummary } from "./context";

/** What another request looks like to the duplicate checks: kept beside the member. */
export function summaryOf(id: string, request: RequestBody): Omit<RequestSummary, "status"> {
  return {
    id,
    type: request.type,
    memberNumber: request.memberNumber,
    activityId: "activityId" in request ? request.activityId : undefined,
    clientName: "client" in request ? request.client.name : undefined,
    orderReference: request.type === "incurred-expenses" ? request.orderReference : undefined,
    workDays:
      request.type === "cancelled-contract" ? request.workDays.map((d) => d.date) : undefined,
  };
}

/**
 * Records the request where later checks will look for it: beside its member, and under its
 * IBAN and its documents' hashes. Puts with fixed keys, so repeating them is harmless.
 */
export async function indexRequest(
  deps: Deps,
  id: string,
  request: RequestBody,
  documents: DocumentMeta[],
) {
  const all = [
    { ...keys.memberRequest(request.memberNumber, id), ...summaryOf(id, request) },
    { ...keys.ibanUse(request.iban, request.memberNumber), memberNumber: request.memberNumber },
    ...documents.flatMap(({ sha256, documentId }) =>
      sha256 === undefined
        ? []
        : [
            {
              ...keys.documentUse(sha256, id),
              requestId: id,
              documentId,
              memberNumber: request.memberNumber,
            },
          ],
    ),
  ];
  // The same file attached twice gives the same key, which one batch must not hold twice.
  const items = [...new Map(all.map((item) => [`${item.pk}\n${item.sk}`, item])).values()];
  await batchPut(deps, items, "the request index");
}

/** Loads what the justification checks compare a request with; the checks themselves do no I/O. */
export async function loadCheckContext(
  deps: Deps,
  id: string,
  data: RequestData,
  plan: PlanConfig,
  read: StepContext["read"],
): Promise<CheckContext> {
  const { request } = data;
  const [activity, documents] = await Promise.all([
    activityOnce(deps, read, request),
    Promise.all(
      documentIdsOf(request).map((d) => inspectDocument(deps, d, plan.documents.maxBytes)),
    ),
  ]);
  const present = documents.filter((d): d is DocumentMeta => d !== undefined);
  // A kept document's name is known now (its type recorded): the approvers' summary that
  // follows in this chain need not read its record again.
  for (const d of present)
    if (d.sha256 !== undefined) void read(documentNameKey(d.documentId), async () => d.fileName);
  await indexRequest(deps, id, request, present);
  // After the index: of two requests indexed at once, each finds the other.
  const [{ member, requests: others }, ibanUses, reuses] = await Promise.all([
    memberWithRequestsOnce(deps, read, request.memberNumber),
    queryPrefix(deps, keys.ibanUsePrefix(request.iban)),
    Promise.all(
      present.flatMap(({ sha256 }) =>
        sha256 === undefined ? [] : [queryPrefix(deps, keys.documentUsePrefix(sha256))],
      ),
    ),
  ]);
  const summaries = others.filter((o) => o.id !== id);
  const outcomes = await requestOutcomes(
    deps,
    summaries.map((o) => o.id as string),
  );
  const otherRequests = summaries.map((o) => {
    const other = outcomes.get(o.id as string);
    return {
      ...(o as Omit<RequestSummary, "status">),
      status: (other?.status ?? "received") as RequestStatus,
      decidedAt: other?.approvedAt ?? other?.rejection?.at,
      grantedAt: other?.approvedAt,
    };
  });
  return {
    requestId: id,
    member: member && {
      memberNumber: member.memberNumber,
      email: member.email,
      iban: member.iban,
      language: member.language,
      country: member.country,
    },
    activity,
    documents: present,
    otherRequests,
    ibanSharedWith: ibanUses
      .map((u) => u.memberNumber as string)
      .filter((m) => m !== request.memberNumber),
    documentReuse: reuses
      .flat()
      .filter((r) => r.requestId !== id)
      .map((r) => ({
        sha256: parsePartitionKey(r.pk as string)?.id ?? "",
        documentId:
          present.find((d) => d.sha256 && keys.documentUsePrefix(d.sha256).pk === r.pk)
            ?.documentId ?? "",
        requestId: r.requestId as string,
        memberNumber: r.memberNumber as string,
      })),
    plan,
    today: isoDay(deps.clock.now()),
  };
}

type Outcome = Pick<RequestData, "status" | "approvedAt" | "rejection">;

/**
 * Where the member's other requests stand, read in batches of 100 and only the fields the
 * checks compare: a member with many requests costs a few reads, not one per request.
 */
async function requestOutcomes(deps: Deps, ids: string[]): Promise<Map<string, Outcome>> {
  const outcomes = new Map<string, Outcome>();
  const found = await batchGet(
    deps,
    ids.map((x) => keys.execution(x)),
    "the member's requests",
    {
      expression: "id, #d.#s, #d.approvedAt, #d.rejection",
      names: { "#d": "data", "#s": "status" },
    },
  );
  for (const item of found) outcomes.set(item.id as string, item.data as Outcome);
  return outcomes;
}
