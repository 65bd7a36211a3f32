import type { DocumentContentType } from "../plan/vocabulary";
import type { SniffedType } from "./sniff";

/** What the upload step recorded of a document: its declared type and what its bytes are. */
export interface DocumentMeta {
  documentId: string;
  fileName?: string;
  /** The content type the browser declared at `POST /api/documents`. */
  contentType: DocumentContentType;
  /** The uploaded object's size in bytes. */
  size: number;
  /** {@link sniffDocumentType} of the uploaded bytes. */
  sniffedType: SniffedType;
  /** Hex SHA-256 of the uploaded bytes; none for an object too large to read (never hashed). */
  sha256?: string;
}
