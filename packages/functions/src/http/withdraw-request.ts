import { withdraw } from "@entraide/core/requests/member-actions";
import * as z from "zod";
import { deps } from "../context";
import { engine } from "../engine";
import { http } from "./http";

/** The member withdraws their request, while it is not yet approved. */
export const handler = http(
  { params: z.object({ id: z.string().max(64) }) },
  ({ params }, { bearerToken }) => withdraw(deps(), engine(), params.id, bearerToken),
);
