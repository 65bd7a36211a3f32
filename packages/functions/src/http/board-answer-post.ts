import { answerPost } from "@entraide/core/board/answer";
import { planConfig } from "@entraide/core/plan/config";
import * as z from "zod";
import { deps } from "../context";
import { engine } from "../engine";
import { http, Reply } from "./http";

/** An answer to a post, relayed by email to its author (202: the relay is on its way). */
export const handler = http(
  { params: z.object({ id: z.uuid() }), body: z.unknown() },
  async ({ params, body }) =>
    new Reply(202, await answerPost(deps(), engine(), planConfig, params.id, body)),
);
