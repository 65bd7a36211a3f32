import { requestWorkflow } from "./request-workflow";

/** §2 relaunch-loan: the shared request lifecycle, with this type's checks, approvers, fund and after-payout. */
export const relaunchLoanWorkflow = () => requestWorkflow("relaunch-loan");
