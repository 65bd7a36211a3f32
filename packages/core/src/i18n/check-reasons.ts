import type { Translated } from "./language";

const t = (fr: string, nl: string, en: string): Translated => ({ fr, nl, en });

/**
 * The words of every check reason. Failures speak to the member (they read them in a
 * `needs-info` email); warnings speak to approvers and may name other members and requests,
 * so they must never be shown to the member.
 */
export const reasonTexts = {
  member_known: t(
    "Membre {memberNumber} inscrit au registre.",
    "Lid {memberNumber} staat in het register.",
    "Member {memberNumber} is in the register.",
  ),
  member_unknown: t(
    "Le numéro de membre {memberNumber} ne figure pas dans notre registre : vérifiez-le sur votre carte de membre.",
    "Lidnummer {memberNumber} staat niet in ons register: controleer het op uw lidkaart.",
    "Member number {memberNumber} is not in our register: check it on your member card.",
  ),
  member_email_differs: t(
    "L'adresse e-mail de la demande diffère de celle du registre pour le membre {memberNumber}.",
    "Het e-mailadres van de aanvraag verschilt van dat in het register voor lid {memberNumber}.",
    "The request's email differs from the register's for member {memberNumber}.",
  ),
  activity_member: t(
    "Le membre travaille dans l'activité {activityId}.",
    "Het lid werkt in activiteit {activityId}.",
    "The member works in activity {activityId}.",
  ),
  activity_none: t(
    "Le membre facture via la coopérative sans activité.",
    "Het lid factureert via de coöperatie zonder activiteit.",
    "The member invoices through the cooperative without an Activity.",
  ),
  activity_unknown: t(
    "L'activité {activityId} est inconnue : vérifiez son identifiant.",
    "Activiteit {activityId} is onbekend: controleer de code.",
    "Activity {activityId} is unknown: check its identifier.",
  ),
  activity_not_member: t(
    "Vous ne faites pas partie de l'activité {activityId} : choisissez une activité dans laquelle vous travaillez.",
    "U maakt geen deel uit van activiteit {activityId}: kies een activiteit waarin u werkt.",
    "You are not part of activity {activityId}: choose an activity you work in.",
  ),
  iban_valid: t("IBAN valide.", "Geldig IBAN.", "Valid IBAN."),
  iban_invalid: t(
    "L'IBAN n'est pas valide ou n'est pas payable par virement SEPA : indiquez un autre compte.",
    "Het IBAN is ongeldig of niet betaalbaar via SEPA-overschrijving: geef een andere rekening op.",
    "The IBAN is invalid or cannot receive a SEPA transfer: give another account.",
  ),
  iban_other_country: t(
    "Le compte est dans un autre pays ({country}) que celui du membre ({memberCountry}).",
    "De rekening ligt in een ander land ({country}) dan dat van het lid ({memberCountry}).",
    "The account is in another country ({country}) than the member's ({memberCountry}).",
  ),
  iban_differs_from_register: t(
    "L'IBAN diffère de celui du registre des membres.",
    "Het IBAN verschilt van dat in het ledenregister.",
    "The IBAN differs from the one in the members register.",
  ),
  cancellation_date_ok: t(
    "Date d'annulation dans la période de crise.",
    "Annuleringsdatum binnen de crisisperiode.",
    "Cancellation date within the crisis period.",
  ),
  cancellation_before_crisis: t(
    "L'annulation du {cancellationDate} précède le début de la crise ({crisisDate}) : ce plan ne la couvre pas.",
    "De annulering van {cancellationDate} valt vóór het begin van de crisis ({crisisDate}): dit plan dekt ze niet.",
    "The cancellation of {cancellationDate} precedes the start of the crisis ({crisisDate}): this plan does not cover it.",
  ),
  cancellation_in_future: t(
    "La date d'annulation ({cancellationDate}) est dans le futur : indiquez la date à laquelle le client a annulé.",
    "De annuleringsdatum ({cancellationDate}) ligt in de toekomst: geef de datum waarop de klant annuleerde.",
    "The cancellation date ({cancellationDate}) is in the future: give the date the client cancelled.",
  ),
  work_dates_ok: t(
    "{count, plural, one {# jour de travail} other {# jours de travail}} dans la période du plan.",
    "{count, plural, one {# werkdag} other {# werkdagen}} binnen de periode van het plan.",
    "{count, plural, one {# work day} other {# work days}} within the plan period.",
  ),
  work_date_outside_window: t(
    "Le jour de travail du {date} est hors de la période du plan ({fromDate} – {toDate}) : retirez-le.",
    "De werkdag van {date} valt buiten de periode van het plan ({fromDate} – {toDate}): verwijder hem.",
    "The work day of {date} is outside the plan period ({fromDate} – {toDate}): remove it.",
  ),
  work_date_before_cancellation: t(
    "Un jour de travail ({date}) précède l'annulation du {cancellationDate}.",
    "Een werkdag ({date}) valt vóór de annulering van {cancellationDate}.",
    "A work day ({date}) precedes the cancellation of {cancellationDate}.",
  ),
  expense_dates_ok: t(
    "{count, plural, one {La dépense précède} other {Les # dépenses précèdent}} l'annulation.",
    "{count, plural, one {De uitgave gaat} other {De # uitgaven gaan}} aan de annulering vooraf.",
    "{count, plural, one {The expense precedes} other {The # expenses precede}} the cancellation.",
  ),
  expense_after_cancellation: t(
    "La dépense n° {line} ({date}) ne précède pas l'annulation du {cancellationDate} : seules les dépenses engagées avant le jour de l'annulation sont remboursées.",
    "Uitgave nr. {line} ({date}) gaat niet vooraf aan de annulering van {cancellationDate}: alleen uitgaven vóór de dag van de annulering worden terugbetaald.",
    "Expense no. {line} ({date}) does not precede the cancellation of {cancellationDate}: only expenses made before the day of the cancellation are refunded.",
  ),
  daily_rate_ok: t(
    "{dailyCents} brut par jour, sous le plafond de {capCents}.",
    "{dailyCents} bruto per dag, onder het plafond van {capCents}.",
    "{dailyCents} gross per day, under the cap of {capCents}.",
  ),
  daily_rate_above_cap: t(
    "{dailyCents} brut par jour sur {days, plural, one {# jour} other {# jours}} : au-dessus du plafond de {capCents}.",
    "{dailyCents} bruto per dag over {days, plural, one {# dag} other {# dagen}}: boven het plafond van {capCents}.",
    "{dailyCents} gross per day over {days, plural, one {# day} other {# days}}: above the cap of {capCents}.",
  ),
  amount_within_cap: t(
    "{amountCents}, dans le plafond de {capCents}.",
    "{amountCents}, binnen het plafond van {capCents}.",
    "{amountCents}, within the cap of {capCents}.",
  ),
  expenses_total_above_cap: t(
    "Le total des dépenses ({amountCents}) dépasse le plafond de {capCents} : retirez des dépenses pour rester dans le plafond.",
    "Het totaal van de uitgaven ({amountCents}) overschrijdt het plafond van {capCents}: verwijder uitgaven om eronder te blijven.",
    "The expenses total ({amountCents}) exceeds the cap of {capCents}: remove expenses to stay within it.",
  ),
  aid_above_cap: t(
    "Le montant demandé ({amountCents}) dépasse le plafond de l'aide d'urgence ({capCents}).",
    "Het gevraagde bedrag ({amountCents}) overschrijdt het plafond van de noodhulp ({capCents}).",
    "The amount requested ({amountCents}) exceeds the emergency aid cap ({capCents}).",
  ),
  loan_terms_ok: t(
    "Prêt de {amountCents} dans les limites du plan.",
    "Lening van {amountCents} binnen de grenzen van het plan.",
    "Loan of {amountCents} within the plan's limits.",
  ),
  loan_amount_out_of_range: t(
    "Le montant du prêt ({amountCents}) doit être compris entre {minCents} et {maxCents}.",
    "Het bedrag van de lening ({amountCents}) moet tussen {minCents} en {maxCents} liggen.",
    "The loan amount ({amountCents}) must be between {minCents} and {maxCents}.",
  ),
  initiative_amount_out_of_range: t(
    "Le montant demandé ({amountCents}) doit être compris entre {minCents} et {maxCents}.",
    "Het gevraagde bedrag ({amountCents}) moet tussen {minCents} en {maxCents} liggen.",
    "The amount requested ({amountCents}) must be between {minCents} and {maxCents}.",
  ),
  loan_term_out_of_range: t(
    "La durée de remboursement ({months} mois) doit être comprise entre {min} et {max} mois.",
    "De looptijd ({months} maanden) moet tussen {min} en {max} maanden liggen.",
    "The repayment term ({months} months) must be between {min} and {max} months.",
  ),
  loan_grace_out_of_range: t(
    "Le différé ({months} mois) doit être compris entre {min} et {max} mois.",
    "Het uitstel ({months} maanden) moet tussen {min} en {max} maanden liggen.",
    "The grace period ({months} months) must be between {min} and {max} months.",
  ),
  documents_ok: t(
    "{count, plural, =0 {Aucun document requis.} one {# document lisible et conforme.} other {# documents lisibles et conformes.}}",
    "{count, plural, =0 {Geen document vereist.} one {# leesbaar en conform document.} other {# leesbare en conforme documenten.}}",
    "{count, plural, =0 {No document required.} one {# readable, conforming document.} other {# readable, conforming documents.}}",
  ),
  documents_missing: t(
    "Joignez au moins {minimum} document (contrat, devis ou correspondance avec le client).",
    "Voeg minstens {minimum} document toe (contract, offerte of briefwisseling met de klant).",
    "Attach at least {minimum} document (contract, quote or correspondence with the client).",
  ),
  document_not_uploaded: t(
    "Le document {document} n'a pas été reçu : téléversez-le à nouveau.",
    "Document {document} werd niet ontvangen: upload het opnieuw.",
    "Document {document} was not received: upload it again.",
  ),
  document_type_not_allowed: t(
    "Le document {document} est de type {declared}, qui n'est pas accepté : envoyez un PDF, un JPEG ou un PNG.",
    "Document {document} is van het type {declared}, dat niet aanvaard wordt: stuur een PDF, JPEG of PNG.",
    "Document {document} is of type {declared}, which is not accepted: send a PDF, a JPEG or a PNG.",
  ),
  document_type_unknown: t(
    "Le document {document} n'est ni un PDF, ni un JPEG, ni un PNG : envoyez-le dans l'un de ces formats.",
    "Document {document} is geen PDF, JPEG of PNG: stuur het in een van die formaten.",
    "Document {document} is neither a PDF, a JPEG nor a PNG: send it in one of those formats.",
  ),
  document_type_mismatch: t(
    "Le document {document} se présente comme {declared} mais son contenu est un {actual} : envoyez-le à nouveau.",
    "Document {document} wordt aangeboden als {declared} maar de inhoud is een {actual}: stuur het opnieuw.",
    "Document {document} claims to be {declared} but its content is a {actual}: send it again.",
  ),
  document_empty: t(
    "Le document {document} est vide : envoyez-le à nouveau.",
    "Document {document} is leeg: stuur het opnieuw.",
    "Document {document} is empty: send it again.",
  ),
  document_too_large: t(
    "Le document {document} pèse {sizeBytes}, plus que les {maxBytes} permis : réduisez-le.",
    "Document {document} is {sizeBytes}, meer dan de toegestane {maxBytes}: verklein het.",
    "Document {document} weighs {sizeBytes}, more than the {maxBytes} allowed: make it smaller.",
  ),
  no_duplicate: t("Aucune demande en double.", "Geen dubbele aanvraag.", "No duplicate request."),
  overlapping_claim: t(
    "Une autre demande ({requestId}) couvre déjà le même client pour {count, plural, one {# jour commun} other {# jours communs}}, dont le {date} : retirez ces jours.",
    "Een andere aanvraag ({requestId}) dekt al dezelfde klant voor {count, plural, one {# gemeenschappelijke dag} other {# gemeenschappelijke dagen}}, waaronder {date}: verwijder die dagen.",
    "Another request ({requestId}) already covers the same client for {count, plural, one {# shared day} other {# shared days}}, including {date}: remove those days.",
  ),
  duplicate_order: t(
    "Une autre demande ({requestId}) porte déjà sur la commande {orderReference} de ce client.",
    "Een andere aanvraag ({requestId}) betreft al bestelling {orderReference} van deze klant.",
    "Another request ({requestId}) already covers order {orderReference} of this client.",
  ),
  aid_granted_recently: t(
    "Une aide d'urgence vous a été accordée le {grantedDate} : une nouvelle aide est possible à partir du {nextDate}.",
    "U kreeg op {grantedDate} noodhulp: nieuwe noodhulp is mogelijk vanaf {nextDate}.",
    "You were granted emergency aid on {grantedDate}: new aid is possible from {nextDate}.",
  ),
  aid_pending: t(
    "Une autre demande d'aide d'urgence de ce membre ({requestId}) est en cours.",
    "Een andere noodhulpaanvraag van dit lid ({requestId}) loopt nog.",
    "Another emergency aid request of this member ({requestId}) is in progress.",
  ),
  open_loan: t(
    "L'activité {activityId} a déjà un prêt de relance en cours ({requestId}) : un seul prêt à la fois par activité.",
    "Activiteit {activityId} heeft al een lopende relancelening ({requestId}): één lening tegelijk per activiteit.",
    "Activity {activityId} already has a relaunch loan under way ({requestId}): one loan at a time per activity.",
  ),
  documents_unique: t(
    "Aucun document déjà utilisé ailleurs.",
    "Geen document dat elders al gebruikt werd.",
    "No document already used elsewhere.",
  ),
  document_reused: t(
    "Un document identique (même empreinte SHA-256) figure dans {count, plural, one {# autre demande} other {# autres demandes}} : {requestIds}.",
    "Een identiek document (zelfde SHA-256) staat in {count, plural, one {# andere aanvraag} other {# andere aanvragen}}: {requestIds}.",
    "An identical document (same SHA-256) appears in {count, plural, one {# other request} other {# other requests}}: {requestIds}.",
  ),
  document_repeated: t(
    "Le même fichier est joint plusieurs fois à cette demande.",
    "Hetzelfde bestand is meermaals bij deze aanvraag gevoegd.",
    "The same file is attached more than once to this request.",
  ),
  iban_unique: t(
    "IBAN utilisé par ce seul membre.",
    "IBAN alleen door dit lid gebruikt.",
    "IBAN used by this member only.",
  ),
  iban_shared: t(
    "Cet IBAN est aussi utilisé par {count, plural, one {# autre membre} other {# autres membres}} : {memberNumbers}.",
    "Dit IBAN wordt ook gebruikt door {count, plural, one {# ander lid} other {# andere leden}}: {memberNumbers}.",
    "This IBAN is also used by {count, plural, one {# other member} other {# other members}}: {memberNumbers}.",
  ),
  iban_change_requested: t(
    "Après un virement refusé, le membre demande d'être payé sur un autre compte (se terminant par {ibanEnd}), confirmé depuis l'adresse du registre.",
    "Na een geweigerde overschrijving vraagt het lid betaling op een andere rekening (eindigend op {ibanEnd}), bevestigd vanaf het adres uit het register.",
    "After a returned transfer, the member asks to be paid into another account (ending in {ibanEnd}), confirmed from the register's address.",
  ),
  iban_change_country: t(
    "Le nouveau compte est dans un autre pays ({from} → {to}).",
    "De nieuwe rekening is in een ander land ({from} → {to}).",
    "The new account is in another country ({from} → {to}).",
  ),
  no_earlier_rejection: t(
    "Aucune demande refusée auparavant.",
    "Geen eerder geweigerde aanvraag.",
    "No earlier rejected request.",
  ),
  earlier_rejection: t(
    "Ce membre a déjà eu {count, plural, one {# demande refusée} other {# demandes refusées}}.",
    "Dit lid kreeg al {count, plural, one {# aanvraag} other {# aanvragen}} geweigerd.",
    "This member already had {count, plural, one {# request} other {# requests}} rejected.",
  ),
  amount_usual: t(
    "Montant habituel pour ce type de demande.",
    "Gebruikelijk bedrag voor deze soort aanvraag.",
    "Usual amount for this type of request.",
  ),
  amount_unusual: t(
    "Montant inhabituel : {amountCents}, au-dessus des {usualMaxCents} habituels pour ce type de demande.",
    "Ongebruikelijk bedrag: {amountCents}, boven de gebruikelijke {usualMaxCents} voor deze soort aanvraag.",
    "Unusual amount: {amountCents}, above the usual {usualMaxCents} for this type of request.",
  ),
} satisfies Record<string, Translated>;

export type ReasonCode = keyof typeof reasonTexts;
export const reasonCodes = Object.keys(reasonTexts) as ReasonCode[];
