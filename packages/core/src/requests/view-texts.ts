import type { Translated } from "./i18n";

/** What the member reads of their request's history: engine events are not shown. */
export const historyLabels: Record<string, Translated> = {
  Received: { fr: "Demande reçue", nl: "Aanvraag ontvangen", en: "Request received" },
  ChecksCompleted: {
    fr: "Vérifications effectuées",
    nl: "Controles uitgevoerd",
    en: "Checks completed",
  },
  InfoRequested: {
    fr: "Informations demandées",
    nl: "Informatie gevraagd",
    en: "More information requested",
  },
  InfoAnswered: { fr: "Informations envoyées", nl: "Informatie verzonden", en: "Information sent" },
  ApprovalRequested: {
    fr: "Envoyée pour décision",
    nl: "Ter beslissing voorgelegd",
    en: "Sent for a decision",
  },
  Escalated: {
    fr: "Transmise aux suppléants",
    nl: "Doorgestuurd naar plaatsvervangers",
    en: "Passed to the backup approvers",
  },
  "Decision.approve": {
    fr: "Approuvée par un responsable",
    nl: "Goedgekeurd door een verantwoordelijke",
    en: "Approved by an approver",
  },
  "Decision.reject": { fr: "Refusée", nl: "Geweigerd", en: "Rejected" },
  "Decision.request-info": {
    fr: "Question d’un responsable",
    nl: "Vraag van een verantwoordelijke",
    en: "Question from an approver",
  },
  Approved: {
    fr: "Demande approuvée",
    nl: "Aanvraag goedgekeurd",
    en: "Request approved",
  },
  FundsReserved: {
    fr: "Montant réservé, paiement programmé",
    nl: "Bedrag gereserveerd, betaling gepland",
    en: "Amount reserved, payment scheduled",
  },
  AwaitingFunds: {
    fr: "En attente de fonds disponibles",
    nl: "Wacht op beschikbare middelen",
    en: "Waiting for funds",
  },
  IbanClaimReceived: {
    fr: "Nouvel IBAN reçu, à confirmer depuis l’adresse du registre",
    nl: "Nieuw IBAN ontvangen, te bevestigen vanaf het adres uit het register",
    en: "New IBAN received, to be confirmed from the register's address",
  },
  IbanConfirmed: {
    fr: "Nouvel IBAN confirmé",
    nl: "Nieuw IBAN bevestigd",
    en: "New IBAN confirmed",
  },
  PayoutReturned: {
    fr: "Le virement payé a été renvoyé par la banque",
    nl: "De betaalde overschrijving werd door de bank teruggestuurd",
    en: "The paid transfer was returned by the bank",
  },
  PayoutAbandoned: {
    fr: "Montant retourné au fonds faute d’IBAN",
    nl: "Bedrag teruggegaan naar het fonds zonder IBAN",
    en: "Amount returned to the fund for lack of an IBAN",
  },
  PayoutReopened: {
    fr: "Demande rouverte : le montant est à nouveau réservé",
    nl: "Aanvraag heropend: het bedrag is opnieuw gereserveerd",
    en: "Request reopened: the amount is reserved again",
  },
  Disputed: {
    fr: "Bloquée : le membre inscrit dit ne pas en être à l’origine",
    nl: "Geblokkeerd: het ingeschreven lid zegt het niet te zijn",
    en: "Frozen: the registered member says it was not them",
  },
  DisputeClosed: {
    fr: "Close par la coopérative après vérification de la contestation, sans paiement",
    nl: "Afgesloten door de coöperatie na controle van de betwisting, zonder betaling",
    en: "Closed by the cooperative after looking into the dispute, unpaid",
  },
  FundsReleased: {
    fr: "Montant réservé retourné au fonds",
    nl: "Gereserveerd bedrag teruggegaan naar het fonds",
    en: "Reserved amount returned to the fund",
  },
  PayoutRescheduled: {
    fr: "Paiement reprogrammé",
    nl: "Betaling opnieuw gepland",
    en: "Payment rescheduled",
  },
  Exported: {
    fr: "Virement transmis à la banque",
    nl: "Overschrijving doorgegeven aan de bank",
    en: "Transfer sent to the bank",
  },
  Paid: { fr: "Paiement effectué", nl: "Betaling uitgevoerd", en: "Payment made" },
  PayoutFailed: {
    fr: "Le virement a été renvoyé par la banque",
    nl: "De overschrijving werd door de bank teruggestuurd",
    en: "The transfer was returned by the bank",
  },
  RepaymentRecorded: {
    fr: "Remboursement enregistré",
    nl: "Terugbetaling geregistreerd",
    en: "Repayment recorded",
  },
  RecoveryRecorded: {
    fr: "Montant récupéré auprès du client",
    nl: "Bedrag teruggekregen van de klant",
    en: "Amount recovered from the client",
  },
  Rejected: { fr: "Demande refusée", nl: "Aanvraag geweigerd", en: "Request rejected" },
  Withdrawn: { fr: "Demande retirée", nl: "Aanvraag ingetrokken", en: "Request withdrawn" },
  Expired: { fr: "Demande expirée", nl: "Aanvraag verlopen", en: "Request expired" },
};

export const nextSteps: Record<string, Translated> = {
  received: {
    fr: "Nous vérifions votre demande.",
    nl: "We controleren uw aanvraag.",
    en: "We are checking your request.",
  },
  checking: {
    fr: "Nous vérifions votre demande.",
    nl: "We controleren uw aanvraag.",
    en: "We are checking your request.",
  },
  "needs-info": {
    fr: "Répondez à la demande d’informations ci-dessous.",
    nl: "Beantwoord de vraag om informatie hieronder.",
    en: "Answer the request for information below.",
  },
  "awaiting-approval": {
    fr: "Un responsable va décider de votre demande.",
    nl: "Een verantwoordelijke beslist over uw aanvraag.",
    en: "An approver will decide on your request.",
  },
  // awaiting-approval while a committee votes (the request's `vote` is open).
  "awaiting-approval-vote": {
    fr: "Le comité vote sur votre demande ; vous serez informé du résultat par e-mail.",
    nl: "Het comité stemt over uw aanvraag; u krijgt de uitslag per e-mail.",
    en: "The committee is voting on your request; you will be told the outcome by email.",
  },
  // approved and held until the member at the register's address answers (or the delay ends).
  "approved-owner-hold": {
    fr: "Votre demande est approuvée ; le paiement attend la réponse du membre à l’adresse de notre registre.",
    nl: "Uw aanvraag is goedgekeurd; de betaling wacht op het antwoord van het lid op het adres in ons register.",
    en: "Your request is approved; payment waits for the answer of the member at the address in our register.",
  },
  approved: {
    fr: "Votre demande est approuvée ; nous réservons le montant pour le paiement.",
    nl: "Uw aanvraag is goedgekeurd; we reserveren het bedrag voor de betaling.",
    en: "Your request is approved; we are reserving the amount for payment.",
  },
  "awaiting-funds": {
    fr: "Votre demande est approuvée ; le paiement attend que le fonds soit réalimenté.",
    nl: "Uw aanvraag is goedgekeurd; de betaling wacht tot het fonds wordt aangevuld.",
    en: "Your request is approved; payment waits until the fund is topped up.",
  },
  scheduled: {
    fr: "Le paiement est programmé.",
    nl: "De betaling is gepland.",
    en: "The payment is scheduled.",
  },
  exported: {
    fr: "Le virement a été transmis à la banque ; il arrivera sous quelques jours ouvrables.",
    nl: "De overschrijving is aan de bank doorgegeven; ze komt binnen enkele werkdagen aan.",
    en: "The transfer has been sent to the bank; it will arrive within a few working days.",
  },
  paid: {
    fr: "Le paiement a été effectué.",
    nl: "De betaling is uitgevoerd.",
    en: "The payment has been made.",
  },
  "payout-failed": {
    fr: "Le virement a échoué : vérifiez votre IBAN.",
    nl: "De overschrijving is mislukt: controleer uw IBAN.",
    en: "The transfer failed: check your IBAN.",
  },
  "confirming-iban": {
    fr: "Confirmez le nouveau compte depuis le lien envoyé à l’adresse de notre registre des membres.",
    nl: "Bevestig de nieuwe rekening via de link die naar het adres in ons ledenregister werd gestuurd.",
    en: "Confirm the new account from the link sent to the address in our members register.",
  },
  "payout-abandoned": {
    fr: "Sans nouvel IBAN à temps, le montant est retourné au fonds : contactez la coopérative pour rouvrir la demande.",
    nl: "Zonder nieuw IBAN op tijd ging het bedrag terug naar het fonds: neem contact op met de coöperatie om de aanvraag te heropenen.",
    en: "Without a new IBAN in time, the amount went back to the fund: contact the cooperative to reopen the request.",
  },
  disputed: {
    fr: "La demande est bloquée : le membre inscrit dit ne pas en être à l’origine. Nos équipes vérifient.",
    nl: "De aanvraag is geblokkeerd: het ingeschreven lid zegt ze niet te hebben ingediend. Onze teams kijken het na.",
    en: "The request is frozen: the registered member says they did not make it. Our teams are checking.",
  },
  "dispute-closed": {
    fr: "Après vérification, la coopérative a clos cette demande contestée : rien ne sera payé. Le membre inscrit a reçu le motif par e-mail.",
    nl: "Na controle heeft de coöperatie deze betwiste aanvraag afgesloten: er wordt niets betaald. Het ingeschreven lid kreeg de reden per e-mail.",
    en: "After looking into it, the cooperative closed this disputed request: nothing will be paid. The registered member was emailed the reason.",
  },
  repaying: {
    fr: "Remboursez selon l’échéancier ci-dessous.",
    nl: "Betaal terug volgens het schema hieronder.",
    en: "Repay according to the schedule below.",
  },
  repaid: {
    fr: "Le prêt est entièrement remboursé.",
    nl: "De lening is volledig terugbetaald.",
    en: "The loan is fully repaid.",
  },
  rejected: {
    fr: "Votre demande a été refusée.",
    nl: "Uw aanvraag is geweigerd.",
    en: "Your request was rejected.",
  },
  withdrawn: {
    fr: "Vous avez retiré votre demande.",
    nl: "U hebt uw aanvraag ingetrokken.",
    en: "You withdrew your request.",
  },
  expired: {
    fr: "Votre demande a expiré faute de réponse.",
    nl: "Uw aanvraag is verlopen bij gebrek aan antwoord.",
    en: "Your request expired without an answer.",
  },
  "under-review": {
    fr: "Votre demande est en cours d’examen.",
    nl: "Uw aanvraag wordt onderzocht.",
    en: "Your request is under review.",
  },
  "confirming-co-applicants": {
    fr: "Chaque membre du projet a reçu un e-mail pour confirmer sa participation ; le comité l’examine ensuite.",
    nl: "Elk lid van het project kreeg een e-mail om zijn deelname te bevestigen; daarna bekijkt het comité het.",
    en: "Each member of the project was emailed to confirm taking part; the committee looks at it then.",
  },
  "co-applicant-declined": {
    fr: "Un membre a dit ne pas faire partie du projet : il ne peut pas être examiné. Vous pouvez en présenter un nouveau.",
    nl: "Een lid zei geen deel uit te maken van het project: het kan niet bekeken worden. U kunt een nieuw indienen.",
    en: "A member said they are not part of the project: it cannot be looked at. You may send a new one.",
  },
  "co-applicant-unconfirmed": {
    fr: "Un membre n’a pas confirmé à temps : le projet ne peut pas être examiné. Vous pouvez en présenter un nouveau.",
    nl: "Een lid bevestigde niet op tijd: het project kan niet bekeken worden. U kunt een nieuw indienen.",
    en: "A member did not confirm in time: the project cannot be looked at. You may send a new one.",
  },
  "awaiting-report": {
    fr: "Quand l’étape suivante est atteinte, envoyez votre rapport ci-dessous pour demander la tranche suivante.",
    nl: "Zodra de volgende mijlpaal bereikt is, stuurt u hieronder uw verslag om de volgende schijf te vragen.",
    en: "Once the next milestone is reached, send your report below to ask for the next tranche.",
  },
  "report-checking": {
    fr: "Un membre du comité vérifie votre rapport.",
    nl: "Een lid van het comité kijkt uw verslag na.",
    en: "A committee member is checking your report.",
  },
  "report-needs-info": {
    fr: "Le comité demande des précisions : répondez par un nouveau rapport ci-dessous.",
    nl: "Het comité vraagt meer uitleg: antwoord hieronder met een nieuw verslag.",
    en: "The committee asks for more: answer with a new report below.",
  },
  closed: {
    fr: "Le projet est clôturé ; ce qui n’a pas été versé retourne au fonds.",
    nl: "Het project is afgesloten; wat niet gestort werd, gaat terug naar het fonds.",
    en: "The project is closed; what was not paid goes back to the fund.",
  },
};
