import type { Language } from "../../i18n/language";
import { confirmUrl, manageUrl } from "../board-links";
import { day, moment } from "../format";
import { block, type RenderedEmail, renderEmail } from "../layout";
import type { Words } from "./common";

const colon = (l: Language) => (l === "fr" ? " : " : ": ");

/** What every board email names: the post, by its title. */
export interface BoardPostRef {
  title: string;
}

export interface ManageLink extends BoardPostRef {
  publicUrl: string;
  postId: string;
  manageToken: string;
  /** When the post expires unless renewed (ISO timestamp). */
  expiresAt: string;
}

const shared: Words<{ manage: string; renew: string; footer: string }> = {
  fr: {
    manage: "Gérer mon annonce",
    renew: "Prolonger mon annonce",
    footer:
      "Ce lien est personnel : il permet de modifier, prolonger ou retirer votre annonce. Ne le transférez pas.",
  },
  nl: {
    manage: "Mijn zoekertje beheren",
    renew: "Mijn zoekertje verlengen",
    footer:
      "Deze link is persoonlijk: ermee kunt u uw zoekertje verlengen of weghalen. Stuur hem niet door.",
  },
  en: {
    manage: "Manage my post",
    renew: "Renew my post",
    footer: "This link is personal: it renews or removes your post. Do not forward it.",
  },
};

const confirmWords: Words<{
  subject: string;
  heading: string;
  intro: string;
  button: string;
  post: string;
  until: (w: string) => string;
  notYou: string;
}> = {
  fr: {
    subject: "Confirmez votre annonce sur le tableau d'entraide",
    heading: "Confirmez votre annonce",
    intro:
      "Une annonce a été déposée avec votre numéro de membre. Elle ne sera publiée que si vous la confirmez. Seuls votre prénom et la région seront visibles ; personne ne verra votre adresse.",
    button: "Voir et publier mon annonce",
    post: "Votre annonce",
    until: (w) => `Ce lien est valable jusqu'au ${w}.`,
    notYou: "Si ce n'est pas vous, ignorez cet e-mail : rien ne sera publié.",
  },
  nl: {
    subject: "Bevestig uw zoekertje op het solidariteitsbord",
    heading: "Bevestig uw zoekertje",
    intro:
      "Er werd een zoekertje geplaatst met uw lidnummer. Het wordt pas gepubliceerd als u het bevestigt. Alleen uw voornaam en de regio zijn zichtbaar; niemand ziet uw adres.",
    button: "Mijn zoekertje bekijken en publiceren",
    post: "Uw zoekertje",
    until: (w) => `Deze link is geldig tot ${w}.`,
    notYou: "Was u het niet? Negeer deze e-mail: er wordt niets gepubliceerd.",
  },
  en: {
    subject: "Confirm your post on the mutual-aid board",
    heading: "Confirm your post",
    intro:
      "A post was made with your member number. It is published only if you confirm it. Only your first name and the region are shown; nobody sees your address.",
    button: "See and publish my post",
    post: "Your post",
    until: (w) => `This link works until ${w}.`,
    notYou: "If this was not you, ignore this email: nothing will be published.",
  },
};

/** To the register's address: the link that publishes the post (nothing is public before). */
export function boardConfirm(
  p: BoardPostRef & { publicUrl: string; token: string; expiresAt: string },
  language: Language,
): RenderedEmail {
  const w = confirmWords[language];
  return renderEmail(
    {
      subject: w.subject,
      heading: w.heading,
      blocks: [
        block.p(w.intro),
        block.quote(w.post, p.title),
        block.actions([{ label: w.button, url: confirmUrl(p.publicUrl, p.token) }]),
        block.note(w.until(moment(p.expiresAt, language))),
        block.note(w.notYou),
      ],
    },
    language,
  );
}

const publishedWords: Words<{ subject: string; heading: string; intro: (d: string) => string }> = {
  fr: {
    subject: "Votre annonce est publiée",
    heading: "Votre annonce est en ligne",
    intro: (d) =>
      `Elle restera visible jusqu'au ${d}. Les réponses vous parviendront par e-mail, par la coopérative : vous choisissez à qui répondre.`,
  },
  nl: {
    subject: "Uw zoekertje is gepubliceerd",
    heading: "Uw zoekertje staat online",
    intro: (d) =>
      `Het blijft zichtbaar tot ${d}. Antwoorden krijgt u per e-mail via de coöperatie: u kiest zelf wie u antwoordt.`,
  },
  en: {
    subject: "Your post is published",
    heading: "Your post is on the board",
    intro: (d) =>
      `It stays visible until ${d}. Answers reach you by email, through the cooperative: you choose whom to answer.`,
  },
};

function manageBlocks(p: ManageLink, language: Language, renew = false) {
  const w = shared[language];
  return [
    block.actions([
      renew
        ? { label: w.renew, url: manageUrl(p.publicUrl, p.postId, p.manageToken, "renew") }
        : { label: w.manage, url: manageUrl(p.publicUrl, p.postId, p.manageToken) },
    ]),
    block.note(w.footer),
  ];
}

/** To the author: the post is public, with its private management link. */
export function boardPublished(p: ManageLink, language: Language): RenderedEmail {
  const w = publishedWords[language];
  return renderEmail(
    {
      subject: `${w.subject}${colon(language)}${p.title}`,
      heading: w.heading,
      blocks: [
        block.quote(w.heading, p.title),
        block.p(w.intro(day(p.expiresAt, language))),
        ...manageBlocks(p, language),
      ],
    },
    language,
  );
}

const reminderWords: Words<{ subject: string; heading: string; intro: (d: string) => string }> = {
  fr: {
    subject: "Votre annonce expire bientôt",
    heading: "Votre annonce expire bientôt",
    intro: (d) =>
      `Elle disparaîtra du tableau le ${d}. Si elle est toujours d'actualité, prolongez-la.`,
  },
  nl: {
    subject: "Uw zoekertje verloopt binnenkort",
    heading: "Uw zoekertje verloopt binnenkort",
    intro: (d) => `Het verdwijnt van het bord op ${d}. Is het nog actueel? Verleng het dan.`,
  },
  en: {
    subject: "Your post expires soon",
    heading: "Your post expires soon",
    intro: (d) => `It leaves the board on ${d}. If it still applies, renew it.`,
  },
};

/** To the author, before expiry: the renew link. */
export function boardReminder(p: ManageLink, language: Language): RenderedEmail {
  const w = reminderWords[language];
  return renderEmail(
    {
      subject: `${w.subject}${colon(language)}${p.title}`,
      heading: w.heading,
      blocks: [
        block.quote(w.heading, p.title),
        block.p(w.intro(day(p.expiresAt, language))),
        ...manageBlocks(p, language, true),
      ],
    },
    language,
  );
}

const endWords: Words<
  Record<"expired" | "hidden" | "warned", { subject: string; heading: string; text: string }>
> = {
  fr: {
    expired: {
      subject: "Votre annonce a expiré",
      heading: "Votre annonce a expiré",
      text: "Elle n'est plus visible. Vous pouvez en déposer une nouvelle à tout moment. Elle sera effacée dans 90 jours.",
    },
    hidden: {
      subject: "Votre annonce a été retirée",
      heading: "Votre annonce a été retirée par les modérateurs",
      text: "Après un signalement, les modérateurs de la coopérative ont retiré votre annonce du tableau, qui est réservé à l'entraide entre membres, sans commerce.",
    },
    warned: {
      subject: "À propos de votre annonce",
      heading: "Un avertissement des modérateurs",
      text: "Votre annonce a été signalée. Les modérateurs la laissent en ligne, mais vous demandent de vérifier qu'elle respecte l'esprit du tableau : entraide entre membres, sans commerce ni données personnelles.",
    },
  },
  nl: {
    expired: {
      subject: "Uw zoekertje is verlopen",
      heading: "Uw zoekertje is verlopen",
      text: "Het is niet meer zichtbaar. U kunt altijd een nieuw zoekertje plaatsen. Het wordt binnen 90 dagen gewist.",
    },
    hidden: {
      subject: "Uw zoekertje werd verwijderd",
      heading: "Uw zoekertje werd door de moderatoren verwijderd",
      text: "Na een melding hebben de moderatoren van de coöperatie uw zoekertje van het bord gehaald; het bord is voor hulp tussen leden, zonder handel.",
    },
    warned: {
      subject: "Over uw zoekertje",
      heading: "Een waarschuwing van de moderatoren",
      text: "Uw zoekertje werd gemeld. De moderatoren laten het staan, maar vragen u na te gaan of het past bij het bord: hulp tussen leden, zonder handel of persoonsgegevens.",
    },
  },
  en: {
    expired: {
      subject: "Your post has expired",
      heading: "Your post has expired",
      text: "It is no longer visible. You may post again at any time. It will be erased within 90 days.",
    },
    hidden: {
      subject: "Your post was removed",
      heading: "The moderators removed your post",
      text: "After a report, the cooperative's moderators removed your post from the board, which is for help between members, without commerce.",
    },
    warned: {
      subject: "About your post",
      heading: "A warning from the moderators",
      text: "Your post was reported. The moderators keep it on the board, but ask you to check that it fits the board: help between members, without commerce or personal data.",
    },
  },
};

const endEmail = (kind: "expired" | "hidden" | "warned") =>
  function boardEnd(p: BoardPostRef, language: Language): RenderedEmail {
    const w = endWords[language][kind];
    return renderEmail(
      {
        subject: `${w.subject}${colon(language)}${p.title}`,
        heading: w.heading,
        blocks: [block.quote(w.heading, p.title), block.p(w.text)],
      },
      language,
    );
  };

/** To the author: the post expired. */
export const boardExpired = endEmail("expired");
/** To the author: the moderators hid the post. */
export const boardHidden = endEmail("hidden");
/** To the author: the moderators kept the post, with a warning. */
export const boardWarned = endEmail("warned");
