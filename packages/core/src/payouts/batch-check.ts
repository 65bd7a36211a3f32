import { EntraideError } from "../errors";
import { addCents } from "../money/cents";
import { type Batch, Payout } from "./payout";

/** A batch whose payouts do not add up to what was recorded: never export it. */
export class CorruptBatchError extends EntraideError {
  override name = "CorruptBatchError";
  constructor(batchId: string, problem: string) {
    super("batch.corrupt", `batch ${batchId} cannot be exported: ${problem}`, { status: 409 });
  }
}

/** What an export wrote: the payouts it checked, and their sum. */
export interface ExportSummary {
  count: number;
  totalCents: number;
}

/**
 * Checks, one payout at a time while an export streams, that the payouts are valid, belong
 * to the batch and its fund, have distinct references, and add up to the count and total
 * recorded on the batch (which the export has already written in its header).
 * Throws {@link CorruptBatchError} as soon as something is wrong.
 */
export class BatchCheck {
  count = 0;
  totalCents = 0;
  // Grows with the batch (about 100 bytes a payout): the price of checking uniqueness.
  private readonly references = new Set<string>();

  constructor(private readonly batch: Batch) {}

  /** Validates one payout and adds it to the running totals; returns the parsed payout. */
  add(input: Payout): Payout {
    const fail = (problem: string): never => {
      throw new CorruptBatchError(this.batch.batchId, problem);
    };
    const parsed = Payout.safeParse(input);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
      return fail(`payout ${input.payoutId} is invalid (${issues.join("; ")})`);
    }
    const payout = parsed.data;
    if (payout.batchId !== this.batch.batchId) fail(`payout ${payout.payoutId} is not in it`);
    if (payout.fund !== this.batch.fund) fail(`payout ${payout.payoutId} is from another fund`);
    if (this.references.has(payout.reference)) fail(`reference ${payout.reference} repeats`);
    this.references.add(payout.reference);
    this.count += 1;
    this.totalCents = addCents(this.totalCents, payout.amountCents);
    if (this.count > this.batch.payoutCount) {
      fail(`it has more than the ${this.batch.payoutCount} payouts recorded`);
    }
    if (this.totalCents > this.batch.totalCents) {
      fail(`its payouts exceed the ${this.batch.totalCents} cents recorded`);
    }
    return payout;
  }

  /** Called after the last payout: the count and total must match exactly. */
  finish(): void {
    const { batchId, payoutCount, totalCents } = this.batch;
    if (this.count !== payoutCount || this.totalCents !== totalCents) {
      throw new CorruptBatchError(
        batchId,
        `it holds ${this.count} payouts for ${this.totalCents} cents, ` +
          `but ${payoutCount} payouts for ${totalCents} cents were recorded`,
      );
    }
  }
}
