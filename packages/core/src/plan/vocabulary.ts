/**
 * Words of the foundation that the plan, the registers and the requests all speak: the kinds of
 * request (PRODUCT.md §2) and the content types a document may have.
 */

/** The four kinds of request of PRODUCT.md §2; the discriminator of every request body. */
export const requestTypes = [
  "cancelled-contract",
  "incurred-expenses",
  "emergency-aid",
  "relaunch-loan",
  // A members' project funded in tranches against milestone reports (press release §4).
  "initiative-support",
] as const;
export type RequestType = (typeof requestTypes)[number];

/** Content types a document may have (§2: PDF, JPEG, PNG by their magic bytes). */
export const documentContentTypes = ["application/pdf", "image/jpeg", "image/png"] as const;
export type DocumentContentType = (typeof documentContentTypes)[number];
