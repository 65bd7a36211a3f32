import { requestWorkflow } from "./request-workflow";

/** §2 emergency-aid: the shared request lifecycle, with this type's checks, approvers, fund and after-payout. */
export const emergencyAidWorkflow = () => requestWorkflow("emergency-aid");
