import { submitPost } from "@entraide/core/board/submit";
import { planConfig } from "@entraide/core/plan/config";
import * as z from "zod";
import { deps } from "../context";
import { engine } from "../engine";
import { http, Reply } from "./http";

/** A member posts; 202: nothing is public until the register's address confirms it. */
export const handler = http({ body: z.unknown() }, async ({ body }, { idempotencyKey }) => {
  const result = await submitPost(deps(), engine(), planConfig, body, idempotencyKey);
  return new Reply(result.created ? 202 : 200, { postId: result.postId, status: result.status });
});
