import { type ReasonCode, reasonCodes, reasonTexts } from "../../i18n/check-reasons";
import { formatDate, formatEuros, formatNumber, interpolate } from "../i18n";
import type { Language } from "../request-types";
import type { CheckReason } from "./context";

export { type ReasonCode, reasonCodes, reasonTexts };

function formatParam(name: string, value: string | number, language: Language): string | number {
  if (typeof value === "number" && name.endsWith("Cents")) return formatEuros(value, language);
  if (typeof value === "number" && name.endsWith("Bytes")) {
    const mb = formatNumber(Math.round((value / (1024 * 1024)) * 10) / 10, language);
    return `${mb} ${language === "fr" ? "Mo" : "MB"}`;
  }
  if (typeof value === "string" && (name === "date" || name.endsWith("Date"))) {
    return formatDate(value, language);
  }
  // Counts stay numbers: the message's plural forms choose by them and write them.
  return value;
}

/** A check's reason in words, amounts in euros and dates spelt out for `language`. */
export function renderReason(reason: CheckReason, language: Language): string {
  const params = Object.fromEntries(
    Object.entries(reason.params).map(([name, value]) => [
      name,
      formatParam(name, value, language),
    ]),
  );
  return interpolate(reasonTexts[reason.code][language], params, language);
}
