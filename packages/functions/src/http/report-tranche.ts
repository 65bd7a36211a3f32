import { reportTranche } from "@entraide/core/requests/project-actions";
import * as z from "zod";
import { deps } from "../context";
import { engine } from "../engine";
import { http } from "./http";

/** A project's applicants report on a milestone to ask for the next tranche. */
export const handler = http(
  { params: z.object({ id: z.string().max(64) }), body: z.unknown() },
  ({ params, body }, { bearerToken }) =>
    reportTranche(deps(), engine(), params.id, bearerToken, body),
);
