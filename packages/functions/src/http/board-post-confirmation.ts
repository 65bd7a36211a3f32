import { confirmPost } from "@entraide/core/board/author";
import { deps } from "../context";
import { engine } from "../engine";
import { http } from "./http";

/** The only way a confirmation link publishes: an explicit POST from the board page. */
export const handler = http({}, (_input, { bearerToken }) =>
  confirmPost(deps(), engine(), bearerToken),
);
