import type { Translated } from "../requests/i18n";
import type { Outcome } from "./counters";
import type { LoanState } from "./loans";

/** Every word of the assembly report, in the three languages of the product. */
export const reportTexts = {
  title: { fr: "Rapport des fonds", nl: "Verslag van de fondsen", en: "Fund report" },
  intro: {
    fr: "Pour l'Assemblée générale : comment l'enveloppe a été utilisée du {from} au {to}. Chiffres agrégés uniquement ; les groupes de moins de {threshold} demandes sont regroupés.",
    nl: "Voor de Algemene Vergadering: hoe de enveloppe werd gebruikt van {from} tot {to}. Alleen totalen; groepen van minder dan {threshold} aanvragen zijn samengevoegd.",
    en: "For the general assembly: how the envelope was used from {from} to {to}. Aggregates only; groups of fewer than {threshold} requests are merged.",
  },
  generated: { fr: "Établi le {date}.", nl: "Opgemaakt op {date}.", en: "Produced on {date}." },
  fund: {
    solidarity: { fr: "Fonds de solidarité", nl: "Solidariteitsfonds", en: "Solidarity fund" },
    relaunch: { fr: "Fonds de relance", nl: "Relancefonds", en: "Relaunch fund" },
    initiatives: {
      fr: "Fonds d'appui aux initiatives",
      nl: "Steunfonds voor initiatieven",
      en: "Initiatives fund",
    },
  } as Record<string, Translated>,
  balances: { fr: "Situation du fonds", nl: "Stand van het fonds", en: "Where the fund stands" },
  envelope: { fr: "Enveloppe", nl: "Enveloppe", en: "Envelope" },
  reserved: { fr: "Réservé", nl: "Gereserveerd", en: "Reserved" },
  paid: { fr: "Payé", nl: "Betaald", en: "Paid" },
  recovered: { fr: "Récupéré", nl: "Teruggevorderd", en: "Recovered" },
  repaid: { fr: "Remboursé", nl: "Terugbetaald", en: "Repaid" },
  remaining: { fr: "Disponible", nl: "Beschikbaar", en: "Remaining" },
  envelopeApart: {
    fr: "L'enveloppe ({envelope}) dépasse de loin les montants utilisés : elle n'est pas tracée, pour que ceux-ci restent lisibles.",
    nl: "De enveloppe ({envelope}) ligt ver boven de gebruikte bedragen: ze is niet getekend, zodat die leesbaar blijven.",
    en: "The envelope ({envelope}) is far above the amounts used: it is not drawn, so that they stay readable.",
  },
  amount: { fr: "Montant", nl: "Bedrag", en: "Amount" },
  overTime: {
    fr: "Au fil du temps (fin de période)",
    nl: "In de tijd (einde periode)",
    en: "Over time (end of period)",
  },
  period: { fr: "Période", nl: "Periode", en: "Period" },
  undated: {
    fr: "Mouvements antérieurs aux relevés mensuels (non datés)",
    nl: "Bewegingen van vóór de maandelijkse registratie (zonder datum)",
    en: "Movements from before monthly records (undated)",
  },
  requests: {
    fr: "Demandes par type et par issue",
    nl: "Aanvragen per soort en afloop",
    en: "Requests by type and outcome",
  },
  type: { fr: "Type", nl: "Soort", en: "Type" },
  submitted: { fr: "Introduites", nl: "Ingediend", en: "Submitted" },
  outcome: {
    approved: { fr: "Approuvées", nl: "Goedgekeurd", en: "Approved" },
    rejected: { fr: "Refusées", nl: "Geweigerd", en: "Rejected" },
    withdrawn: { fr: "Retirées", nl: "Ingetrokken", en: "Withdrawn" },
    expired: { fr: "Expirées", nl: "Verlopen", en: "Expired" },
    "awaiting-funds": {
      fr: "En attente de fonds",
      nl: "Wachten op middelen",
      en: "Awaiting funds",
    },
  } satisfies Record<Outcome, Translated>,
  otherOutcomes: {
    fr: "Autres issues, regroupées",
    nl: "Andere afloop, samengevoegd",
    en: "Other outcomes, merged",
  },
  otherTypes: {
    fr: "Types regroupés : {types}",
    nl: "Samengevoegde soorten: {types}",
    en: "Merged types: {types}",
  },
  total: { fr: "Total", nl: "Totaal", en: "Total" },
  amounts: {
    fr: "Montants demandés et accordés",
    nl: "Gevraagde en toegekende bedragen",
    en: "Amounts asked and granted",
  },
  asked: { fr: "Demandé", nl: "Gevraagd", en: "Asked" },
  granted: { fr: "Accordé", nl: "Toegekend", en: "Granted" },
  merged: {
    fr: "regroupé (moins de {threshold})",
    nl: "samengevoegd (minder dan {threshold})",
    en: "merged (fewer than {threshold})",
  },
  waiting: { fr: "Délais", nl: "Wachttijden", en: "How long members waited" },
  toDecision: {
    fr: "De l'introduction à la décision",
    nl: "Van indiening tot beslissing",
    en: "From submission to decision",
  },
  toPayment: {
    fr: "De l'introduction au paiement",
    nl: "Van indiening tot betaling",
    en: "From submission to payment",
  },
  count: { fr: "Nombre", nl: "Aantal", en: "Number" },
  median: { fr: "Médiane", nl: "Mediaan", en: "Median" },
  p90: { fr: "90e percentile", nl: "90e percentiel", en: "90th percentile" },
  days: {
    fr: { one: "# jour", other: "# jours" },
    nl: { one: "# dag", other: "# dagen" },
    en: { one: "# day", other: "# days" },
  } as Translated<Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }>,
  loans: { fr: "Prêts", nl: "Leningen", en: "Loans" },
  disbursed: { fr: "Prêts versés", nl: "Uitbetaalde leningen", en: "Loans disbursed" },
  outstanding: { fr: "Capital restant dû", nl: "Uitstaand kapitaal", en: "Outstanding principal" },
  loanState: {
    onTime: { fr: "À jour", nl: "Op schema", en: "On time" },
    late: { fr: "En retard", nl: "Achterstallig", en: "Late" },
    repaid: { fr: "Remboursés", nl: "Terugbetaald", en: "Repaid" },
  } satisfies Record<LoanState, Translated>,
  otherLoans: { fr: "Regroupés : {states}", nl: "Samengevoegd: {states}", en: "Merged: {states}" },
  recoveries: {
    fr: "Récupérations auprès des clients",
    nl: "Terugvorderingen bij klanten",
    en: "Recoveries from clients",
  },
  invited: { fr: "Clients invités", nl: "Uitgenodigde klanten", en: "Clients invited" },
  recoveredCount: { fr: "Clients ayant payé", nl: "Klanten die betaalden", en: "Clients who paid" },
  chartMoney: {
    fr: "Graphique : enveloppe, réservé, payé, récupéré et remboursé du {fund}, par période. Les chiffres sont dans le tableau qui suit.",
    nl: "Grafiek: enveloppe, gereserveerd, betaald, teruggevorderd en terugbetaald van het {fund}, per periode. De cijfers staan in de tabel hierna.",
    en: "Chart: envelope, reserved, paid, recovered and repaid of the {fund}, by period. The figures are in the table that follows.",
  },
  chartRequests: {
    fr: "Graphique : demandes par type et par issue. Les chiffres sont dans le tableau qui suit.",
    nl: "Grafiek: aanvragen per soort en afloop. De cijfers staan in de tabel hierna.",
    en: "Chart: requests by type and outcome. The figures are in the table that follows.",
  },
  chartAmounts: {
    fr: "Graphique : montants demandés et accordés par type. Les chiffres sont dans le tableau qui suit.",
    nl: "Grafiek: gevraagde en toegekende bedragen per soort. De cijfers staan in de tabel hierna.",
    en: "Chart: amounts asked and granted by type. The figures are in the table that follows.",
  },
  none: {
    fr: "Aucune demande sur la période.",
    nl: "Geen aanvragen in deze periode.",
    en: "No requests in this period.",
  },
} as const;
