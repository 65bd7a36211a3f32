import { editPost } from "@entraide/core/board/author";
import { planConfig } from "@entraide/core/plan/config";
import * as z from "zod";
import { deps } from "../context";
import { engine } from "../engine";
import { http } from "./http";

/** The author edits their post from the management link (200: the board shows the edit). */
export const handler = http(
  { params: z.object({ id: z.string().max(64) }), body: z.unknown() },
  ({ params, body }, { bearerToken }) =>
    editPost(deps(), engine(), planConfig, params.id, bearerToken, body),
);
