import type { Deps } from "../deps";
import { isUploaded } from "../documents/documents";
import { type Engine, idFromKey } from "../engine/engine";
import { hashToken } from "../engine/tokens";
import { EntraideError, ValidationError } from "../errors";
import { statusUrl } from "../notifications/links";
import { documentIdsOf, requestAmountCents } from "./amount";
import type { Translated } from "./i18n";
import { claimIdempotencyKey } from "./idempotency";
import { parseRequest } from "./messages";
import type { RequestData } from "./record";
import { statusToken } from "./status-token";

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,128}$/;

const NOT_UPLOADED: Translated = {
  fr: "Ce document n’a pas été envoyé : ajoutez-le à nouveau.",
  nl: "Dit document is niet verzonden: voeg het opnieuw toe.",
  en: "This document was not uploaded: please add it again.",
};

/**
 * Takes a member's request in: validates it (errors in the member's language), checks its
 * documents were uploaded, and starts its workflow once per idempotency key. Nothing is stored
 * for an invalid request.
 */
export async function submitRequest(
  deps: Deps,
  engine: Engine,
  body: unknown,
  idempotencyKey: string | undefined,
) {
  if (!idempotencyKey || !IDEMPOTENCY_KEY.test(idempotencyKey)) {
    throw new EntraideError(
      "idempotency-key.invalid",
      "the Idempotency-Key header must be 8 to 128 letters, digits, - or _",
      { status: 400 },
    );
  }
  const parsed = parseRequest(body);
  if (!parsed.success) throw new ValidationError(parsed.errors);
  const request = parsed.data;
  const documents = documentIdsOf(request);
  const missing = await Promise.all(
    documents.map(async (id) => ((await isUploaded(deps, id)) ? undefined : id)),
  );
  const notUploaded = missing.filter((id): id is string => id !== undefined);
  if (notUploaded.length > 0) {
    throw new ValidationError(
      notUploaded.map((id) => ({
        path: `documents.${documents.indexOf(id)}`,
        code: "document_not_uploaded",
        message: NOT_UPLOADED[request.language],
      })),
    );
  }
  await claimIdempotencyKey(deps, idempotencyKey, request.type);
  const id = idFromKey(request.type, idempotencyKey);
  const token = statusToken(deps.config.tokenSecret, id);
  const input: RequestData = {
    request,
    language: request.language,
    statusTokenHash: hashToken(token),
    status: "received",
    amountCents: requestAmountCents(request),
  };
  const started = await engine.start({ workflow: request.type, key: idempotencyKey, input });
  return {
    created: started.created,
    body: { id, status: "received", statusUrl: statusUrl(deps.config.publicUrl, id, token) },
  };
}
