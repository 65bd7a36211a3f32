import { formatEuros, formatMoment } from "@entraide/core/i18n/format";
import type { Language } from "@entraide/core/i18n/language";
import { type ApiError, api } from "./lib/api";
import { announce, h } from "./lib/dom";
import { facts, pageFrame } from "./lib/page";
import { takeFragment } from "./lib/token";

/** `GET /api/confirmations/current`: what the registered member is asked to confirm. */
interface ConfirmationView {
  requestId: string;
  purpose: "iban" | "identity" | "co-applicant";
  open: boolean;
  /** For a co-applicant: the project that names them, and who named them. */
  project?: { title: string; leadName: string };
  amountCents?: number;
  ibanEnd?: string;
  closedReason?: { answer: string; at: string };
}

type Words = Record<
  | "ibanIntro"
  | "identityIntro"
  | "coApplicantIntro"
  | "confirmCoApplicant"
  | "done-co-applicant-confirm"
  | "done-co-applicant-not-me"
  | "reference"
  | "amount"
  | "account"
  | "confirmIban"
  | "confirmIdentity"
  | "notMe"
  | "done-confirm"
  | "done-owner-confirm"
  | "done-not-me"
  | "closed-expired"
  | "closed-superseded"
  | "closed-used"
  | "badLink",
  string
>;

/** This page's words; kept beside it, as only this page uses them. */
const words: Record<Language, Words> = {
  fr: {
    ibanIntro:
      "Un nouveau compte a été demandé pour le paiement de votre demande. Il ne sera utilisé que si vous le confirmez ici.",
    identityIntro:
      "Une demande a été faite avec votre numéro de membre, mais avec une adresse e-mail ou un compte qui ne sont pas ceux de notre registre.",
    coApplicantIntro:
      "{lead} vous désigne comme co-porteur ou co-porteuse du projet «\u00a0{title}\u00a0», présenté au Fonds d'appui aux initiatives. Confirmez-vous en faire partie ?",
    confirmCoApplicant: "Je confirme",
    "done-co-applicant-not-me": "C'est noté : le projet ne sera pas présenté avec votre nom.",
    "done-co-applicant-confirm":
      "Merci : votre participation au projet est confirmée. Le comité l'examinera quand tous les membres auront confirmé.",
    reference: "Référence",
    amount: "Montant",
    account: "Compte (fin)",
    confirmIban: "Je confirme ce nouveau compte",
    confirmIdentity: "C'est bien moi",
    notMe: "Ce n'est pas moi",
    "done-confirm": "Merci : le nouveau compte est confirmé.",
    "done-owner-confirm": "Merci : votre demande suit son cours.",
    "done-not-me": "C'est noté : la demande est bloquée et nos équipes sont prévenues.",
    "closed-expired": "Ce lien a expiré.",
    "closed-superseded":
      "Ce lien n'est plus valable : un lien plus récent vous a été envoyé, ou la demande a avancé.",
    "closed-used": "Vous avez déjà répondu le {at}.",
    badLink: "Ce lien n'est pas valable. Utilisez le lien complet reçu par e-mail.",
  },
  nl: {
    ibanIntro:
      "Er werd een nieuwe rekening gevraagd voor de betaling van uw aanvraag. Ze wordt alleen gebruikt als u ze hier bevestigt.",
    identityIntro:
      "Er werd een aanvraag ingediend met uw lidnummer, maar met een e-mailadres of rekening die niet in ons register staan.",
    coApplicantIntro:
      "{lead} vermeldt u als medeaanvrager van het project „{title}”, ingediend bij het Fonds voor steun aan initiatieven. Bevestigt u dat u er deel van uitmaakt?",
    confirmCoApplicant: "Ik bevestig",
    "done-co-applicant-not-me": "Genoteerd: het project wordt niet met uw naam ingediend.",
    "done-co-applicant-confirm":
      "Bedankt: uw deelname aan het project is bevestigd. Het comité bekijkt het zodra alle leden bevestigd hebben.",
    reference: "Referentie",
    amount: "Bedrag",
    account: "Rekening (einde)",
    confirmIban: "Ik bevestig deze nieuwe rekening",
    confirmIdentity: "Dat ben ik",
    notMe: "Dit ben ik niet",
    "done-confirm": "Bedankt: de nieuwe rekening is bevestigd.",
    "done-owner-confirm": "Bedankt: uw aanvraag loopt verder.",
    "done-not-me": "Genoteerd: de aanvraag is geblokkeerd en onze teams zijn verwittigd.",
    "closed-expired": "Deze link is verlopen.",
    "closed-superseded":
      "Deze link geldt niet meer: u kreeg een recentere link, of de aanvraag is verder gegaan.",
    "closed-used": "U hebt al geantwoord op {at}.",
    badLink: "Deze link is ongeldig. Gebruik de volledige link uit de e-mail.",
  },
  en: {
    ibanIntro:
      "A new account was asked for the payment of your request. It is used only if you confirm it here.",
    identityIntro:
      "A request was made with your member number, but with an email or an account that are not those of our register.",
    coApplicantIntro:
      "{lead} names you as co-applicant of the project “{title}”, sent to the Initiatives support fund. Do you confirm you are part of it?",
    confirmCoApplicant: "I confirm",
    "done-co-applicant-not-me": "Noted: the project will not go ahead with your name.",
    "done-co-applicant-confirm":
      "Thank you: you are confirmed in the project. The committee looks at it once every member has confirmed.",
    reference: "Reference",
    amount: "Amount",
    account: "Account (last digits)",
    confirmIban: "I confirm this new account",
    confirmIdentity: "Yes, this was me",
    notMe: "This is not me",
    "done-confirm": "Thank you: the new account is confirmed.",
    "done-owner-confirm": "Thank you: your request goes on.",
    "done-not-me": "Noted: the request is frozen and our teams have been told.",
    "closed-expired": "This link has expired.",
    "closed-superseded":
      "This link no longer works: a newer one was sent to you, or the request moved on.",
    "closed-used": "You already answered on {at}.",
    badLink: "This link is not valid. Use the whole link from the email.",
  },
};

const token = takeFragment("entraide.confirm").token;
let view: ConfirmationView | undefined;
let notice: { text: string; error: boolean } | undefined;
const frame = pageFrame("confirmTitle", () => draw());

function closedText(v: ConfirmationView, w: Words, l: Language): string {
  const answer = v.closedReason?.answer ?? "superseded";
  if (answer === "expired") return w["closed-expired"];
  if (answer === "superseded") return w["closed-superseded"];
  return w["closed-used"].replace("{at}", formatMoment(v.closedReason!.at, l));
}

function introText(v: ConfirmationView, w: Words): string {
  if (v.purpose === "co-applicant")
    return w.coApplicantIntro
      .replace("{lead}", v.project?.leadName ?? "")
      .replace("{title}", v.project?.title ?? "");
  return v.purpose === "identity" ? w.identityIntro : w.ibanIntro;
}

function draw(): void {
  const l = frame.language;
  const w = words[l];
  const parts: Node[] = [];
  if (notice)
    parts.push(
      h("p", { class: notice.error ? "error-summary" : "notice", role: "status" }, notice.text),
    );
  if (view) {
    // Once answered, what it asked is history: the page says what was done, and the facts.
    if (!notice) parts.push(h("p", { id: "intro" }, introText(view, w)));
    const rows: [string, string][] = [[w.reference, view.requestId]];
    if (view.amountCents !== undefined) rows.push([w.amount, formatEuros(view.amountCents, l)]);
    if (view.ibanEnd) rows.push([w.account, `…${view.ibanEnd}`]);
    parts.push(facts(rows));
    if (view.open && !notice) {
      const confirm = h(
        "button",
        { type: "button", id: "confirm", class: "primary" },
        { identity: w.confirmIdentity, iban: w.confirmIban, "co-applicant": w.confirmCoApplicant }[
          view.purpose
        ],
      );
      const notMe = h("button", { type: "button", id: "not-me", class: "secondary" }, w.notMe);
      confirm.addEventListener("click", () => send("confirm"));
      notMe.addEventListener("click", () => send("not-me"));
      parts.push(h("div", { class: "actions" }, confirm, notMe));
    } else if (!view.open && !notice) {
      parts.push(h("p", { class: "notice", role: "status" }, closedText(view, w, l)));
    }
  }
  frame.app.replaceChildren(...parts);
}

async function load(): Promise<void> {
  const w = words[frame.language];
  if (!token) {
    notice = { text: w.badLink, error: true };
    return draw();
  }
  const answer = await api<ConfirmationView & ApiError>("GET", "/api/confirmations/current", {
    token,
  });
  if (answer.status === 200) view = answer.body;
  else notice = { text: w.badLink, error: true };
  draw();
}

async function send(choice: "confirm" | "not-me"): Promise<void> {
  const w = words[frame.language];
  const answer = await api<{ status?: string } & ApiError>("POST", "/api/confirmations", {
    token,
    body: { answer: choice },
  });
  if (answer.status === 200) {
    const done =
      choice === "not-me"
        ? view?.purpose === "co-applicant"
          ? "done-co-applicant-not-me"
          : "done-not-me"
        : view?.purpose === "identity"
          ? "done-owner-confirm"
          : view?.purpose === "co-applicant"
            ? "done-co-applicant-confirm"
            : "done-confirm";
    notice = { text: w[done], error: false };
  } else {
    const code = answer.body.error?.code;
    notice = {
      text: code === "token.expired" ? w["closed-expired"] : w["closed-superseded"],
      error: true,
    };
  }
  announce(notice.text);
  draw();
}

void load();
