import type { DocumentContentType } from "../plan/vocabulary";

export type SniffedType = "pdf" | "jpeg" | "png" | "unknown";

const signatures: { type: Exclude<SniffedType, "unknown">; bytes: number[] }[] = [
  { type: "pdf", bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // "%PDF-"
  { type: "jpeg", bytes: [0xff, 0xd8, 0xff] },
  { type: "png", bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

/** How many leading bytes {@link sniffDocumentType} needs: read at least this many. */
export const SNIFF_BYTES = 8;

/**
 * The real type of a file from its first bytes (magic numbers), whatever its name or declared
 * content type say. Anything else, a truncated header included, is `unknown`.
 */
export function sniffDocumentType(firstBytes: Uint8Array): SniffedType {
  const match = signatures.find((s) => s.bytes.every((b, i) => firstBytes[i] === b));
  return match?.type ?? "unknown";
}

/** The sniffed type a declared content type promises. */
export function expectedSniffedType(contentType: DocumentContentType): SniffedType {
  return ({ "application/pdf": "pdf", "image/jpeg": "jpeg", "image/png": "png" } as const)[
    contentType
  ];
}
