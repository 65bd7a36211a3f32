import { moderatePost } from "@entraide/core/board/moderation";
import * as z from "zod";
import { deps } from "../context";
import { engine } from "../engine";
import { http } from "./http";

/** A moderator's decision, from the board page's button (never from a GET). */
export const handler = http({ body: z.unknown() }, ({ body }, { bearerToken }) =>
  moderatePost(deps(), engine(), bearerToken, body),
);
