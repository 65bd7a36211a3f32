import { hasVisibleCharacter } from "../text/hygiene";
import type { SniffedType } from "./sniff";

/** The content type a document is served with: what its bytes are, never what was declared. */
export const servedContentType: Record<SniffedType, string> = {
  pdf: "application/pdf",
  jpeg: "image/jpeg",
  png: "image/png",
  unknown: "application/octet-stream",
};

/** The extensions a name of each type may already end with; the first is the one we add. */
const EXTENSIONS: Record<SniffedType, string[]> = {
  pdf: [".pdf"],
  jpeg: [".jpg", ".jpeg", ".jpe"],
  png: [".png"],
  unknown: [".bin"],
};

/**
 * Characters a shown name loses: controls, format characters (bidi controls, zero-width),
 * lone surrogates, path separators and what Windows refuses in a file name. The schemas refuse
 * most of them already; documents registered before they did are shown through here too.
 */
const UNSAFE = /[\p{Cc}\p{Cf}\p{Cs}<>:"/\\|?*]/gu;

/** Long enough to recognise a file, short enough for a mail client's attachment line. */
const MAX_STEM = 120;

/**
 * The name a document is shown and downloaded under: the member's name made safe, ending with
 * the extension of what its bytes are, so "Annexe.cmd" holding a PDF opens as "Annexe.cmd.pdf"
 * and a "facture.pdf" that is not a PDF downloads as "facture.pdf.bin".
 */
export function shownFileName(fileName: string, type: SniffedType): string {
  const safe = fileName
    .replace(UNSAFE, "_")
    .replace(/\s+/g, " ")
    .replace(/^[\s.]+|[\s.]+$/g, "");
  const cut = Array.from(safe).slice(0, MAX_STEM).join("").trimEnd();
  const stem = hasVisibleCharacter(fileName) && cut ? cut : "document";
  const lower = stem.toLowerCase();
  const extensions = EXTENSIONS[type];
  return extensions.some((e) => lower.endsWith(e)) ? stem : `${stem}${extensions[0]}`;
}

/** A Content-Disposition that makes browsers save the file under `name` rather than show it. */
export function attachmentDisposition(name: string): string {
  // RFC 5987: `'()*` are not attr-chars, though encodeURIComponent leaves them.
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename*=UTF-8''${encoded}`;
}
