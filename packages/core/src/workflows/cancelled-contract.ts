import { requestWorkflow } from "./request-workflow";

/** §2 cancelled-contract: the shared request lifecycle, with this type's checks, approvers, fund and after-payout. */
export const cancelledContractWorkflow = () => requestWorkflow("cancelled-contract");
