import { castVote } from "@entraide/core/requests/cast-vote";
import * as z from "zod";
import { deps } from "../context";
import { engine } from "../engine";
import { http } from "./http";

/** The only way a vote link votes: an explicit POST from the vote page, token in the header. */
export const handler = http({ body: z.unknown() }, ({ body }, { bearerToken }) =>
  castVote(deps(), engine(), bearerToken, body),
);
