import type { CheckReason } from "@entraide/core/request-view/reasons";
import { renderReason } from "@entraide/core/request-view/reasons";
import type { Language } from "@entraide/core/requests/request-types";
import { h } from "./dom";
import { outcomeWord } from "./ui-text";

/** A check as the API answers it: its reason as a code, and words in the request's language. */
export interface Check {
  check: string;
  outcome: string;
  reason?: CheckReason;
  message: string;
}

/** A check's words in the reader's language, from its reason; the API's words otherwise. */
export const checkText = (c: Check, l: Language) =>
  c.reason ? renderReason(c.reason, l) : c.message;

/** Checks with their outcome in words as well as colour. */
export function checkList(id: string, checks: Check[], l: Language) {
  return h(
    "ul",
    { id, class: "checks" },
    checks.map((c) =>
      h(
        "li",
        { class: `outcome-${c.outcome}` },
        h("strong", {}, `${outcomeWord(c.outcome, l)} `),
        checkText(c, l),
      ),
    ),
  );
}
