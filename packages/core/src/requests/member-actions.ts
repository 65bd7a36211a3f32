import * as z from "zod";
import type { Deps } from "../deps";
import { isUploaded } from "../documents/documents";
import type { Engine } from "../engine/engine";
import type { Execution } from "../engine/execution";
import { ConflictError, type ErrorCode, ValidationError } from "../errors";
import { iban } from "../request-view/fields";
import { schemas } from "../request-view/schemas";
import { documentIdsOf } from "./amount";
import { fixableFields } from "./checks/fixable";
import { errorMap, parseWith } from "./messages";
import { asRequest, type RequestData } from "./record";
import { signalWaiting } from "./signal-waiting";
import { ownRequest } from "./status-token";
import { VOTE_WAITING_STATES } from "./votes";

/** The states in which a member may still withdraw. */
const WITHDRAWABLE = new Set([
  "needs-info",
  "confirming-co-applicants",
  "awaiting-approval",
  ...VOTE_WAITING_STATES,
]);
/** The states that wait for the member to say where the money should go instead. */
const WAITING_FOR_IBAN = new Set(["payout-failed", "confirming-iban"]);

/** A member's action that could not be done now: the answer says where the request stands. */
function refused(code: ErrorCode, message: string, execution: Execution | undefined) {
  return new ConflictError(code, message, {
    status: execution ? asRequest(execution.data).status : undefined,
    state: execution?.state,
  });
}

/**
 * Withdraws a request before its approval, as one conditional transition of the visit the
 * member saw: if an approval (or anything else) moved the request first, the withdrawal is
 * refused with where it stands, never kept for later.
 */
export async function withdraw(deps: Deps, engine: Engine, id: string, token: string | undefined) {
  const result = await signalWaiting(
    engine,
    async () => (await ownRequest(deps, id, token)).execution,
    WITHDRAWABLE,
    { event: "withdraw" },
  );
  if (result.outcome === "applied") return { status: "withdrawn" };
  throw refused(
    "request.not-withdrawable",
    "this request can no longer be withdrawn",
    result.execution,
  );
}

const say = (language: RequestData["language"], issue: Record<string, unknown>) =>
  String((errorMap(language) as (i: unknown) => unknown)(issue));

/**
 * The corrected fields, validated as the form's schema validates the whole request: only the
 * fields the failed checks name may change; errors are reported at `corrections.<path>`.
 */
function corrected(data: RequestData, corrections: Record<string, unknown>) {
  const offered = new Set(fixableFields(data.request, data.checks?.results ?? []));
  const notOffered = Object.keys(corrections).filter((k) => !offered.has(k));
  if (notOffered.length > 0) {
    throw new ValidationError(
      notOffered.map((k) => ({
        path: `corrections.${k}`,
        code: "field_not_offered",
        message: say(data.language, {
          code: "custom",
          path: [k],
          params: { code: "field_not_offered" },
        }),
      })),
    );
  }
  const merged = parseWith(schemas.request, { ...data.request, ...corrections }, data.language);
  if (!merged.success) {
    throw new ValidationError(merged.errors.map((e) => ({ ...e, path: `corrections.${e.path}` })));
  }
  const values = merged.data as unknown as Record<string, unknown>;
  return Object.fromEntries(Object.keys(corrections).map((k) => [k, values[k]]));
}

/** Receipts of corrected expense lines that the request did not hold yet must be uploaded. */
async function receiptsUploaded(
  deps: Deps,
  data: RequestData,
  corrections: Record<string, unknown>,
) {
  const lines = corrections.lines as { documentId: string }[] | undefined;
  if (!lines) return;
  const known = new Set(documentIdsOf(data.request));
  const checks = await Promise.all(
    lines.map(async (l, i) =>
      known.has(l.documentId) || (await isUploaded(deps, l.documentId)) ? undefined : i,
    ),
  );
  const missing = checks.filter((i): i is number => i !== undefined);
  if (missing.length > 0) {
    throw new ValidationError(
      missing.map((i) => ({
        path: `corrections.lines.${i}.documentId`,
        code: "document_not_uploaded",
        message: lines[i]!.documentId,
      })),
    );
  }
}

const ClaimedIban = z.strictObject({ iban: iban() });

/**
 * The member's answer: to a request for information (the checks run again with it), or, after
 * the bank returned the transfer, the IBAN to pay into instead. A new IBAN is only a claim: it
 * takes effect once confirmed from the address in the members register (see the workflow's
 * `confirming-iban` state), never from the status link alone.
 */
export async function answerInfo(
  deps: Deps,
  engine: Engine,
  id: string,
  token: string | undefined,
  body: unknown,
) {
  const { execution, data } = await ownRequest(deps, id, token);
  if (execution.status === "running" && WAITING_FOR_IBAN.has(execution.state)) {
    const claimed = parseWith(ClaimedIban, body, data.language);
    if (!claimed.success) throw new ValidationError(claimed.errors);
    const result = await engine.signal(
      id,
      { state: execution.state, visit: execution.visit },
      { event: "iban-claimed", iban: claimed.data.iban },
      { current: execution },
    );
    if (result.outcome !== "applied")
      throw refused(
        "request.not-waiting-for-iban",
        "this request is not waiting for an IBAN",
        result.execution,
      );
    return { status: "confirming-iban" };
  }
  const notWaiting = (now: Execution | undefined) =>
    refused("request.not-waiting-for-info", "this request is not waiting for information", now);
  if (execution.state !== "needs-info" || execution.status !== "running")
    throw notWaiting(execution);
  const parsed = parseWith(schemas.infoAnswer, body, data.language);
  if (!parsed.success) throw new ValidationError(parsed.errors);
  const documents = parsed.data.documents ?? [];
  const uploaded = await Promise.all(documents.map((d) => isUploaded(deps, d)));
  const missing = documents.filter((_, i) => !uploaded[i]);
  if (missing.length > 0) {
    throw new ValidationError(
      missing.map((d) => ({
        path: `documents.${documents.indexOf(d)}`,
        code: "document_not_uploaded",
        message: d,
      })),
    );
  }
  const corrections = corrected(data, parsed.data.corrections ?? {});
  await receiptsUploaded(deps, data, corrections);
  const result = await engine.signal(
    id,
    { state: "needs-info", visit: execution.visit },
    { event: "info", comment: parsed.data.comment, documents, corrections },
    { current: execution },
  );
  if (result.outcome !== "applied") throw notWaiting(result.execution);
  return { status: "checking" };
}
