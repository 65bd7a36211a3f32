import { confirmationView } from "@entraide/core/board/author";
import { deps } from "../context";
import { http } from "./http";

/** What a confirmation link would publish; a GET publishes nothing. */
export const handler = http({}, (_input, { bearerToken }) => confirmationView(deps(), bearerToken));
