/** Members' documents: presigned uploads, inspection of what arrived, download links, sniffing. */
export { createUpload, downloadLinks, inspectDocument, isUploaded } from "./documents";
export { expectedSniffedType, SNIFF_BYTES, type SniffedType, sniffDocumentType } from "./sniff";
