import { answerConfirmation } from "@entraide/core/requests/confirmations";
import * as z from "zod";
import { deps } from "../context";
import { engine } from "../engine";
import { http } from "./http";

/** The registered member's answer, from the confirmation page's POST, token in the header. */
export const handler = http({ body: z.unknown() }, ({ body }, { bearerToken }) =>
  answerConfirmation(deps(), engine(), bearerToken, body),
);
