/**
 * The one module that owns the documents bucket's layout: each prefix, what lives there and how
 * long it is kept. The stacks derive the bucket's lifecycle rules and the functions' S3
 * permissions from it; handlers build object keys from it rather than writing prefixes by hand.
 *
 * Retention: documents and exports are kept 10 years, taken as the legal retention period of
 * accounting records (an assumption to confirm with the cooperative's accountant); personal data
 * is erased per member after that. Uploads never attached to a request go after 7 days; raw
 * inbound mail, once parsed into a decision, after 90.
 */
export const bucketLayout = {
  /** Presigned browser uploads, until a request attaches them (then copied to `documents`). */
  uploads: { prefix: "uploads/", expireAfterDays: 7 },
  /** Documents attached to a request. */
  documents: { prefix: "documents/", expireAfterDays: 3653 },
  /** Raw replies to approval emails, written by SES receiving (`inbound/<SES message id>`). */
  inbound: { prefix: "inbound/", expireAfterDays: 90 },
  /** Payout batch exports (CSV, SEPA) that finance downloads through signed links. */
  exports: { prefix: "exports/", expireAfterDays: 3653 },
} as const;

export type BucketArea = keyof typeof bucketLayout;
