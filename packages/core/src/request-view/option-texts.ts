import type { Language, Translated } from "../i18n/language";
import type { RequestType } from "../plan/vocabulary";

/** Labels of the values of the closed lists, for the form's choices and for summaries. */
export const optionTexts = {
  type: {
    "cancelled-contract": {
      fr: "Contrat annulé",
      nl: "Geannuleerd contract",
      en: "Cancelled contract",
    },
    "incurred-expenses": { fr: "Frais engagés", nl: "Gemaakte kosten", en: "Incurred expenses" },
    "emergency-aid": { fr: "Aide d'urgence", nl: "Noodhulp", en: "Emergency aid" },
    "relaunch-loan": { fr: "Prêt de relance", nl: "Relancelening", en: "Relaunch loan" },
    "initiative-support": {
      fr: "Appui à une initiative",
      nl: "Steun voor een initiatief",
      en: "Initiative support",
    },
  } satisfies Record<RequestType, Translated>,
  language: {
    fr: { fr: "Français", nl: "Frans", en: "French" },
    nl: { fr: "Néerlandais", nl: "Nederlands", en: "Dutch" },
    en: { fr: "Anglais", nl: "Engels", en: "English" },
  } satisfies Record<Language, Translated>,
  basis: {
    "signed-contract": { fr: "Contrat signé", nl: "Ondertekend contract", en: "Signed contract" },
    quote: { fr: "Devis accepté", nl: "Aanvaarde offerte", en: "Accepted quote" },
    negotiation: {
      fr: "Négociation commerciale",
      nl: "Commerciële onderhandeling",
      en: "Commercial negotiation",
    },
  },
  withoutActivity: {
    true: {
      fr: "Oui : facture via la coopérative sans activité",
      nl: "Ja: factureert via de coöperatie zonder activiteit",
      en: "Yes: invoices through the cooperative without an Activity",
    },
  },
  category: {
    rent: { fr: "Loyer", nl: "Huur", en: "Rent" },
    food: { fr: "Alimentation", nl: "Voeding", en: "Food" },
    health: { fr: "Santé", nl: "Gezondheid", en: "Health" },
    energy: { fr: "Énergie", nl: "Energie", en: "Energy" },
    other: { fr: "Autre", nl: "Andere", en: "Other" },
  },
  purpose: {
    equipment: { fr: "Équipement", nl: "Uitrusting", en: "Equipment" },
    training: { fr: "Formation", nl: "Opleiding", en: "Training" },
    marketing: { fr: "Promotion", nl: "Promotie", en: "Marketing" },
    other: { fr: "Autre", nl: "Andere", en: "Other" },
  },
  vote: {
    approve: { fr: "Pour", nl: "Voor", en: "For" },
    reject: { fr: "Contre", nl: "Tegen", en: "Against" },
    abstain: { fr: "Abstention", nl: "Onthouding", en: "Abstain" },
  },
  decision: {
    approve: { fr: "Approuver", nl: "Goedkeuren", en: "Approve" },
    reject: { fr: "Refuser", nl: "Weigeren", en: "Reject" },
    "request-info": {
      fr: "Demander des informations",
      nl: "Meer informatie vragen",
      en: "Ask for more information",
    },
  },
} as const;
