import { closeProjectEarly } from "@entraide/core/requests/project-actions";
import * as z from "zod";
import { deps } from "../context";
import { engine } from "../engine";
import { http } from "./http";

/** A project's applicants close it early: the unused tranches go back to the fund. */
export const handler = http(
  { params: z.object({ id: z.string().max(64) }), body: z.unknown() },
  ({ params, body }, { bearerToken }) =>
    closeProjectEarly(deps(), engine(), params.id, bearerToken, body),
);
