import { reportPost } from "@entraide/core/board/moderation";
import * as z from "zod";
import { deps } from "../context";
import { engine } from "../engine";
import { http } from "./http";

/** Reports a post to the moderators. */
export const handler = http(
  { params: z.object({ id: z.uuid() }), body: z.unknown() },
  ({ params, body }) => reportPost(deps(), engine(), params.id, body),
);
