import { moderationView } from "@entraide/core/board/moderation";
import { deps } from "../context";
import { http } from "./http";

/** What a moderator is asked to decide; a GET decides nothing. */
export const handler = http({}, (_input, { bearerToken }) => moderationView(deps(), bearerToken));
