import { manageAction } from "@entraide/core/board/author";
import * as z from "zod";
import { deps } from "../context";
import { engine } from "../engine";
import { http } from "./http";

/** The author renews or closes their post. */
export const handler = http(
  { params: z.object({ id: z.string().max(64) }), body: z.unknown() },
  ({ params, body }, { bearerToken }) =>
    manageAction(deps(), engine(), params.id, bearerToken, body),
);
