import type { Language, Translated } from "../i18n/language";

/**
 * The board's closed lists, bounds and words, without zod: the page imports them as they are
 * (the schemas that check them live in `post.ts`).
 */

/** What a post is: something a member offers, or something they need. */
export const postKinds = ["offer", "need"] as const;
export type PostKind = (typeof postKinds)[number];

/** The seed's list: lessons, shopping, advice, support, objects, books, childcare… */
export const postCategories = [
  "help",
  "lessons",
  "advice",
  "objects",
  "childcare",
  "services",
  "other",
] as const;
export type PostCategory = (typeof postCategories)[number];

/** Where the help happens: a Belgian or French region, or online. */
export const postRegions = [
  "online",
  "brussels",
  "wallonia",
  "flanders",
  "ile-de-france",
  "france-other",
] as const;
export type PostRegion = (typeof postRegions)[number];

export const reportReasons = ["inappropriate", "commercial", "personal-data", "other"] as const;
export const moderationDecisions = ["hide", "keep", "warn"] as const;
export type ModerationDecision = (typeof moderationDecisions)[number];

/** The board's bounds: a title fits on one line of a phone, a post and an answer on one screen. */
export const POST_LIMITS = { title: 80, text: 1500, name: 60, message: 1500 } as const;

const t3 = (fr: string, nl: string, en: string): Translated => ({ fr, nl, en });

/** Labels of the board's fields, for the page and the error messages. */
export const boardFieldLabels: Record<string, Translated> = {
  kind: t3("Offre ou besoin", "Aanbod of vraag", "Offer or need"),
  category: t3("Catégorie", "Categorie", "Category"),
  region: t3("Région", "Regio", "Region"),
  language: t3("Langue", "Taal", "Language"),
  title: t3("Titre", "Titel", "Title"),
  text: t3("Annonce", "Zoekertje", "Post"),
  memberNumber: t3("Numéro de membre", "Lidnummer", "Member number"),
  email: t3("Adresse e-mail", "E-mailadres", "Email address"),
  name: t3("Votre prénom", "Uw voornaam", "Your first name"),
  message: t3("Message", "Bericht", "Message"),
  reason: t3("Motif", "Reden", "Reason"),
  action: t3("Action", "Actie", "Action"),
  decision: t3("Décision", "Beslissing", "Decision"),
};

export const boardLabel = (path: readonly PropertyKey[], l: Language) => {
  const key = String(path[0] ?? "");
  return Object.hasOwn(boardFieldLabels, key) ? boardFieldLabels[key]![l] : undefined;
};

/** Labels of the closed lists, for the page and the emails. */
export const boardOptionTexts = {
  kind: { offer: t3("Offre", "Aanbod", "Offer"), need: t3("Besoin", "Vraag", "Need") },
  category: {
    help: t3("Coup de main", "Hulp", "Help"),
    lessons: t3("Cours", "Lessen", "Lessons"),
    advice: t3("Conseil", "Advies", "Advice"),
    objects: t3("Objets, livres", "Voorwerpen, boeken", "Objects, books"),
    childcare: t3("Garde d'enfants", "Kinderopvang", "Childcare"),
    services: t3("Services", "Diensten", "Services"),
    other: t3("Autre", "Andere", "Other"),
  },
  region: {
    online: t3("En ligne", "Online", "Online"),
    brussels: t3("Bruxelles", "Brussel", "Brussels"),
    wallonia: t3("Wallonie", "Wallonië", "Wallonia"),
    flanders: t3("Flandre", "Vlaanderen", "Flanders"),
    "ile-de-france": t3("Île-de-France", "Île-de-France", "Île-de-France"),
    "france-other": t3("France (autres régions)", "Frankrijk (andere)", "France (elsewhere)"),
  },
  reason: {
    inappropriate: t3("Contenu inapproprié", "Ongepaste inhoud", "Inappropriate content"),
    commercial: t3("Publicité, commerce", "Reclame, handel", "Advertising, commerce"),
    "personal-data": t3("Données personnelles", "Persoonsgegevens", "Personal data"),
    other: t3("Autre", "Andere", "Other"),
  },
} satisfies Record<string, Record<string, Translated>>;
