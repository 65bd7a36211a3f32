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
};
