import { submitRequest } from "@entraide/core/requests/intake";
import * as z from "zod";
import { deps } from "../context";
import { engine } from "../engine";
import { created, http, ok } from "./http";

/** Intake: the same Idempotency-Key and body answer the same request, once created. */
export const handler = http({ body: z.unknown() }, async ({ body }, { idempotencyKey }) => {
  const result = await submitRequest(deps(), engine(), body, idempotencyKey);
  return result.created ? created(result.body) : ok(result.body);
});
