import type { Language } from "../../i18n/language";
import {
  rfCreditorReference,
  structuredCommunication,
} from "../../recoveries/structured-communication";
import { day, euros } from "../format";
import { type Block, block } from "../layout";
import type { Words } from "./common";

export interface RecoveryParams {
  clientName: string;
  /** The member whose work the client cancelled. */
  memberName: string;
  /** The contract, quote or negotiation reference the member gave. */
  workReference: string;
  cancellationDate: string;
  amountCents: number;
  /** The cooperative's account the client pays into. */
  iban: string;
  /** The client's country (ISO 3166 alpha-2): Belgian clients get a structured communication. */
  clientCountry: string;
  /** A number of at most ten digits identifying the recovery, from which the reference is made. */
  referenceNumber: number;
}

/**
 * The payment reference a client types into their bank app: the Belgian structured
 * communication for Belgium (every Belgian bank knows it), the ISO 11649 RF reference elsewhere.
 */
export function paymentReference(referenceNumber: number, country: string): string {
  return country.toUpperCase() === "BE"
    ? structuredCommunication(referenceNumber)
    : rfCreditorReference(String(referenceNumber));
}

const words: Words<{
  work: string;
  cancelled: string;
  amount: string;
  account: string;
  reference: string;
}> = {
  fr: {
    work: "Prestation",
    cancelled: "Annulée le",
    amount: "Montant",
    account: "Compte",
    reference: "Communication (à recopier exactement)",
  },
  nl: {
    work: "Prestatie",
    cancelled: "Geannuleerd op",
    amount: "Bedrag",
    account: "Rekening",
    reference: "Mededeling (exact overnemen)",
  },
  en: {
    work: "Work",
    cancelled: "Cancelled on",
    amount: "Amount",
    account: "Account",
    reference: "Payment reference (copy it exactly)",
  },
};

/** What the client owes and how to pay it. */
export function recoveryBlock(p: RecoveryParams, language: Language): Block {
  const w = words[language];
  return block.facts([
    [w.work, `${p.memberName} — ${p.workReference}`],
    [w.cancelled, day(p.cancellationDate, language)],
    [w.amount, euros(p.amountCents, language)],
    [w.account, p.iban],
    [w.reference, paymentReference(p.referenceNumber, p.clientCountry)],
  ]);
}
