import type { Language } from "../../i18n/language";
import { type Block, block } from "../layout";
import type { Words } from "./common";

/** Where and how a member repays their loan. */
export interface RepaymentInstructions {
  /** The cooperative's account. */
  iban: string;
  /** The communication that lets finance match the transfer to the loan. */
  paymentReference: string;
}

const words: Words<{ account: string; reference: string }> = {
  fr: { account: "Compte de la coopérative", reference: "Communication à indiquer" },
  nl: { account: "Rekening van de coöperatie", reference: "Te vermelden mededeling" },
  en: { account: "The cooperative's account", reference: "Reference to give" },
};

export function repaymentBlock(p: RepaymentInstructions, language: Language): Block {
  const w = words[language];
  return block.facts([
    [w.account, p.iban],
    [w.reference, p.paymentReference],
  ]);
}
