/**
 * Finance operations, the public surface for handlers and the CLI: payout batches and their bank
 * files, mark-paid and returned transfers, loan repayments, client recoveries, the fund report.
 */
export { createBatch } from "./batches";
export { markBatchExported } from "./exported";
export { type ExportFormat, exportBatch } from "./exports";
export { loanSchedules, schedulesCsv } from "./loans-report";
export { createScheduledBatches } from "./publish";
export { listRecoveries, type RecoveryLine, recordRecovery } from "./recoveries";
export { importRepayments, REPAYMENT_COLUMNS, type RepaymentReport } from "./repayments";
export { type FundBalance, type FundLine, fundBalances, fundReport } from "./report";
export { markBatchPaid, markPayoutFailed } from "./settlement";
export { type SignalReport, UNDELIVERED } from "./signals";
