import { formatMessage } from "@entraide/core/i18n/message";
import type { PayoutStatus } from "@entraide/core/payouts/payout";
import type { Translated } from "@entraide/core/requests/i18n";
import type { Language, RequestStatus } from "@entraide/core/requests/request-types";

const t3 = (fr: string, nl: string, en: string): Translated => ({ fr, nl, en });

/**
 * Words of the pages themselves (headings, buttons, notices). Field labels, hints and field
 * error messages are NOT here: they come from `request-view/labels.ts` and `requests/messages.ts`.
 */
export const ui = {
  formTitle: t3("Demande d'aide", "Aanvraag om steun", "Request for help"),
  formAbout: t3(
    "La coopérative aide ses membres touchés par la crise : paiement de contrats annulés, frais engagés sur une commande annulée, aide d'urgence et prêt de relance à 0 %. Vous recevrez par e-mail un lien privé pour suivre votre demande.",
    "De coöperatie helpt haar leden die door de crisis getroffen zijn: betaling van geannuleerde contracten, kosten gemaakt voor een geannuleerde bestelling, noodhulp en een relancelening aan 0 %. U krijgt per e-mail een persoonlijke link om uw aanvraag te volgen.",
    "The cooperative helps members hit by the crisis: pay for cancelled contracts, expenses incurred on a cancelled order, emergency aid and a 0% relaunch loan. You will receive a private link by email to follow your request.",
  ),
  formIntro: t3(
    "Choisissez le type de demande ; seuls les champs de ce type s'affichent. Les champs marqués * sont obligatoires.",
    "Kies de soort aanvraag; alleen de velden van die soort worden getoond. Velden met * zijn verplicht.",
    "Choose the type of request; only that type's fields are shown. Fields marked * are required.",
  ),
  required: t3("obligatoire", "verplicht", "required"),
  aboutYou: t3("Vous", "Uzelf", "About you"),
  aboutRequest: t3("Votre demande", "Uw aanvraag", "Your request"),
  addWorkDay: t3("Ajouter un jour", "Dag toevoegen", "Add a day"),
  removeWorkDay: t3("Retirer le jour {n}", "Dag {n} verwijderen", "Remove day {n}"),
  workDay: t3("Jour {n}", "Dag {n}", "Day {n}"),
  projectTitle: t3("Le projet", "Het project", "The project"),
  tranche: t3("Tranche", "Schijf", "Tranche"),
  milestone: t3("Étape", "Mijlpaal", "Milestone"),
  amount: t3("Montant", "Bedrag", "Amount"),
  trancheStatus: t3("État", "Stand", "Status"),
  trancheTable: t3("Tranches du projet", "Schijven van het project", "The project's tranches"),
  "tranche-pending": t3("À venir", "Nog niet bereikt", "Not reached yet"),
  "tranche-reported": t3(
    "Rapport en vérification",
    "Verslag wordt nagekeken",
    "Report being checked",
  ),
  "tranche-needs-info": t3(
    "Informations demandées",
    "Meer informatie gevraagd",
    "More information asked",
  ),
  "tranche-granted": t3("Paiement demandé", "Betaling aangevraagd", "Payment requested"),
  "tranche-paid": t3("Payée", "Betaald", "Paid"),
  "tranche-rejected": t3("Rendue au fonds", "Terug naar het fonds", "Returned to the fund"),
  "tranche-released": t3("Rendue au fonds", "Terug naar het fonds", "Returned to the fund"),
  coApplicantsTitle: t3("Membres du projet", "Leden van het project", "Project members"),
  "coApplicant-confirmed": t3("a confirmé", "heeft bevestigd", "confirmed"),
  "coApplicant-declined": t3("a refusé", "heeft geweigerd", "declined"),
  "coApplicant-waiting": t3(
    "n'a pas encore confirmé",
    "heeft nog niet bevestigd",
    "has not confirmed yet",
  ),
  confirmByDate: t3(
    "Les membres peuvent confirmer jusqu'au {date}.",
    "De leden kunnen bevestigen tot {date}.",
    "Members may confirm until {date}.",
  ),
  reportTitle: t3(
    "Rapport sur l'étape {n}",
    "Verslag over mijlpaal {n}",
    "Report on milestone {n}",
  ),
  reportAbout: t3(
    "Décrivez ce qui a été fait pour atteindre «\u00a0{milestone}\u00a0» et joignez vos justificatifs : un membre du comité le vérifie, puis la tranche suivante est versée.",
    "Beschrijf wat er gedaan werd om „{milestone}” te halen en voeg uw bewijsstukken toe: een lid van het comité kijkt het na, daarna wordt de volgende schijf gestort.",
    "Describe what was done to reach “{milestone}” and attach your proofs: a committee member checks it, then the next tranche is paid.",
  ),
  sendReport: t3("Envoyer le rapport", "Verslag versturen", "Send the report"),
  reportSent: t3(
    "Votre rapport a été envoyé ; un membre du comité va le vérifier.",
    "Uw verslag is verstuurd; een lid van het comité kijkt het na.",
    "Your report was sent; a committee member will check it.",
  ),
  addCoApplicants: t3("Ajouter un co-demandeur", "Medeaanvrager toevoegen", "Add a co-applicant"),
  removeCoApplicants: t3(
    "Retirer le co-demandeur {n}",
    "Medeaanvrager {n} verwijderen",
    "Remove co-applicant {n}",
  ),
  rowCoApplicants: t3("Co-demandeur {n}", "Medeaanvrager {n}", "Co-applicant {n}"),
  addBudgetLines: t3("Ajouter un poste", "Post toevoegen", "Add a budget item"),
  removeBudgetLines: t3("Retirer le poste {n}", "Post {n} verwijderen", "Remove budget item {n}"),
  rowBudgetLines: t3("Poste {n}", "Post {n}", "Budget item {n}"),
  addTranches: t3("Ajouter une tranche", "Schijf toevoegen", "Add a tranche"),
  removeTranches: t3("Retirer la tranche {n}", "Schijf {n} verwijderen", "Remove tranche {n}"),
  rowTranches: t3("Tranche {n}", "Schijf {n}", "Tranche {n}"),
  tranchesHint: t3(
    "De {min} à {max} tranches ; ensemble, elles font le montant demandé.",
    "Van {min} tot {max} schijven; samen vormen ze het gevraagde bedrag.",
    "From {min} to {max} tranches; together they make the requested amount.",
  ),
  coApplicantsHint: t3(
    "Jusqu'à {max} autres membres.",
    "Tot {max} andere leden.",
    "Up to {max} other members.",
  ),
  addLine: t3("Ajouter une dépense", "Uitgave toevoegen", "Add an expense"),
  removeLine: t3("Retirer la dépense {n}", "Uitgave {n} verwijderen", "Remove expense {n}"),
  line: t3("Dépense {n}", "Uitgave {n}", "Expense {n}"),
  eurosHint: t3(
    "En euros, par exemple 125,50.",
    "In euro, bijvoorbeeld 125,50.",
    "In euros, for example 125.50.",
  ),
  eurosInvalid: t3(
    "{label} doit être un montant en euros supérieur à zéro, avec au plus deux décimales et des milliers groupés par trois, par exemple 125,50 ou 1.250,50.",
    "{label} moet een bedrag in euro boven nul zijn, met hoogstens twee decimalen en duizendtallen per drie gegroepeerd, bijvoorbeeld 125,50 of 1.250,50.",
    "{label} must be an amount in euros above zero, with at most two decimals and thousands grouped by three, for example 125.50 or 1,250.50.",
  ),
  eurosInvalidZero: t3(
    "{label} doit être un montant en euros (0 si aucun), avec au plus deux décimales, par exemple 1250, 1250,50 ou 1.250,50.",
    "{label} moet een bedrag in euro zijn (0 als er geen is), met hoogstens twee decimalen, bijvoorbeeld 1250, 1250,50 of 1.250,50.",
    "{label} must be an amount in euros (0 if none), with at most two decimals, for example 1250, 1250.50 or 1,250.50.",
  ),
  ibanLooksLike: t3("Lu comme : {iban}", "Gelezen als: {iban}", "Read as: {iban}"),
  chooseFile: t3("Ajouter un fichier", "Bestand toevoegen", "Add a file"),
  removeFile: t3("Retirer {name}", "{name} verwijderen", "Remove {name}"),
  uploading: t3(
    "Envoi de {name} : {percent} %",
    "{name} wordt verstuurd: {percent} %",
    "Uploading {name}: {percent}%",
  ),
  uploaded: t3("{name} est joint.", "{name} is toegevoegd.", "{name} is attached."),
  uploadFailed: t3(
    "L'envoi de {name} a échoué : réessayez.",
    "Het versturen van {name} is mislukt: probeer opnieuw.",
    "Uploading {name} failed: try again.",
  ),
  fileTooBig: t3(
    "{name} est trop lourd : 10 Mo au plus.",
    "{name} is te groot: hoogstens 10 MB.",
    "{name} is too large: 10 MB at most.",
  ),
  uploadBusy: t3(
    "Attendez la fin de l'envoi des fichiers.",
    "Wacht tot de bestanden verstuurd zijn.",
    "Wait until the files are uploaded.",
  ),
  errorsTitle: t3(
    "{n, plural, one {Votre demande contient une erreur :} other {Votre demande contient # erreurs :}}",
    "{n, plural, one {Uw aanvraag bevat één fout:} other {Uw aanvraag bevat # fouten:}}",
    "{n, plural, one {Your request has one error:} other {Your request has # errors:}}",
  ),
  review: t3("Vérifier ma demande", "Mijn aanvraag nakijken", "Review my request"),
  summaryTitle: t3("Vérifiez avant d'envoyer", "Nakijken vóór verzenden", "Check before sending"),
  edit: t3("Modifier", "Wijzigen", "Edit"),
  send: t3("Envoyer la demande", "Aanvraag versturen", "Send the request"),
  sending: t3("Envoi en cours…", "Bezig met versturen…", "Sending…"),
  networkError: t3(
    "La connexion a échoué. Votre demande n'est peut-être pas partie : renvoyez-la, elle ne sera pas enregistrée deux fois.",
    "De verbinding is mislukt. Uw aanvraag is misschien niet verstuurd: verstuur ze opnieuw, ze wordt niet dubbel geregistreerd.",
    "The connection failed. Your request may not have been sent: send it again, it will not be recorded twice.",
  ),
  serverError: t3(
    "Le service ne répond pas correctement ({status}). Réessayez dans un instant.",
    "De dienst antwoordt niet correct ({status}). Probeer het zo meteen opnieuw.",
    "The service is not answering correctly ({status}). Try again in a moment.",
  ),
  successTitle: t3("Demande envoyée", "Aanvraag verstuurd", "Request sent"),
  successText: t3(
    "Nous avons bien reçu votre demande. Suivez-la avec ce lien privé ; nous vous l'avons aussi envoyé par e-mail.",
    "We hebben uw aanvraag ontvangen. Volg ze met deze persoonlijke link; we hebben hem u ook gemaild.",
    "We have received your request. Follow it with this private link; we have also emailed it to you.",
  ),
  statusLink: t3("Lien de suivi", "Link om te volgen", "Status link"),
  copy: t3("Copier le lien", "Link kopiëren", "Copy the link"),
  copied: t3("Lien copié.", "Link gekopieerd.", "Link copied."),
  newRequest: t3("Faire une autre demande", "Nog een aanvraag doen", "Make another request"),
  none: t3("aucun", "geen", "none"),
  yes: t3("oui", "ja", "yes"),
  no: t3("non", "nee", "no"),
  fullDay: t3("journée complète", "volledige dag", "full day"),
  hoursN: t3("{n} h", "{n} u", "{n} h"),
  cachetsN: t3(
    "{n, plural, one {# cachet} other {# cachets}}",
    "{n, plural, one {# cachet} other {# cachets}}",
    "{n, plural, one {# cachet} other {# cachets}}",
  ),
  // Status page
  statusTitle: t3("Suivi de votre demande", "Opvolging van uw aanvraag", "Your request"),
  loading: t3("Chargement…", "Laden…", "Loading…"),
  planUnavailable: t3(
    "Le formulaire n'a pas pu charger les règles du plan (périodes, plafonds). Vérifiez votre connexion et réessayez.",
    "Het formulier kon de regels van het plan (periodes, maxima) niet laden. Controleer uw verbinding en probeer opnieuw.",
    "The form could not load the plan's rules (periods, caps). Check your connection and try again.",
  ),
  retry: t3("Réessayer", "Opnieuw proberen", "Try again"),
  confirmTitle: t3("Confirmation", "Bevestiging", "Confirmation"),
  boardTitle: t3("Tableau d'entraide", "Solidariteitsbord", "Mutual-aid board"),
  notFound: t3(
    "Ce lien de suivi n'est pas valable. Utilisez le lien complet reçu par e-mail.",
    "Deze link is niet geldig. Gebruik de volledige link uit de e-mail.",
    "This status link is not valid. Use the complete link from the email.",
  ),
  noToken: t3(
    "Il manque le code de suivi dans l'adresse. Ouvrez le lien complet reçu par e-mail.",
    "De code ontbreekt in het adres. Open de volledige link uit de e-mail.",
    "The address has no status code. Open the complete link from the email.",
  ),
  status: t3("Statut", "Status", "Status"),
  requestType: t3("Type", "Soort", "Type"),
  submittedOn: t3("Envoyée le", "Verstuurd op", "Sent on"),
  sentOn: t3("Envoyé le", "Verstuurd op", "Sent on"),
  amountAsked: t3("Montant demandé", "Gevraagd bedrag", "Amount asked"),
  amountApproved: t3("Montant accordé", "Toegekend bedrag", "Amount granted"),
  nextStep: t3("Et maintenant ?", "Wat nu?", "What happens next"),
  history: t3("Historique", "Verloop", "History"),
  checks: t3("Vérifications", "Controles", "Checks"),
  payout: t3("Versement", "Uitbetaling", "Payout"),
  reference: t3("Communication", "Mededeling", "Reference"),
  paidOn: t3("Payé le", "Betaald op", "Paid on"),
  loanSchedule: t3("Échéancier du prêt", "Aflossingsplan", "Loan schedule"),
  installment: t3("Échéance", "Termijn", "Instalment"),
  dueDate: t3("Date", "Vervaldag", "Due date"),
  amountDue: t3("Montant", "Bedrag", "Amount"),
  paid: t3("Payé", "Betaald", "Paid"),
  outstanding: t3("Reste à rembourser", "Nog terug te betalen", "Still to repay"),
  infoAsked: t3(
    "On vous demande des informations",
    "Er wordt u meer informatie gevraagd",
    "More information is asked",
  ),
  answer: t3("Envoyer ma réponse", "Mijn antwoord versturen", "Send my answer"),
  ibanAsked: t3(
    "La banque a renvoyé le virement : indiquez un autre IBAN",
    "De bank heeft de overschrijving teruggestuurd: geef een ander IBAN op",
    "The bank returned the transfer: give another IBAN",
  ),
  fixFields: t3("Corrigez ces champs", "Verbeter deze velden", "Correct these fields"),
  keptDocument: t3(
    "Justificatif déjà envoyé",
    "Reeds verzonden bewijsstuk",
    "Receipt already sent",
  ),
  answerBy: t3(
    "Répondez au plus tard le {date} ; sans réponse, la demande expire.",
    "Antwoord uiterlijk op {date}; zonder antwoord vervalt de aanvraag.",
    "Answer by {date} at the latest; without an answer the request expires.",
  ),
  answerSent: t3(
    "Votre réponse est envoyée.",
    "Uw antwoord is verstuurd.",
    "Your answer has been sent.",
  ),
  withdrawTitle: t3("Retirer ma demande", "Mijn aanvraag intrekken", "Withdraw my request"),
  withdrawExplain: t3(
    "Une demande retirée ne peut pas être rouverte.",
    "Een ingetrokken aanvraag kan niet heropend worden.",
    "A withdrawn request cannot be reopened.",
  ),
  withdrawConfirm: t3(
    "Oui, retirer ma demande",
    "Ja, mijn aanvraag intrekken",
    "Yes, withdraw my request",
  ),
  cancel: t3("Annuler", "Annuleren", "Cancel"),
  withdrawn: t3(
    "Votre demande est retirée.",
    "Uw aanvraag is ingetrokken.",
    "Your request is withdrawn.",
  ),
  // Decision page
  decisionTitle: t3(
    "Décision sur une demande",
    "Beslissing over een aanvraag",
    "Decision on a request",
  ),
  member: t3("Membre", "Lid", "Member"),
  documents: t3("Documents", "Documenten", "Documents"),
  warnings: t3("Points d'attention", "Aandachtspunten", "Warnings"),
  earlierDecisions: t3("Décisions précédentes", "Eerdere beslissingen", "Earlier decisions"),
  noDecisions: t3("Aucune pour l'instant.", "Nog geen.", "None yet."),
  approver: t3("Vous décidez en tant que {who}.", "U beslist als {who}.", "You decide as {who}."),
  approvals: t3(
    "{n, plural, one {Une approbation suffit.} other {# approbations de personnes différentes sont nécessaires.}}",
    "{n, plural, one {Eén goedkeuring volstaat.} other {# goedkeuringen van verschillende personen zijn nodig.}}",
    "{n, plural, one {One approval is enough.} other {# approvals by different people are needed.}}",
  ),
  approveAmount: t3(
    "Montant accordé (facultatif, s'il est inférieur)",
    "Toegekend bedrag (optioneel, als het lager is)",
    "Amount granted (optional, if lower)",
  ),
  approveAmountTooHigh: t3(
    "{label} ne peut pas dépasser le montant demandé ({max}).",
    "{label} mag het gevraagde bedrag ({max}) niet overschrijden.",
    "{label} cannot exceed the amount asked ({max}).",
  ),
  commentHint: t3(
    "Obligatoire pour refuser (le motif) ou demander des informations (la question).",
    "Verplicht om te weigeren (de reden) of informatie te vragen (de vraag).",
    "Required to reject (the reason) or to ask for information (the question).",
  ),
  confirmDecision: t3("Confirmer ma décision", "Mijn beslissing bevestigen", "Confirm my decision"),
  decided: t3(
    "Votre décision est enregistrée. Statut de la demande : {status}.",
    "Uw beslissing is geregistreerd. Status van de aanvraag: {status}.",
    "Your decision is recorded. Status of the request: {status}.",
  ),
  closed: t3(
    "Cette demande n'attend plus votre décision.",
    "Deze aanvraag wacht niet meer op uw beslissing.",
    "This request no longer awaits your decision.",
  ),
  closedAt: t3("{decision} le {at}.", "{decision} op {at}.", "{decision} on {at}."),
  closedBy: t3(
    "{decision} par {by} le {at}.",
    "{decision} door {by} op {at}.",
    "{decision} by {by} on {at}.",
  ),
  total: t3("Total", "Totaal", "Total"),
  windowHint: t3(
    "Des jours entre le {from} et le {to} : la période que couvre le plan.",
    "Dagen tussen {from} en {to}: de periode die het plan dekt.",
    "Days between {from} and {to}: the period the plan covers.",
  ),
  cancellationHint: t3(
    "Le {from} ou après, et pas dans le futur.",
    "Op {from} of later, en niet in de toekomst.",
    "On {from} or later, and not in the future.",
  ),
  dailyHint: t3(
    "Soit {daily} brut par jour pour {days, plural, one {# jour} other {# jours}} de travail (les heures comptent pour une part d'une journée de {hoursPerDay} h, un cachet pour {cachetDays, plural, one {# jour} other {# jour}}) ; au-delà de {cap} par jour, la demande est signalée aux approbateurs.",
    "Dat is {daily} bruto per dag voor {days, plural, one {# werkdag} other {# werkdagen}} (uren tellen als deel van een dag van {hoursPerDay} u, een cachet als {cachetDays, plural, one {# dag} other {# dag}}); boven {cap} per dag wordt de aanvraag aan de goedkeurders gemeld.",
    "That is {daily} gross per day for {days, plural, one {# day} other {# days}} of work (hours count as a share of a {hoursPerDay}-hour day, a cachet as {cachetDays, plural, one {# day} other {# day}}); above {cap} per day, approvers are told.",
  ),
  aidCapHint: t3(
    "Au plus {max} ; une aide accordée au plus par période de {days} jours.",
    "Hoogstens {max}; hoogstens één toegekende hulp per periode van {days} dagen.",
    "At most {max}; at most one aid granted per {days} days.",
  ),
  expensesCapHint: t3(
    "Au plus {max} au total.",
    "Hoogstens {max} in totaal.",
    "At most {max} in total.",
  ),
  rangeHint: t3("Entre {min} et {max}.", "Tussen {min} en {max}.", "Between {min} and {max}."),
  rejectionReason: t3("Motif du refus", "Reden van de weigering", "Reason for the rejection"),
  noReasonGiven: t3(
    "Aucun motif n'a été donné.",
    "Er werd geen reden opgegeven.",
    "No reason was given.",
  ),
  approverComments: t3(
    "Commentaire du responsable",
    "Opmerking van de verantwoordelijke",
    "The approver's comment",
  ),
  grantedAmount: t3(
    "Montant accordé : {amount}.",
    "Toegekend bedrag: {amount}.",
    "Amount granted: {amount}.",
  ),
  repayTo: t3("Compte de remboursement", "Rekening voor de terugbetaling", "Account to repay to"),
  paymentReference: t3(
    "Communication structurée à indiquer",
    "Te vermelden gestructureerde mededeling",
    "Structured communication to give",
  ),
  requestDetails: t3("La demande", "De aanvraag", "The request"),
  schedulePreview: t3(
    "Échéancier s'il est versé aujourd'hui",
    "Aflossingsplan bij uitbetaling vandaag",
    "Schedule if paid out today",
  ),
  schedulePreviewHint: t3(
    "Calculé comme si le prêt était versé le {date} ; les dates réelles suivent le versement.",
    "Berekend alsof de lening op {date} wordt uitbetaald; de echte data volgen de uitbetaling.",
    "Worked out as if the loan were paid out on {date}; the real dates follow the payout.",
  ),
  conversation: t3(
    "Échanges avec le membre",
    "Uitwisseling met het lid",
    "Exchanges with the member",
  ),
  askedBy: t3(
    "Question de {by}, le {at} :",
    "Vraag van {by}, op {at}:",
    "Question from {by}, on {at}:",
  ),
  askedByChecks: t3(
    "Vérifications non passées, le {at} :",
    "Niet geslaagde controles, op {at}:",
    "Checks not passed, on {at}:",
  ),
  answeredAt: t3(
    "Réponse du membre, le {at} :",
    "Antwoord van het lid, op {at}:",
    "The member's answer, on {at}:",
  ),
  correctedFields: t3(
    "Champs corrigés : {fields}.",
    "Verbeterde velden: {fields}.",
    "Fields corrected: {fields}.",
  ),
  addedDocuments: t3("Documents ajoutés :", "Toegevoegde documenten:", "Documents added:"),
  noComment: t3("(sans commentaire)", "(zonder opmerking)", "(no comment)"),
  outcomeRejected: t3(
    "Votre refus est enregistré : la demande est refusée et le membre en est informé avec votre motif.",
    "Uw weigering is geregistreerd: de aanvraag is geweigerd en het lid krijgt uw reden.",
    "Your rejection is recorded: the request is rejected and the member is told your reason.",
  ),
  outcomeInfo: t3(
    "Votre question est envoyée au membre ; la demande vous reviendra avec sa réponse.",
    "Uw vraag is naar het lid gestuurd; de aanvraag komt terug met het antwoord.",
    "Your question is sent to the member; the request comes back to you with the answer.",
  ),
  outcomeApproved: t3(
    "Votre approbation est enregistrée : la demande est accordée pour {amount} et le paiement sera programmé.",
    "Uw goedkeuring is geregistreerd: de aanvraag is toegekend voor {amount} en de betaling wordt gepland.",
    "Your approval is recorded: the request is granted for {amount} and the payment will be scheduled.",
  ),
  outcomeWaiting: t3(
    "Votre approbation est enregistrée ({approvals} sur {required}) : la demande attend encore {left, plural, one {une approbation} other {# approbations}}.",
    "Uw goedkeuring is geregistreerd ({approvals} van {required}): de aanvraag wacht nog op {left, plural, one {één goedkeuring} other {# goedkeuringen}}.",
    "Your approval is recorded ({approvals} of {required}): the request still awaits {left, plural, one {one approval} other {# approvals}}.",
  ),
  documentClosed: t3(
    "Ce lien ne donne plus accès aux documents : la décision est prise ou le lien a expiré.",
    "Deze link geeft geen toegang meer tot de documenten: er werd beslist of de link is verlopen.",
    "This link no longer opens the documents: the decision was made or the link expired.",
  ),
  badDecisionLink: t3(
    "Ce lien de décision n'est pas valable. Utilisez le lien complet reçu par e-mail.",
    "Deze beslissingslink is niet geldig. Gebruik de volledige link uit de e-mail.",
    "This decision link is not valid. Use the complete link from the email.",
  ),
  requestReference: t3("Demande", "Aanvraag", "Request"),
  linkExpired: t3(
    "Ce lien de décision a expiré le {at} : il ne permet plus de décider.",
    "Deze beslissingslink is verlopen op {at}: u kunt er niet meer mee beslissen.",
    "This decision link expired on {at}: it can no longer be used to decide.",
  ),
  // Vote page
  voteTitle: t3("Vote du comité", "Stemming van het comité", "Committee vote"),
  voteAs: t3(
    "Vous votez en tant que {who}, membre du {committee}.",
    "U stemt als {who}, lid van {committee}.",
    "You vote as {who}, member of the {committee}.",
  ),
  voteRule: t3(
    "La demande est décidée dès que {quorum} membres ont voté et qu'une majorité approuve ou refuse. Les abstentions comptent pour le quorum, pas pour la majorité. Date limite : {deadline}.",
    "De aanvraag is beslist zodra {quorum} leden hebben gestemd en een meerderheid goedkeurt of weigert. Onthoudingen tellen mee voor het quorum, niet voor de meerderheid. Uiterste datum: {deadline}.",
    "The request is decided once {quorum} members have voted and a majority approves or rejects. Abstentions count toward the quorum, not the majority. Deadline: {deadline}.",
  ),
  tally: t3("Votes à ce jour", "Stemmen tot nu toe", "Votes so far"),
  tallyCounts: t3(
    "{approve} pour, {reject} contre, {abstain, plural, one {# abstention} other {# abstentions}} ; {cast} sur un quorum de {quorum}.",
    "{approve} voor, {reject} tegen, {abstain, plural, one {# onthouding} other {# onthoudingen}}; {cast} van een quorum van {quorum}.",
    "{approve} for, {reject} against, {abstain, plural, one {# abstention} other {# abstentions}}; {cast} of a quorum of {quorum}.",
  ),
  votedBy: t3("{who} : {vote}, le {at}", "{who}: {vote}, op {at}", "{who}: {vote}, on {at}"),
  noVotes: t3("Aucun vote pour l'instant.", "Nog geen stemmen.", "No votes yet."),
  yourVote: t3("Votre vote", "Uw stem", "Your vote"),
  conflictOfInterest: t3(
    "J'ai un conflit d'intérêts : je ne vote pas sur cette demande",
    "Ik heb een belangenconflict: ik stem niet over deze aanvraag",
    "I have a conflict of interest: I do not vote on this request",
  ),
  voteCommentHint: t3(
    "Facultatif : le comité le lira avec le résultat.",
    "Optioneel: het comité leest het bij de uitslag.",
    "Optional: the committee reads it with the outcome.",
  ),
  confirmVote: t3("Confirmer mon vote", "Mijn stem bevestigen", "Confirm my vote"),
  voteRecorded: t3(
    "Votre vote est enregistré. Statut de la demande : {status}.",
    "Uw stem is geregistreerd. Status van de aanvraag: {status}.",
    "Your vote is recorded. Status of the request: {status}.",
  ),
  conflictRecorded: t3(
    "Votre conflit d'intérêts est noté : vous ne votez pas et ne comptez pas pour le quorum.",
    "Uw belangenconflict is genoteerd: u stemt niet en telt niet mee voor het quorum.",
    "Your conflict of interest is recorded: you do not vote and do not count toward the quorum.",
  ),
  voteClosed: t3(
    "Ce lien ne permet plus de voter.",
    "Met deze link kunt u niet meer stemmen.",
    "This link can no longer be used to vote.",
  ),
  youVoted: t3("Vous avez voté : {vote}.", "U hebt gestemd: {vote}.", "You voted: {vote}."),
  youDeclaredConflict: t3(
    "Vous avez déclaré un conflit d'intérêts.",
    "U hebt een belangenconflict gemeld.",
    "You declared a conflict of interest.",
  ),
  badVoteLink: t3(
    "Ce lien de vote n'est pas valable. Utilisez le lien complet reçu par e-mail.",
    "Deze stemlink is niet geldig. Gebruik de volledige link uit de e-mail.",
    "This vote link is not valid. Use the complete link from the email.",
  ),
} satisfies Record<string, Translated>;

export type UiKey = keyof typeof ui;

/** The page text `key` in `language`, `{name}` replaced from `params`. */
export function say(
  key: UiKey,
  language: Language,
  params: Record<string, string | number> = {},
): string {
  return formatMessage(ui[key][language], params, language);
}

export const statusTexts: Record<RequestStatus, Translated> = {
  received: t3("Reçue", "Ontvangen", "Received"),
  checking: t3("En vérification", "Wordt gecontroleerd", "Being checked"),
  "needs-info": t3("Informations demandées", "Informatie gevraagd", "Information needed"),
  "awaiting-approval": t3("En attente de décision", "Wacht op beslissing", "Awaiting a decision"),
  approved: t3("Approuvée", "Goedgekeurd", "Approved"),
  "awaiting-funds": t3("En attente de fonds", "Wacht op middelen", "Awaiting funds"),
  scheduled: t3("Versement programmé", "Uitbetaling gepland", "Payout scheduled"),
  exported: t3("Versement en cours", "Uitbetaling bezig", "Payout under way"),
  paid: t3("Payée", "Betaald", "Paid"),
  "payout-failed": t3("Versement échoué", "Uitbetaling mislukt", "Payout failed"),
  "confirming-iban": t3(
    "Nouvel IBAN à confirmer",
    "Nieuw IBAN te bevestigen",
    "New IBAN to be confirmed",
  ),
  "payout-abandoned": t3("Versement abandonné", "Uitbetaling stopgezet", "Payout abandoned"),
  disputed: t3("Bloquée (contestée)", "Geblokkeerd (betwist)", "Frozen (disputed)"),
  "dispute-closed": t3(
    "Close après contestation",
    "Afgesloten na betwisting",
    "Closed after the dispute",
  ),
  repaying: t3("En remboursement", "Wordt terugbetaald", "Being repaid"),
  repaid: t3("Remboursée", "Terugbetaald", "Repaid"),
  "confirming-co-applicants": t3(
    "Confirmation des membres du projet",
    "Bevestiging door de projectleden",
    "Project members confirming",
  ),
  "co-applicant-declined": t3(
    "Arrêtée : un membre a refusé",
    "Gestopt: een lid weigerde",
    "Stopped: a member declined",
  ),
  "co-applicant-unconfirmed": t3(
    "Arrêtée : un membre n'a pas confirmé",
    "Gestopt: een lid bevestigde niet",
    "Stopped: a member did not confirm",
  ),
  "awaiting-report": t3(
    "En attente du rapport d'étape",
    "Wacht op het tussentijds verslag",
    "Awaiting the milestone report",
  ),
  "report-checking": t3(
    "Rapport en vérification",
    "Verslag wordt nagekeken",
    "Report being checked",
  ),
  "report-needs-info": t3(
    "Précisions demandées sur le rapport",
    "Meer uitleg gevraagd over het verslag",
    "More information asked on the report",
  ),
  closed: t3("Projet clôturé", "Project afgesloten", "Project closed"),
  rejected: t3("Refusée", "Geweigerd", "Rejected"),
  withdrawn: t3("Retirée", "Ingetrokken", "Withdrawn"),
  expired: t3("Expirée", "Verlopen", "Expired"),
};

export function statusText(status: string, language: Language): string {
  return (statusTexts as Record<string, Translated>)[status]?.[language] ?? status;
}

/** A payout's own statuses where they are not a request's (`batched`, `abandoned`). */
export const payoutStatusTexts: Record<Exclude<PayoutStatus, RequestStatus>, Translated> = {
  batched: t3("Dans un lot de paiement", "In een betalingsbatch", "In a payment batch"),
  abandoned: t3(
    "Abandonné, montant rendu au fonds",
    "Stopgezet, bedrag terug naar het fonds",
    "Abandoned, amount returned to the fund",
  ),
};

/** A payout's status in words: its own where it has one, else the request status of that name. */
export function payoutStatusText(status: string, language: Language): string {
  return (
    (payoutStatusTexts as Record<string, Translated>)[status]?.[language] ??
    statusText(status, language)
  );
}

/** What a decision made was, for "… by x on date" (past participles, not the buttons' verbs). */
export const decidedTexts: Record<string, Translated> = {
  approve: t3("Approuvée", "Goedgekeurd", "Approved"),
  reject: t3("Refusée", "Geweigerd", "Rejected"),
  "request-info": t3("Informations demandées", "Informatie gevraagd", "Information requested"),
  expired: t3("Lien expiré", "Link verlopen", "Link expired"),
};

const outcomeWords: Record<string, Translated> = {
  pass: t3("Réussi :", "Geslaagd:", "Passed:"),
  fail: t3("Échoué :", "Mislukt:", "Failed:"),
  warn: t3("Attention :", "Let op:", "Warning:"),
};

/** A check's outcome in words, so that colour is never the only sign. */
export function outcomeWord(outcome: string, language: Language): string {
  return outcomeWords[outcome]?.[language] ?? outcome;
}
