/** Real-looking replies to an approval email, as mail clients quote and sign them. */

export const quotedFr = `Le lun. 16 mars 2020 à 10:02, Entraide <entraide@smart.test> a écrit :
> Une demande attend votre décision
>
> Approuver : https://entraide.example.org/decision.html#token=x&action=approve
> Refuser : https://entraide.example.org/decision.html#token=x&action=reject
> Vous pouvez aussi répondre à cet e-mail : « OK » ou « APPROUVÉ » pour approuver, « REFUSÉ parce que … »`;

export const quotedGmailWrapped = `On Mon, 16 Mar 2020 at 10:02, Entraide <
entraide@smart.test> wrote:

> A request awaits your decision
> Reject: https://entraide.example.org/decision.html#token=x&action=reject`;

export const quotedNl = `Op ma 16 mrt. 2020 om 10:02 schreef Entraide <entraide@smart.test>:

> Een aanvraag wacht op uw beslissing
> Weigeren: https://entraide.example.org/decision.html#token=x&action=reject`;

export const outlookFr = `________________________________
De : Entraide <entraide@smart.test>
Envoyé : lundi 16 mars 2020 10:02
À : Jean Dupont <jean@activity.example.org>
Objet : Demande à approuver — Contrat annulé, Anna Peeters (M-001234), 1 234,56 € [req-7f3a]

Une demande attend votre décision
Refuser : https://entraide.example.org/decision.html#token=x&action=reject`;

export const outlookEnNoRule = `From: Entraide <entraide@smart.test>
Sent: Monday, March 16, 2020 10:02 AM
To: Jean Dupont <jean@activity.example.org>
Subject: Request to approve

Reject: https://entraide.example.org/decision.html#token=x&action=reject`;

export const originalMessage = `-----Original Message-----
From: Entraide <entraide@smart.test>
Sent: Monday, March 16, 2020 10:02 AM
Subject: Request to approve
Refuser`;
