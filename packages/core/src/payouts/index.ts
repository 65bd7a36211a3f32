/** Payout records and the bank files that pay them (CSV, SEPA pain.001). */
export type { ExportSummary } from "./batch-check";
export { writePayoutCsv } from "./csv";
export { Batch, BENEFICIARY_NAME_MAX, Payout, PayoutStatus } from "./payout";
export { createPayout, movePayout } from "./records";
export { DebtorAccount, writeSepaCreditTransfers } from "./sepa";
