import { voteView } from "@entraide/core/requests/cast-vote";
import { deps } from "../context";
import { http } from "./http";

/** What a committee member's vote link shows; a GET never votes. */
export const handler = http({}, (_input, { bearerToken }) => voteView(deps(), bearerToken));
