import type { Translated } from "../i18n/language";

/** What the form shows for a field: its label and, where it helps, a hint under it. */
export interface FieldText {
  label: string;
  hint?: string;
}

export const f = (fr: FieldText, nl: FieldText, en: FieldText): Translated<FieldText> => ({
  fr,
  nl,
  en,
});

/** The request form's fields that every type shares or that the four first types ask (members). */
export const requestFieldTexts = {
  type: f({ label: "Type de demande" }, { label: "Soort aanvraag" }, { label: "Type of request" }),
  language: f({ label: "Langue" }, { label: "Taal" }, { label: "Language" }),
  memberNumber: f(
    {
      label: "Numéro de membre",
      hint: "Tel qu'il figure sur votre carte de membre, par exemple M0001.",
    },
    { label: "Lidnummer", hint: "Zoals op uw lidkaart, bijvoorbeeld M0001." },
    { label: "Member number", hint: "As printed on your member card, for example M0001." },
  ),
  email: f(
    { label: "Adresse e-mail", hint: "Nous y enverrons le lien privé de suivi de votre demande." },
    {
      label: "E-mailadres",
      hint: "We sturen u hierheen de persoonlijke link om uw aanvraag te volgen.",
    },
    { label: "Email address", hint: "We will send the private link to follow your request there." },
  ),
  iban: f(
    {
      label: "IBAN",
      hint: "Le compte sur lequel nous verserons le montant, par exemple BE68 5390 0754 7034.",
    },
    {
      label: "IBAN",
      hint: "De rekening waarop we het bedrag storten, bijvoorbeeld BE68 5390 0754 7034.",
    },
    { label: "IBAN", hint: "The account we will pay into, for example BE68 5390 0754 7034." },
  ),
  clientConsent: f(
    {
      label: "J'accepte que la coopérative invite le client à payer les frais d'annulation",
      hint: "Seulement si vous avez donné l'adresse e-mail du client. Les montants récupérés reviennent au fonds.",
    },
    {
      label: "Ik ga akkoord dat de coöperatie de klant vraagt de annuleringskosten te betalen",
      hint: "Alleen als u het e-mailadres van de klant opgaf. Teruggevorderde bedragen gaan terug naar het fonds.",
    },
    {
      label: "I agree that the cooperative may ask the client to pay the cancellation costs",
      hint: "Only if you gave the client's email address. Recovered amounts go back to the fund.",
    },
  ),
  activityId: f(
    {
      label: "Activité",
      hint: "Le code de l'activité au sein de laquelle vous travaillez, par exemple ACT-001 (pas son nom).",
    },
    {
      label: "Activiteit",
      hint: "De code van de activiteit waarbinnen u werkt, bijvoorbeeld ACT-001 (niet de naam).",
    },
    {
      label: "Activity",
      hint: "The code of the activity you work in, for example ACT-001 (not its name).",
    },
  ),
  withoutActivity: f(
    {
      label: "Je facture via la coopérative sans activité",
      hint: "Freelance occasionnel·le : vous utilisez seulement le service de facturation.",
    },
    {
      label: "Ik factureer via de coöperatie zonder activiteit",
      hint: "Occasionele freelancer: u gebruikt alleen de facturatiedienst.",
    },
    {
      label: "I invoice through the cooperative without an Activity",
      hint: "Occasional freelancer: you only use the invoicing service.",
    },
  ),
  client: f({ label: "Client" }, { label: "Klant" }, { label: "Client" }),
  "client.name": f(
    { label: "Nom du client" },
    { label: "Naam van de klant" },
    { label: "Client's name" },
  ),
  "client.email": f(
    { label: "E-mail du client", hint: "Facultatif ; nécessaire pour inviter le client à payer." },
    { label: "E-mail van de klant", hint: "Optioneel; nodig om de klant te vragen te betalen." },
    { label: "Client's email", hint: "Optional; needed to ask the client to pay." },
  ),
  basis: f(
    { label: "Base de l'engagement", hint: "Pour une négociation, joignez la correspondance." },
    {
      label: "Grondslag van de afspraak",
      hint: "Voeg bij een onderhandeling de briefwisseling toe.",
    },
    { label: "Basis of the agreement", hint: "For a negotiation, attach the correspondence." },
  ),
  reference: f(
    { label: "Référence du contrat ou du devis" },
    { label: "Referentie van het contract of de offerte" },
    { label: "Contract or quote reference" },
  ),
  workDays: f(
    {
      label: "Jours de travail prévus",
      hint: "Une ligne par date ; indiquez des heures pour un jour partiel, ou des cachets.",
    },
    {
      label: "Geplande werkdagen",
      hint: "Eén regel per datum; vermeld uren voor een halve dag, of cachets.",
    },
    {
      label: "Planned work days",
      hint: "One line per date; give hours for a partial day, or cachets.",
    },
  ),
  "workDays.date": f({ label: "Date" }, { label: "Datum" }, { label: "Date" }),
  "workDays.hours": f(
    { label: "Heures", hint: "Par quarts d'heure, 24 au plus." },
    { label: "Uren", hint: "Per kwartier, hoogstens 24." },
    { label: "Hours", hint: "In quarter hours, 24 at most." },
  ),
  "workDays.cachets": f(
    {
      label: "Cachets",
      hint: "Intermittents du spectacle : nombre de cachets ce jour-là (1 à 3).",
    },
    { label: "Cachets", hint: "Franse intermittents: aantal cachets die dag (1 tot 3)." },
    { label: "Cachets", hint: "French intermittent workers: number of cachets that day (1 to 3)." },
  ),
  grossAmountCents: f(
    {
      label: "Montant brut",
      hint: "Le brut total prévu pour ces jours, en centimes (12550 pour 125,50 €).",
    },
    {
      label: "Brutobedrag",
      hint: "Het geplande brutototaal voor die dagen, in cent (12550 voor € 125,50).",
    },
    {
      label: "Gross amount",
      hint: "The planned gross total for those days, in cents (12550 for €125.50).",
    },
  ),
  cancellationDate: f(
    { label: "Date d'annulation" },
    { label: "Datum van annulering" },
    { label: "Cancellation date" },
  ),
  cancellationReason: f(
    { label: "Motif de l'annulation" },
    { label: "Reden van de annulering" },
    { label: "Reason for the cancellation" },
  ),
  documents: f(
    { label: "Documents", hint: "PDF, JPEG ou PNG, 10 Mo au plus chacun." },
    { label: "Documenten", hint: "PDF, JPEG of PNG, elk hoogstens 10 MB." },
    { label: "Documents", hint: "PDF, JPEG or PNG, 10 MB at most each." },
  ),
  correspondenceDocuments: f(
    {
      label: "Correspondance avec le client",
      hint: "Pour une négociation : les documents qui sont vos échanges avec le client (e-mails, courriers).",
    },
    {
      label: "Briefwisseling met de klant",
      hint: "Bij een onderhandeling: de documenten die uw briefwisseling met de klant zijn (e-mails, brieven).",
    },
    {
      label: "Correspondence with the client",
      hint: "For a negotiation: the documents that are your exchanges with the client (emails, letters).",
    },
  ),
  orderReference: f(
    { label: "Référence de la commande" },
    { label: "Referentie van de bestelling" },
    { label: "Order reference" },
  ),
  lines: f(
    {
      label: "Dépenses",
      hint: "Une ligne par dépense, chacune avec son justificatif (50 au plus).",
    },
    { label: "Uitgaven", hint: "Eén regel per uitgave, elk met haar bewijsstuk (hoogstens 50)." },
    { label: "Expenses", hint: "One line per expense, each with its receipt (50 at most)." },
  ),
  "lines.date": f(
    {
      label: "Date de la dépense",
      hint: "Avant le jour de l'annulation (la veille au plus tard).",
    },
    {
      label: "Datum van de uitgave",
      hint: "Vóór de dag van de annulering (uiterlijk de dag ervoor).",
    },
    {
      label: "Date of the expense",
      hint: "Before the day of the cancellation (the day before at the latest).",
    },
  ),
  "lines.description": f(
    { label: "Description de la dépense" },
    { label: "Omschrijving van de uitgave" },
    { label: "Description of the expense" },
  ),
  "lines.amountCents": f(
    { label: "Montant de la dépense", hint: "En centimes (12550 pour 125,50 €)." },
    { label: "Bedrag van de uitgave", hint: "In cent (12550 voor € 125,50)." },
    { label: "Amount of the expense", hint: "In cents (12550 for €125.50)." },
  ),
  "lines.documentId": f({ label: "Justificatif" }, { label: "Bewijsstuk" }, { label: "Receipt" }),
  category: f({ label: "Situation" }, { label: "Situatie" }, { label: "Situation" }),
  description: f(
    { label: "Description", hint: "Expliquez en quelques phrases (10 caractères au moins)." },
    { label: "Omschrijving", hint: "Leg in enkele zinnen uit (minstens 10 tekens)." },
    { label: "Description", hint: "Explain in a few sentences (10 characters at least)." },
  ),
  incomeBeforeCents: f(
    { label: "Revenus mensuels avant la crise", hint: "En centimes ; 0 si aucun." },
    { label: "Maandinkomen vóór de crisis", hint: "In cent; 0 als er geen is." },
    { label: "Monthly income before the crisis", hint: "In cents; 0 if none." },
  ),
  incomeAfterCents: f(
    { label: "Revenus mensuels actuels", hint: "En centimes ; 0 si aucun." },
    { label: "Huidig maandinkomen", hint: "In cent; 0 als er geen is." },
    { label: "Current monthly income", hint: "In cents; 0 if none." },
  ),
  householdSize: f(
    { label: "Personnes dans le ménage", hint: "Vous compris." },
    { label: "Personen in het gezin", hint: "Uzelf inbegrepen." },
    { label: "People in the household", hint: "Yourself included." },
  ),
  requestedAmountCents: f(
    { label: "Montant demandé", hint: "En centimes (12550 pour 125,50 €)." },
    { label: "Gevraagd bedrag", hint: "In cent (12550 voor € 125,50)." },
    { label: "Amount requested", hint: "In cents (12550 for €125.50)." },
  ),
  purpose: f(
    { label: "Objet du prêt" },
    { label: "Doel van de lening" },
    { label: "Purpose of the loan" },
  ),
  amountCents: f(
    { label: "Montant", hint: "En centimes (12550 pour 125,50 €)." },
    { label: "Bedrag", hint: "In cent (12550 voor € 125,50)." },
    { label: "Amount", hint: "In cents (12550 for €125.50)." },
  ),
  termMonths: f(
    { label: "Durée de remboursement (mois)" },
    { label: "Looptijd van de terugbetaling (maanden)" },
    { label: "Repayment term (months)" },
  ),
  graceMonths: f(
    {
      label: "Différé de remboursement (mois)",
      hint: "Mois sans remboursement après le versement.",
    },
    {
      label: "Uitstel van terugbetaling (maanden)",
      hint: "Maanden zonder aflossing na de uitbetaling.",
    },
    { label: "Grace period (months)", hint: "Months without repayment after the payout." },
  ),
} satisfies Record<string, Translated<FieldText>>;
