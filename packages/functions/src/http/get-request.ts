import { memberView } from "@entraide/core/requests/view";
import * as z from "zod";
import { deps } from "../context";
import { http } from "./http";

/** The member's private view of their request, for the holder of its status token. */
export const handler = http(
  { params: z.object({ id: z.string().max(64) }) },
  ({ params }, { bearerToken }) => memberView(deps(), params.id, bearerToken),
);
