import { manageView } from "@entraide/core/board/author";
import * as z from "zod";
import { deps } from "../context";
import { http } from "./http";

/** The author's view of their post, for the holder of its management token. */
export const handler = http(
  { params: z.object({ id: z.string().max(64) }) },
  ({ params }, { bearerToken }) => manageView(deps(), params.id, bearerToken),
);
