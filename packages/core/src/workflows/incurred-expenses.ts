import { requestWorkflow } from "./request-workflow";

/** §2 incurred-expenses: the shared request lifecycle, with this type's checks, approvers, fund and after-payout. */
export const incurredExpensesWorkflow = () => requestWorkflow("incurred-expenses");
