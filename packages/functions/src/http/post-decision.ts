import { decide } from "@entraide/core/requests/approver-actions";
import * as z from "zod";
import { deps } from "../context";
import { engine } from "../engine";
import { http } from "./http";

/** The only way a link decides: an explicit POST from the decision page, token in the header. */
export const handler = http({ body: z.unknown() }, ({ body }, { bearerToken }) =>
  decide(deps(), engine(), bearerToken, body, { via: "page" }),
);
