import { createHmac, timingSafeEqual } from "node:crypto";
import type { Deps } from "../deps";
import type { Execution } from "../engine/execution";
import { getExecution, getExecutionWithHistory } from "../engine/store";
import { hashToken } from "../engine/tokens";
import { NotFoundError } from "../errors";
import { asRequest } from "./record";

/**
 * The member's private status token, derived from the request id under the deployment's
 * secret: a retried submission answers with the same link, and only its hash is stored.
 */
export function statusToken(secret: string, requestId: string): string {
  return createHmac("sha256", secret).update(`status\n${requestId}`).digest("base64url");
}

export function statusTokenMatches(
  storedHash: string | undefined,
  token: string | undefined,
): boolean {
  if (!storedHash || !token) return false;
  const given = Buffer.from(hashToken(token), "hex");
  const stored = Buffer.from(storedHash, "hex");
  return given.length === stored.length && timingSafeEqual(given, stored);
}

/** The request behind `id`, for the holder of its status token; an unknown id and a wrong token are the same 404. */
export async function ownRequest(deps: Deps, id: string, token: string | undefined) {
  return owned(await getExecution(deps, id), token);
}

/** {@link ownRequest} with its history, both from one read (what the status page shows). */
export async function ownRequestWithHistory(deps: Deps, id: string, token: string | undefined) {
  const found = await getExecutionWithHistory(deps, id);
  return { ...owned(found?.execution, token), history: found?.history ?? [] };
}

function owned(execution: Execution | undefined, token: string | undefined) {
  const data = execution && asRequest(execution.data);
  if (!execution || !data || !statusTokenMatches(data.statusTokenHash, token))
    throw new NotFoundError("request");
  return { execution, data };
}
