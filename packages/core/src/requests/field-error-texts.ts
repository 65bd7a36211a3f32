import type { CustomIssueCode } from "../request-view/fields";
import type { Translated } from "./i18n";

/**
 * The members' catalogue of field errors: what the form and the API say about a field, in each
 * language. `messages.ts` picks a text and fills it in.
 */

/**
 * Stable codes of field errors: API clients and the form may switch on them. Not the error
 * codes of core/errors.ts: those say why an operation did not happen (`request.busy`), these
 * what is wrong with one field, each inside a `400 {errors}` with its message in the reader's
 * language; zod and the text checks name them (snake_case), so they keep their own list.
 */
export type FieldErrorCode =
  | "required"
  | "invalid_type"
  | "not_integer"
  | "too_small"
  | "too_big"
  | "too_short"
  | "too_long"
  | "too_few"
  | "too_many"
  | "not_multiple_of"
  | "invalid_date"
  | "invalid_email"
  | "invalid_document_id"
  | "invalid_format"
  | "invalid_option"
  | "invalid_request_type"
  | "unknown_field"
  | "invalid_value"
  | CustomIssueCode;

/** The message templates; `{label}` is the quoted field label, other names are params. */
export const templates: Record<FieldErrorCode, Translated> = {
  required: {
    fr: "Le champ {label} est obligatoire.",
    nl: "Het veld {label} is verplicht.",
    en: "{label} is required.",
  },
  invalid_type: {
    fr: "{label} doit être {expected}.",
    nl: "{label} moet {expected} zijn.",
    en: "{label} must be {expected}.",
  },
  not_integer: {
    fr: "{label} doit être un nombre entier.",
    nl: "{label} moet een geheel getal zijn.",
    en: "{label} must be a whole number.",
  },
  too_small: {
    fr: "{label} doit être d'au moins {minimum}.",
    nl: "{label} moet minstens {minimum} zijn.",
    en: "{label} must be at least {minimum}.",
  },
  too_big: {
    fr: "{label} doit être d'au plus {maximum}.",
    nl: "{label} mag hoogstens {maximum} zijn.",
    en: "{label} must be at most {maximum}.",
  },
  too_short: {
    fr: "{label} doit contenir au moins {minimum} caractères.",
    nl: "{label} moet minstens {minimum} tekens bevatten.",
    en: "{label} must have at least {minimum} characters.",
  },
  too_long: {
    fr: "{label} doit contenir au plus {maximum} caractères.",
    nl: "{label} mag hoogstens {maximum} tekens bevatten.",
    en: "{label} must have at most {maximum} characters.",
  },
  too_few: {
    fr: "Ajoutez au moins {minimum} éléments dans {label}.",
    nl: "Voeg minstens {minimum} elementen toe aan {label}.",
    en: "Add at least {minimum} items to {label}.",
  },
  too_many: {
    fr: "{label} contient trop d'éléments : {maximum} au plus.",
    nl: "{label} bevat te veel elementen: hoogstens {maximum}.",
    en: "{label} has too many items: {maximum} at most.",
  },
  not_multiple_of: {
    fr: "{label} doit être un multiple de {divisor}.",
    nl: "{label} moet een veelvoud van {divisor} zijn.",
    en: "{label} must be a multiple of {divisor}.",
  },
  invalid_date: {
    fr: "{label} doit être une date existante au format AAAA-MM-JJ, par exemple 2020-03-16.",
    nl: "{label} moet een bestaande datum zijn in de vorm JJJJ-MM-DD, bijvoorbeeld 2020-03-16.",
    en: "{label} must be a real date written YYYY-MM-DD, for example 2020-03-16.",
  },
  invalid_email: {
    fr: "{label} n'est pas une adresse e-mail valide (par exemple nom@exemple.be).",
    nl: "{label} is geen geldig e-mailadres (bijvoorbeeld naam@voorbeeld.be).",
    en: "{label} is not a valid email address (for example name@example.com).",
  },
  invalid_document_id: {
    fr: "{label} doit désigner un document téléversé : téléversez le fichier à nouveau.",
    nl: "{label} moet naar een geüpload document verwijzen: upload het bestand opnieuw.",
    en: "{label} must refer to an uploaded document: upload the file again.",
  },
  invalid_format: {
    fr: "{label} n'a pas le format attendu.",
    nl: "{label} heeft niet de verwachte vorm.",
    en: "{label} is not in the expected format.",
  },
  invalid_option: {
    fr: "{label} doit valoir l'une de ces valeurs : {values}.",
    nl: "{label} moet een van deze waarden zijn: {values}.",
    en: "{label} must be one of: {values}.",
  },
  invalid_request_type: {
    fr: "Le type de demande doit être l'un de : {values}.",
    nl: "De soort aanvraag moet een van deze zijn: {values}.",
    en: "The type of request must be one of: {values}.",
  },
  unknown_field: {
    fr: "Le champ {field} n'est pas prévu ici : retirez-le.",
    nl: "Het veld {field} hoort hier niet: verwijder het.",
    en: "The field {field} is not expected here: remove it.",
  },
  invalid_value: {
    fr: "{label} n'est pas valide.",
    nl: "{label} is niet geldig.",
    en: "{label} is not valid.",
  },
  invalid_iban: {
    fr: "{label} n'est pas un IBAN valide : vérifiez le code pays, la longueur et les chiffres de contrôle.",
    nl: "{label} is geen geldig IBAN: controleer de landcode, de lengte en de controlecijfers.",
    en: "{label} is not a valid IBAN: check the country code, the length and the check digits.",
  },
  iban_not_sepa: {
    fr: "Ce compte n'est pas dans la zone SEPA : nous ne pouvons pas y verser d'argent.",
    nl: "Deze rekening ligt niet in de SEPA-zone: we kunnen er geen geld op storten.",
    en: "This account is outside the SEPA area: we cannot pay into it.",
  },
  invalid_member_number: {
    fr: "{label} ne peut contenir que des lettres, chiffres, points, tirets et soulignés (40 au plus), comme sur votre carte de membre.",
    nl: "{label} mag alleen letters, cijfers, punten, streepjes en onderstrepingstekens bevatten (hoogstens 40), zoals op uw lidkaart.",
    en: "{label} may contain only letters, digits, dots, dashes and underscores (40 at most), as on your member card.",
  },
  hours_and_cachets: {
    fr: "Indiquez pour ce jour des heures ou des cachets, pas les deux.",
    nl: "Vermeld voor deze dag uren of cachets, niet allebei.",
    en: "Give hours or cachets for this day, not both.",
  },
  duplicate_date: {
    fr: "Chaque date ne peut figurer qu'une fois dans {label}.",
    nl: "Elke datum mag maar één keer voorkomen in {label}.",
    en: "Each date may appear only once in {label}.",
  },
  duplicate_document: {
    fr: "Le même document figure plusieurs fois dans {label}.",
    nl: "Hetzelfde document staat meermaals in {label}.",
    en: "The same document appears more than once in {label}.",
  },
  comment_required: {
    fr: "Expliquez votre décision : un commentaire est obligatoire pour refuser ou demander des informations.",
    nl: "Licht uw beslissing toe: een opmerking is verplicht om te weigeren of informatie te vragen.",
    en: "Explain your decision: a comment is required to reject or to ask for information.",
  },
  vote_or_conflict: {
    fr: "Votez ou déclarez un conflit d'intérêts, pas les deux.",
    nl: "Stem of meld een belangenconflict, niet allebei.",
    en: "Vote or declare a conflict of interest, not both.",
  },
  amount_only_on_approval: {
    fr: "Un montant ne s'indique qu'avec une approbation.",
    nl: "Een bedrag vermeldt u alleen bij een goedkeuring.",
    en: "An amount goes only with an approval.",
  },
  empty_answer: {
    fr: "Corrigez un champ, ajoutez un commentaire ou au moins un document.",
    nl: "Verbeter een veld, voeg een opmerking of minstens één document toe.",
    en: "Correct a field, add a comment or at least one document.",
  },
  field_not_offered: {
    fr: "{label} ne peut pas être modifié dans cette réponse.",
    nl: "{label} kan in dit antwoord niet gewijzigd worden.",
    en: "{label} cannot be changed in this answer.",
  },
  invalid_file_name: {
    fr: "{label} ne peut pas contenir de barre oblique (/ ou \\) : renommez le fichier.",
    nl: "{label} mag geen schuine streep (/ of \\) bevatten: geef het bestand een andere naam.",
    en: "{label} may not contain a slash (/ or \\): rename the file.",
  },
  text_bidi_control: {
    fr: "{label} contient un caractère invisible qui inverse le sens du texte (U+202E ou semblable) : retirez-le en retapant le texte ou en renommant le fichier.",
    nl: "{label} bevat een onzichtbaar teken dat de leesrichting omkeert (U+202E of gelijkaardig): verwijder het door de tekst opnieuw te typen of het bestand een andere naam te geven.",
    en: "{label} contains an invisible character that reverses the text's direction (U+202E or similar): remove it by typing the text again or renaming the file.",
  },
  text_control_character: {
    fr: "{label} contient un caractère de contrôle (par exemple un caractère nul ou un saut de ligne là où il n'en faut pas) : retirez-le.",
    nl: "{label} bevat een stuurteken (bijvoorbeeld een nulteken of een regeleinde waar het niet hoort): verwijder het.",
    en: "{label} contains a control character (for example a null character, or a line break where none belongs): remove it.",
  },
  text_lone_surrogate: {
    fr: "{label} contient un caractère abîmé (un demi-caractère Unicode) : retapez le texte ou renommez le fichier.",
    nl: "{label} bevat een beschadigd teken (een half Unicode-teken): typ de tekst opnieuw of geef het bestand een andere naam.",
    en: "{label} contains a broken character (half of a Unicode character): type the text again or rename the file.",
  },
  activity_and_without_activity: {
    fr: "Indiquez une activité ou cochez que vous facturez via la coopérative sans activité, pas les deux.",
    nl: "Vermeld een activiteit of vink aan dat u via de coöperatie factureert zonder activiteit, niet allebei.",
    en: "Give an activity or tick that you invoice through the cooperative without an activity, not both.",
  },
  correspondence_required: {
    fr: "Pour une négociation commerciale, marquez au moins un document comme la correspondance avec le client.",
    nl: "Markeer bij een commerciële onderhandeling minstens één document als de briefwisseling met de klant.",
    en: "For a commercial negotiation, mark at least one document as the correspondence with the client.",
  },
  correspondence_not_attached: {
    fr: "Ce document marqué comme correspondance n'est pas joint à la demande : ajoutez-le aussi aux documents.",
    nl: "Dit als briefwisseling gemarkeerde document is niet bij de aanvraag gevoegd: voeg het ook bij de documenten.",
    en: "This document marked as correspondence is not attached to the request: add it to the documents too.",
  },
  tranches_sum: {
    fr: "Les montants des tranches doivent faire ensemble le montant demandé.",
    nl: "De bedragen van de schijven moeten samen het gevraagde bedrag vormen.",
    en: "The tranches' amounts must add up to the requested amount.",
  },
  tranche_dates_order: {
    fr: "Chaque échéance doit tomber après celle de la tranche précédente.",
    nl: "Elke vervaldatum moet na die van de vorige schijf vallen.",
    en: "Each due date must come after the previous tranche's.",
  },
  duplicate_applicant: {
    fr: "Ce membre figure déjà dans le projet : chaque membre n'y figure qu'une fois, avec sa propre adresse.",
    nl: "Dit lid staat al in het project: elk lid staat er één keer in, met een eigen adres.",
    en: "This member is already in the project: each member appears once, with their own address.",
  },
  invalid_content_type: {
    fr: "Ce type de fichier n'est pas accepté : envoyez un PDF, un JPEG ou un PNG.",
    nl: "Dit bestandstype wordt niet aanvaard: stuur een PDF, JPEG of PNG.",
    en: "This file type is not accepted: send a PDF, a JPEG or a PNG.",
  },
};

/** Amounts get their own wording: people type euros where we want cents. */
export const amountTemplates: Partial<Record<FieldErrorCode, Translated>> = {
  invalid_type: {
    fr: "{label} doit être un nombre entier de centimes positif (12550 pour 125,50 €).",
    nl: "{label} moet een positief geheel aantal cent zijn (12550 voor € 125,50).",
    en: "{label} must be a positive whole number of cents (12550 for €125.50).",
  },
  not_integer: {
    fr: "{label} doit être un nombre entier de centimes positif, sans décimales (12550 pour 125,50 €).",
    nl: "{label} moet een positief geheel aantal cent zijn, zonder decimalen (12550 voor € 125,50).",
    en: "{label} must be a positive whole number of cents, without decimals (12550 for €125.50).",
  },
};

/** "At least one" reads better than "at least 1 items". */
export const singularTemplates: Partial<Record<FieldErrorCode, Translated>> = {
  too_few: {
    fr: "Ajoutez au moins un élément dans {label}.",
    nl: "Voeg minstens één element toe aan {label}.",
    en: "Add at least one item to {label}.",
  },
};

/** Strict bounds (`positive()`) read "more than", not "at least". */
export const exclusiveTemplates: Partial<Record<FieldErrorCode, Translated>> = {
  too_small: {
    fr: "{label} doit être supérieur à {minimum}.",
    nl: "{label} moet groter zijn dan {minimum}.",
    en: "{label} must be more than {minimum}.",
  },
  too_big: {
    fr: "{label} doit être inférieur à {maximum}.",
    nl: "{label} moet kleiner zijn dan {maximum}.",
    en: "{label} must be less than {maximum}.",
  },
};
