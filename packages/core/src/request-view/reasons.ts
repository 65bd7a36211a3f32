import { type ReasonCode, reasonCodes, reasonTexts } from "../i18n/check-reasons";
import { formatDate, formatEuros, formatNumber } from "../i18n/format";
import type { Language } from "../i18n/language";
import { formatMessage } from "../i18n/message";

export { type ReasonCode, reasonCodes, reasonTexts };

export type CheckOutcome = "pass" | "warn" | "fail";

/** Why a check came out as it did; rendered in fr/nl/en by `renderReason`. */
export interface CheckReason {
  code: ReasonCode;
  params: Record<string, string | number>;
}

/** What one justification check found: the request records it, approvers and emails show it. */
export interface CheckResult {
  check: string;
  outcome: CheckOutcome;
  reason: CheckReason;
}

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
  return formatMessage(reasonTexts[reason.code][language], params, language);
}
