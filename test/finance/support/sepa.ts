import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { Writable } from "node:stream";
import { validateXML } from "xmllint-wasm";
import type { Payout } from "../../../packages/core/src/payouts/payout";
import {
  type SepaExportOptions,
  writeSepaCreditTransfers,
} from "../../../packages/core/src/payouts/sepa";

// Relative to the repository root: CI clones the repository with shared/ beside it.
const XSD_PATH = resolve(process.cwd(), "../shared/data/sepa/pain.001.001.03.xsd");
const xsd = { fileName: "pain.001.001.03.xsd", contents: readFileSync(XSD_PATH, "utf8") };

export const DEBTOR = { name: "Smart Coop SCE", iban: "BE71096123456769", bic: "GKCCBEBB" };

/** Collects everything written to it, as the bytes a file would hold. */
export class Collector extends Writable {
  private readonly chunks: Buffer[] = [];
  override _write(chunk: Buffer, _: BufferEncoding, done: (error?: Error | null) => void) {
    this.chunks.push(chunk);
    done();
  }
  get text(): string {
    return Buffer.concat(this.chunks).toString("utf8");
  }
}

/** Exports the payouts into memory; the options default to a valid export of `batch`. */
export async function exportSepa(
  payouts: Iterable<Payout> | AsyncIterable<Payout>,
  options: Pick<SepaExportOptions, "batch"> & Partial<SepaExportOptions>,
  out: Writable = new Collector(),
): Promise<string> {
  await writeSepaCreditTransfers(payouts, out, {
    debtor: DEBTOR,
    createdAt: "2020-04-02T04:00:00.123Z",
    requestedExecutionDate: "2020-04-03",
    ...options,
  });
  return out instanceof Collector ? out.text : "";
}

/** The schema's verdict on a document, with xmllint's messages when it is not valid. */
export async function validateAgainstXsd(
  xml: string,
): Promise<{ valid: boolean; errors: string[] }> {
  const result = await validateXML({
    xml: { fileName: "payouts.xml", contents: xml },
    schema: xsd,
    maxMemoryPages: 16_384,
  });
  return { valid: result.valid, errors: result.errors.map((e) => e.rawMessage) };
}

/** Text of every element with this name, in document order. */
export function texts(xml: string, element: string): string[] {
  const pattern = new RegExp(`<${element}(?: [^>]*)?>([^<]*)</${element}>`, "g");
  return [...xml.matchAll(pattern)].map((m) => unescapeXml(m[1]!));
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}
