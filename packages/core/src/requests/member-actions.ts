import { z } from "zod";
import type { Deps } from "../deps";
import type { Engine } from "../engine/engine";
import { ConflictError, ValidationError } from "../errors";
import { isUploaded } from "../documents/documents";
import { iban } from "./fields";
import { parseWith } from "./messages";
import { schemas } from "./schemas";
import { ownRequest } from "./status-token";

/** The states in which a member may still act; checks pass through in moments. */
const WAITING = new Set(["needs-info", "awaiting-approval"]);
const PASSING = new Set(["received", "checking"]);

/** Withdraws a request before its approval; once approved, or ended, it cannot be withdrawn. */
export async function withdraw(deps: Deps, engine: Engine, id: string, token: string | undefined) {
  for (let attempt = 0; attempt < 20; attempt++) {
    const { execution } = await ownRequest(deps, id, token);
    if (execution.status === "running" && WAITING.has(execution.state)) {
      const result = await engine.signal(id, execution.state, { event: "withdraw" });
      if (result.outcome === "applied") return { status: "withdrawn" };
    } else if (execution.status !== "running" || !PASSING.has(execution.state)) {
      break;
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new ConflictError("request.not-withdrawable", "this request can no longer be withdrawn");
}

const CorrectedIban = z.strictObject({ iban: iban() });

/**
 * The member's answer: to a request for information (the checks run again with it), or, after
 * the bank returned the transfer, the IBAN to pay into instead (the payout is scheduled again).
 */
export async function answerInfo(
  deps: Deps,
  engine: Engine,
  id: string,
  token: string | undefined,
  body: unknown,
) {
  const { execution, data } = await ownRequest(deps, id, token);
  if (execution.status === "running" && execution.state === "payout-failed") {
    const corrected = parseWith(CorrectedIban, body, data.language);
    if (!corrected.success) throw new ValidationError(corrected.errors);
    const result = await engine.signal(id, "payout-failed", {
      event: "iban-corrected",
      iban: corrected.data.iban,
    });
    if (result.outcome !== "applied") {
      throw new ConflictError(
        "request.not-waiting-for-iban",
        "this request is not waiting for an IBAN",
      );
    }
    return { status: "scheduled" };
  }
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
  if (execution.state !== "needs-info" || execution.status !== "running") {
    throw new ConflictError(
      "request.not-waiting-for-info",
      "this request is not waiting for information",
    );
  }
  const result = await engine.signal(id, "needs-info", {
    event: "info",
    comment: parsed.data.comment,
    documents,
  });
  if (result.outcome !== "applied")
    throw new ConflictError(
      "request.not-waiting-for-info",
      "this request is not waiting for information",
    );
  return { status: "checking" };
}
