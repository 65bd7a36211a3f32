import type { Translated } from "../i18n/language";
import { type FieldText, f } from "./request-field-texts";

/** The fields of an initiative-support project: co-applicants, budget, tranches, reports. */
export const projectFieldTexts = {
  coApplicants: f(
    {
      label: "Autres membres du projet",
      hint: "Chacun confirmera depuis l'adresse de notre registre avant l'examen par le comité.",
    },
    {
      label: "Andere leden van het project",
      hint: "Elk lid bevestigt vanaf het adres in ons register voordat het comité de aanvraag bekijkt.",
    },
    {
      label: "Other members of the project",
      hint: "Each confirms from the address in our register before the committee looks at it.",
    },
  ),
  "coApplicants.memberNumber": f(
    { label: "Numéro de membre du co-porteur" },
    { label: "Lidnummer van de medeaanvrager" },
    { label: "Co-applicant's member number" },
  ),
  "coApplicants.email": f(
    {
      label: "Adresse e-mail du co-porteur",
      hint: "Celle qu'il ou elle a donnée à la coopérative.",
    },
    {
      label: "E-mailadres van de medeaanvrager",
      hint: "Het adres dat hij of zij aan de coöperatie gaf.",
    },
    { label: "Co-applicant's email", hint: "The one they gave the cooperative." },
  ),
  title: f(
    { label: "Titre du projet" },
    { label: "Titel van het project" },
    { label: "Project title" },
  ),
  beneficiaries: f(
    { label: "Qui en bénéficie", hint: "Les personnes ou le public que le projet aide." },
    { label: "Wie er baat bij heeft", hint: "De mensen of het publiek die het project helpt." },
    { label: "Who benefits", hint: "The people or the public the project helps." },
  ),
  budgetLines: f(
    { label: "Budget", hint: "Une ligne par poste de dépense." },
    { label: "Begroting", hint: "Eén regel per uitgavenpost." },
    { label: "Budget", hint: "One line per item of expense." },
  ),
  "budgetLines.label": f(
    { label: "Poste du budget" },
    { label: "Begrotingspost" },
    { label: "Budget item" },
  ),
  "budgetLines.amountCents": f(
    { label: "Montant du poste", hint: "En centimes (12550 pour 125,50 €)." },
    { label: "Bedrag van de post", hint: "In cent (12550 voor € 125,50)." },
    { label: "Amount of the item", hint: "In cents (12550 for €125.50)." },
  ),
  durationMonths: f(
    { label: "Durée du projet (mois)" },
    { label: "Duur van het project (maanden)" },
    { label: "Duration of the project (months)" },
  ),
  tranches: f(
    {
      label: "Tranches",
      hint: "De une à quatre ; leurs montants font ensemble le montant demandé. La première est versée à l'approbation.",
    },
    {
      label: "Schijven",
      hint: "Eén tot vier; samen vormen ze het gevraagde bedrag. De eerste wordt bij de goedkeuring gestort.",
    },
    {
      label: "Tranches",
      hint: "One to four; their amounts add up to the requested amount. The first is paid on approval.",
    },
  ),
  "tranches.milestone": f(
    { label: "Étape à atteindre" },
    { label: "Te bereiken mijlpaal" },
    { label: "Milestone to reach" },
  ),
  "tranches.dueDate": f(
    { label: "Échéance de l'étape" },
    { label: "Vervaldatum van de mijlpaal" },
    { label: "Milestone due date" },
  ),
  "tranches.amountCents": f(
    { label: "Montant de la tranche", hint: "En centimes (12550 pour 125,50 €)." },
    { label: "Bedrag van de schijf", hint: "In cent (12550 voor € 125,50)." },
    { label: "Amount of the tranche", hint: "In cents (12550 for €125.50)." },
  ),
  report: f(
    {
      label: "Rapport d'étape",
      hint: "Ce qui a été fait pour atteindre l'étape (10 caractères au moins).",
    },
    {
      label: "Tussentijds verslag",
      hint: "Wat er gedaan werd om de mijlpaal te halen (minstens 10 tekens).",
    },
    {
      label: "Milestone report",
      hint: "What was done to reach the milestone (10 characters at least).",
    },
  ),
  reason: f(
    { label: "Raison de la clôture" },
    { label: "Reden van de afsluiting" },
    { label: "Reason for closing" },
  ),
} satisfies Record<string, Translated<FieldText>>;
