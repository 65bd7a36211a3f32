import { answerInfo } from "@entraide/core/requests/member-actions";
import * as z from "zod";
import { deps } from "../context";
import { engine } from "../engine";
import { http } from "./http";

/** The member answers a request for more information; the checks run again. */
export const handler = http(
  { params: z.object({ id: z.string().max(64) }), body: z.unknown() },
  ({ params, body }, { bearerToken }) => answerInfo(deps(), engine(), params.id, bearerToken, body),
);
