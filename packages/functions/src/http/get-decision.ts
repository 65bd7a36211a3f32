import { decisionView } from "@entraide/core/requests/approver-actions";
import { deps } from "../context";
import { http } from "./http";

/** What the holder of a decision token is asked to decide; a GET never decides anything. */
export const handler = http({}, (_input, { bearerToken }) => decisionView(deps(), bearerToken));
