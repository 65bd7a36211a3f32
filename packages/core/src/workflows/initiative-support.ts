import { requestWorkflow } from "./request-workflow";

/**
 * Press release §4 initiative-support: the shared request lifecycle; its own states (the
 * co-applicants' confirmations, the reports and checks between tranches, the closing) are
 * reached only by projects, so the other types' paths do not change.
 */
export const initiativeSupportWorkflow = () => requestWorkflow("initiative-support");
