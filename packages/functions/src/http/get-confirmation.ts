import { confirmationView } from "@entraide/core/requests/confirmations";
import { deps } from "../context";
import { http } from "./http";

/** What the registered member is asked to confirm; a GET never confirms anything. */
export const handler = http({}, (_input, { bearerToken }) => confirmationView(deps(), bearerToken));
