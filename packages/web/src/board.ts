import type { PostData } from "@entraide/core/board/data";
import type { PostPage, PublicPost } from "@entraide/core/board/records";
import { formatDate } from "@entraide/core/i18n/format";
import {
  isLanguage,
  type Language,
  languages,
  type Translated,
} from "@entraide/core/i18n/language";
import {
  boardFieldLabels,
  boardOptionTexts,
  type ModerationDecision,
  moderationDecisions,
  POST_LIMITS,
  postCategories,
  postKinds,
  postRegions,
  reportReasons,
} from "@entraide/core/plan/board-options";
import { type ApiError, api, fieldErrors } from "./lib/api";
import { announce, focus, h } from "./lib/dom";
import { clearErrors, showErrors } from "./lib/errors";
import { browserLanguage, hasChosenLanguage } from "./lib/lang";
import { facts, pageFrame } from "./lib/page";
import { takeFragment } from "./lib/token";

const t3 = (fr: string, nl: string, en: string): Translated => ({ fr, nl, en });

/** This page's words; kept beside it, as only this page uses them. */
const w = {
  intro: t3(
    "Des membres de la coopérative proposent ou cherchent un coup de main, un cours, un conseil, un objet, une garde d'enfant… Lisez librement, sans inscription. Pour répondre, la coopérative transmet votre message par e-mail : aucune adresse n'est affichée.",
    "Leden van de coöperatie bieden of zoeken hulp, lessen, advies, een voorwerp, kinderopvang… Lees vrij, zonder inschrijving. Wilt u antwoorden? De coöperatie stuurt uw bericht per e-mail door: er staat geen enkel adres op het bord.",
    "Members of the cooperative offer or look for a hand, lessons, advice, an object, childcare… Read freely, without signing up. To answer, the cooperative relays your message by email: no address is shown.",
  ),
  filters: t3("Filtrer les annonces", "Zoekertjes filteren", "Filter the posts"),
  all: t3("Toutes", "Alle", "All"),
  show: t3("Afficher", "Tonen", "Show"),
  none: t3(
    "Aucune annonce pour ces critères.",
    "Geen zoekertjes voor deze keuze.",
    "No posts match.",
  ),
  more: t3("Plus d'annonces", "Meer zoekertjes", "More posts"),
  newPost: t3("Déposer une annonce", "Een zoekertje plaatsen", "Post something"),
  back: t3("Retour au tableau", "Terug naar het bord", "Back to the board"),
  postIntro: t3(
    "Réservé aux membres : indiquez votre numéro de membre et l'adresse e-mail que la coopérative connaît. Nous y enverrons un lien pour publier l'annonce. Seuls votre prénom et la région seront affichés. Les adresses, liens et numéros de téléphone dans le texte sont masqués.",
    "Alleen voor leden: vul uw lidnummer in en het e-mailadres dat de coöperatie kent. We sturen er een link naartoe om het zoekertje te publiceren. Alleen uw voornaam en de regio worden getoond. Adressen, links en telefoonnummers in de tekst worden verborgen.",
    "Members only: give your member number and the email the cooperative knows. We send a link there to publish the post. Only your first name and the region are shown. Addresses, links and phone numbers in the text are masked.",
  ),
  send: t3("Envoyer", "Versturen", "Send"),
  posted: t3(
    "Merci ! Ouvrez l'e-mail que nous venons d'envoyer à l'adresse de votre dossier de membre : l'annonce sera publiée quand vous l'aurez confirmée.",
    "Bedankt! Open de e-mail die we net naar het adres van uw ledendossier stuurden: het zoekertje wordt gepubliceerd zodra u het bevestigt.",
    "Thank you! Open the email we just sent to the address of your member record: the post is published once you confirm it.",
  ),
  answer: t3("Répondre", "Antwoorden", "Answer"),
  answerTo: t3("Répondre à {name}", "Antwoorden aan {name}", "Answer {name}"),
  answerHint: t3(
    "Votre message et votre adresse seront transmis par e-mail à {name}, qui pourra vous répondre directement. Ils ne sont pas affichés sur le tableau.",
    "Uw bericht en adres worden per e-mail doorgestuurd naar {name}, die u rechtstreeks kan antwoorden. Ze staan niet op het bord.",
    "Your message and address are emailed to {name}, who may answer you directly. They are not shown on the board.",
  ),
  answered: t3(
    "Votre message est transmis. Si la personne vous répond, ce sera directement à votre adresse.",
    "Uw bericht wordt doorgestuurd. Als de persoon antwoordt, komt dat rechtstreeks op uw adres.",
    "Your message is on its way. If they answer, it will be straight to your address.",
  ),
  report: t3("Signaler", "Melden", "Report"),
  reportTitle: t3(
    "Signaler cette annonce aux modérateurs",
    "Dit zoekertje melden aan de moderatoren",
    "Report this post to the moderators",
  ),
  reported: t3(
    "Merci : les modérateurs vont l'examiner.",
    "Bedankt: de moderatoren bekijken het.",
    "Thank you: the moderators will look at it.",
  ),
  cancel: t3("Annuler", "Annuleren", "Cancel"),
  by: t3("par {name}", "door {name}", "by {name}"),
  until: t3("jusqu'au {date}", "tot {date}", "until {date}"),
  visibleUntil: t3("Visible jusqu'au", "Zichtbaar tot", "Visible until"),
  errorsTitle: t3("Corrigez ces points", "Verbeter deze punten", "Please correct these"),
  tooMany: t3(
    "Trop de messages en peu de temps : réessayez plus tard.",
    "Te veel berichten op korte tijd: probeer later opnieuw.",
    "Too many messages in a short time: try again later.",
  ),
  gone: t3(
    "Cette annonce n'est plus sur le tableau.",
    "Dit zoekertje staat niet meer op het bord.",
    "This post is no longer on the board.",
  ),
  failed: t3(
    "Cela n'a pas fonctionné : réessayez dans un instant.",
    "Dat lukte niet: probeer zo dadelijk opnieuw.",
    "That did not work: try again in a moment.",
  ),
  badLink: t3(
    "Ce lien n'est pas valable. Utilisez le lien complet reçu par e-mail.",
    "Deze link is ongeldig. Gebruik de volledige link uit de e-mail.",
    "This link is not valid. Use the whole link from the email.",
  ),
  confirmIntro: t3(
    "Voici votre annonce. Elle sera publiée quand vous cliquerez sur le bouton.",
    "Dit is uw zoekertje. Het wordt gepubliceerd wanneer u op de knop klikt.",
    "Here is your post. It is published when you press the button.",
  ),
  publish: t3("Publier mon annonce", "Mijn zoekertje publiceren", "Publish my post"),
  publishing: t3(
    "C'est fait : votre annonce apparaît sur le tableau dans un instant, et vous recevez par e-mail son lien de gestion.",
    "Klaar: uw zoekertje verschijnt zo op het bord, en u krijgt per e-mail de link om het te beheren.",
    "Done: your post appears on the board in a moment, and you receive its management link by email.",
  ),
  closedLink: t3(
    "Ce lien a déjà servi ou n'est plus valable.",
    "Deze link werd al gebruikt of is niet meer geldig.",
    "This link was already used or no longer works.",
  ),
  manageTitle: t3("Votre annonce", "Uw zoekertje", "Your post"),
  status: t3("État", "Status", "Status"),
  renew: t3("Prolonger de 30 jours", "Met 30 dagen verlengen", "Renew for 30 days"),
  close: t3("Retirer l'annonce", "Zoekertje weghalen", "Remove the post"),
  edit: t3("Modifier l'annonce", "Zoekertje wijzigen", "Edit the post"),
  editTitle: t3("Modifier votre annonce", "Uw zoekertje wijzigen", "Edit your post"),
  editHint: t3(
    "Les changements sont visibles tout de suite. Les adresses, liens et numéros de téléphone dans le texte sont masqués ; la date de fin ne change pas.",
    "De wijzigingen zijn meteen zichtbaar. Adressen, links en telefoonnummers in de tekst worden verborgen; de einddatum verandert niet.",
    "Changes show at once. Addresses, links and phone numbers in the text are masked; the end date stays the same.",
  ),
  save: t3("Enregistrer", "Opslaan", "Save"),
  edited: t3("Votre annonce est modifiée.", "Uw zoekertje is gewijzigd.", "Your post is updated."),
  renewed: t3("Votre annonce est prolongée.", "Uw zoekertje is verlengd.", "Your post is renewed."),
  closed: t3(
    "Votre annonce est retirée du tableau.",
    "Uw zoekertje is van het bord gehaald.",
    "Your post is removed from the board.",
  ),
  notNow: t3(
    "Ce n'est plus possible : l'annonce est « {status} ».",
    "Dat kan niet meer: het zoekertje is ‘{status}’.",
    "Not possible any more: the post is “{status}”.",
  ),
  moderateIntro: t3(
    "Cette annonce a été signalée. Votre décision n'est enregistrée que quand vous cliquez sur un bouton.",
    "Dit zoekertje werd gemeld. Uw beslissing wordt pas vastgelegd als u op een knop klikt.",
    "This post was reported. Your decision is recorded only when you press a button.",
  ),
  reasons: t3("Motifs", "Redenen", "Reasons"),
  decided: t3("Décision enregistrée.", "Beslissing vastgelegd.", "Decision recorded."),
  decision: {
    hide: t3("Retirer l'annonce", "Zoekertje verwijderen", "Hide the post"),
    keep: t3("Garder l'annonce", "Zoekertje behouden", "Keep the post"),
    warn: t3(
      "Garder et avertir l'auteur",
      "Behouden en de auteur waarschuwen",
      "Keep and warn the author",
    ),
  } satisfies Record<ModerationDecision, Translated>,
  statuses: {
    "awaiting-confirmation": t3(
      "en attente de confirmation",
      "wacht op bevestiging",
      "awaiting confirmation",
    ),
    screening: t3("en vérification", "wordt nagekeken", "being checked"),
    published: t3("publiée", "gepubliceerd", "published"),
    "in-moderation": t3("en modération", "bij de moderatoren", "with the moderators"),
    closed: t3("retirée", "weggehaald", "removed"),
    expired: t3("expirée", "verlopen", "expired"),
    hidden: t3(
      "retirée par les modérateurs",
      "verwijderd door de moderatoren",
      "hidden by the moderators",
    ),
    dropped: t3("non publiée", "niet gepubliceerd", "not published"),
    erased: t3("effacée", "gewist", "erased"),
  } satisfies Record<PostData["status"], Translated>,
  languageNames: {
    fr: t3("Français", "Frans", "French"),
    nl: t3("Néerlandais", "Nederlands", "Dutch"),
    en: t3("Anglais", "Engels", "English"),
  } satisfies Record<Language, Translated>,
};

const STORAGE_KEY = "entraide.board";
const fragment = takeFragment(STORAGE_KEY);
let filter: Record<string, string> = {};
let page: PostPage = { posts: [] };
type View = "board" | "post" | "confirm" | "manage" | "moderate";
let view: View = ["confirm", "manage", "moderate"].includes(fragment.view ?? "")
  ? (fragment.view as View)
  : "board";
/** The post whose answer or report form is open, if any: one form at a time. */
let open: { postId: string; form: "answer" | "report" } | undefined;
let notice: { text: string; error: boolean; postId?: string } | undefined;
let detail: Record<string, unknown> | undefined;
/** The management page shows the edit form instead of its buttons. */
let editing = false;

const frame = pageFrame("boardTitle", () => draw());
const say = (t: Translated, vars: Record<string, string> = {}) =>
  Object.entries(vars).reduce((s, [k, v]) => s.replace(`{${k}}`, v), t[frame.language]);
const label = (field: string) => say(boardFieldLabels[field]!);
const dateOf = (iso: string) => formatDate(iso, frame.language);

function select(
  field: string,
  values: readonly string[],
  texts: (v: string) => string,
  options: { all?: boolean; value?: string; id?: string } = {},
) {
  const id = options.id ?? `f-${field}`;
  return h(
    "div",
    { class: "field" },
    h("label", { for: id }, label(field)),
    h(
      "select",
      { id, name: field },
      options.all ? h("option", { value: "" }, say(w.all)) : null,
      values.map((v) => h("option", { value: v, selected: options.value === v }, texts(v))),
    ),
  );
}
const kindText = (v: string) => say(boardOptionTexts.kind[v as "offer"]);
const categoryText = (v: string) => say(boardOptionTexts.category[v as "help"]);
const regionText = (v: string) => say(boardOptionTexts.region[v as "online"]);
const languageText = (v: string) => say(w.languageNames[v as Language]);

function input(
  field: string,
  type: "text" | "email",
  max: number,
  autocomplete?: string,
  value?: string,
) {
  const id = `f-${field}`;
  return h(
    "div",
    { class: "field" },
    h("label", { for: id }, label(field)),
    h("input", { id, name: field, type, maxlength: max, autocomplete, required: true, value }),
  );
}
function textarea(field: string, max: number, value?: string) {
  const id = `f-${field}`;
  return h(
    "div",
    { class: "field" },
    h("label", { for: id }, label(field)),
    h("textarea", { id, name: field, rows: 6, maxlength: max, required: true, value }),
  );
}
const valuesOf = (form: HTMLFormElement) =>
  Object.fromEntries([...new FormData(form)].map(([k, v]) => [k, String(v)]));

/** Says what an answer of the API means, in the reader's language; field errors go next to fields. */
function refusal(
  form: HTMLFormElement,
  answer: { status: number; body: ApiError },
): string | undefined {
  const errors = fieldErrors(answer.body);
  if (errors) {
    showErrors(form, errors, say(w.errorsTitle));
    return undefined;
  }
  if (answer.status === 429) return say(w.tooMany);
  if (answer.status === 409 || answer.status === 404) return say(w.gone);
  return say(w.failed);
}

function noticeEl(postId?: string) {
  if (!notice || notice.postId !== postId) return null;
  return h(
    "p",
    { class: `notice ${notice.error ? "error" : "ok"}`, role: "status", tabindex: "-1" },
    notice.text,
  );
}

function filtersForm() {
  const form = h(
    "form",
    { class: "board-tools", "aria-label": say(w.filters) },
    select("kind", postKinds, kindText, { all: true, value: filter.kind, id: "filter-kind" }),
    select("category", postCategories, categoryText, {
      all: true,
      value: filter.category,
      id: "filter-category",
    }),
    select("region", postRegions, regionText, {
      all: true,
      value: filter.region,
      id: "filter-region",
    }),
    select("language", languages, languageText, {
      all: true,
      value: filter.language,
      id: "filter-language",
    }),
    h("button", { type: "submit", class: "secondary" }, say(w.show)),
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    filter = Object.fromEntries(Object.entries(valuesOf(form)).filter(([, v]) => v));
    void loadPosts();
  });
  return form;
}

function answerForm(post: PublicPost) {
  const form = h(
    "form",
    { novalidate: true, "aria-label": say(w.answerTo, { name: post.firstName }) },
    h("p", { class: "hint" }, say(w.answerHint, { name: post.firstName })),
    input("name", "text", POST_LIMITS.name, "given-name"),
    input("email", "email", 254, "email"),
    textarea("message", POST_LIMITS.message),
    h(
      "div",
      { class: "actions" },
      h("button", { type: "submit", class: "primary" }, say(w.send)),
      cancelButton(),
    ),
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    clearErrors(form);
    const answer = await api<ApiError>("POST", `/api/board/posts/${post.id}/answers`, {
      body: { ...valuesOf(form), language: frame.language },
    });
    if (answer.status === 202) done(post.id, say(w.answered));
    else fail(post.id, refusal(form, answer));
  });
  return form;
}

function reportForm(post: PublicPost) {
  const form = h(
    "form",
    { "aria-label": say(w.reportTitle) },
    select("reason", reportReasons, (v) => say(boardOptionTexts.reason[v as "other"])),
    h(
      "div",
      { class: "actions" },
      h("button", { type: "submit", class: "primary" }, say(w.report)),
      cancelButton(),
    ),
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const answer = await api<ApiError>("POST", `/api/board/posts/${post.id}/reports`, {
      body: { ...valuesOf(form), language: frame.language },
    });
    if (answer.status === 200) done(post.id, say(w.reported));
    else fail(post.id, refusal(form, answer));
  });
  return form;
}

function cancelButton() {
  return h(
    "button",
    {
      type: "button",
      class: "secondary",
      onclick: () => {
        open = undefined;
        draw();
      },
    },
    say(w.cancel),
  );
}
function done(postId: string | undefined, text: string) {
  open = undefined;
  notice = { text, error: false, postId };
  announce(text);
  draw();
}
function fail(postId: string | undefined, text: string | undefined) {
  if (!text) return;
  notice = { text, error: true, postId };
  announce(text);
  draw();
}

function postItem(post: PublicPost) {
  const titleId = `post-${post.id}`;
  const toggle = (form: "answer" | "report") => () => {
    open = open?.postId === post.id && open.form === form ? undefined : { postId: post.id, form };
    notice = undefined;
    draw();
    focus(
      document.querySelector<HTMLElement>(
        `#${CSS.escape(titleId)} ~ form input, #${CSS.escape(titleId)} ~ form select`,
      ),
    );
  };
  return h(
    "li",
    { class: "post" },
    h(
      "article",
      { "aria-labelledby": titleId },
      h("h2", { id: titleId }, post.title),
      h(
        "p",
        { class: "meta" },
        h("span", { class: "tag" }, kindText(post.kind)),
        `${categoryText(post.category)} · ${regionText(post.region)} · ${say(w.by, { name: post.firstName })} · ${say(w.until, { date: dateOf(post.expiresAt) })}`,
      ),
      h("p", { class: "text", lang: post.language }, post.text),
      noticeEl(post.id),
      h(
        "div",
        { class: "actions" },
        h(
          "button",
          {
            type: "button",
            class: "primary",
            "aria-expanded": String(open?.postId === post.id && open.form === "answer"),
            onclick: toggle("answer"),
          },
          say(w.answer),
        ),
        h(
          "button",
          {
            type: "button",
            class: "link",
            "aria-expanded": String(open?.postId === post.id && open.form === "report"),
            onclick: toggle("report"),
          },
          say(w.report),
        ),
      ),
      open?.postId === post.id
        ? open.form === "answer"
          ? answerForm(post)
          : reportForm(post)
        : null,
    ),
  );
}

function boardView(): (Node | null)[] {
  const more = page.cursor
    ? h(
        "button",
        { type: "button", class: "secondary", onclick: () => loadPosts(page.cursor) },
        say(w.more),
      )
    : null;
  return [
    h("p", {}, say(w.intro)),
    h(
      "div",
      { class: "actions" },
      h(
        "button",
        {
          type: "button",
          id: "new-post",
          class: "primary",
          onclick: () => {
            view = "post";
            notice = undefined;
            draw();
            focus(document.getElementById("f-memberNumber"));
          },
        },
        say(w.newPost),
      ),
    ),
    noticeEl(),
    filtersForm(),
    page.posts.length === 0
      ? h("p", { class: "notice" }, say(w.none))
      : h("ul", { class: "posts" }, page.posts.map(postItem)),
    more,
  ];
}

function postView(): Node[] {
  const form = h(
    "form",
    { novalidate: true, "aria-labelledby": "new-post-title" },
    h("h2", { id: "new-post-title" }, say(w.newPost)),
    h("p", { class: "hint" }, say(w.postIntro)),
    input("memberNumber", "text", 40),
    input("email", "email", 254, "email"),
    select("kind", postKinds, kindText),
    select("category", postCategories, categoryText),
    select("region", postRegions, regionText),
    input("title", "text", POST_LIMITS.title),
    textarea("text", POST_LIMITS.text),
    h(
      "div",
      { class: "actions" },
      h("button", { type: "submit", class: "primary" }, say(w.send)),
      h(
        "button",
        {
          type: "button",
          class: "secondary",
          onclick: () => {
            view = "board";
            draw();
          },
        },
        say(w.back),
      ),
    ),
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    clearErrors(form);
    const answer = await api<ApiError>("POST", "/api/board/posts", {
      body: { ...valuesOf(form), language: frame.language },
      headers: { "idempotency-key": crypto.randomUUID() },
    });
    if (answer.status === 202 || answer.status === 200) {
      view = "board";
      done(undefined, say(w.posted));
    } else fail(undefined, refusal(form, answer));
  });
  return [form];
}

function postFacts(content: {
  title: string;
  text: string;
  kind: string;
  category: string;
  region: string;
}) {
  return [
    h("h2", {}, content.title),
    facts([
      [label("kind"), kindText(content.kind)],
      [label("category"), categoryText(content.category)],
      [label("region"), regionText(content.region)],
    ]),
    h("p", { class: "text" }, content.text),
  ];
}

/** Back to the board: the private link's fragment, kept for reloads, is forgotten. */
function backLink() {
  return h(
    "p",
    {},
    h(
      "a",
      {
        href: "board.html",
        onclick: () => {
          try {
            sessionStorage.removeItem(STORAGE_KEY);
          } catch {
            // Nothing kept, nothing to forget.
          }
        },
      },
      say(w.back),
    ),
  );
}

function tokenView(): Node[] {
  const parts: Node[] = tokenParts();
  parts.push(backLink());
  return parts;
}

function tokenParts(): Node[] {
  const parts: Node[] = [];
  const n = noticeEl();
  if (n) parts.push(n);
  const d = detail as
    | {
        open?: boolean;
        status?: PostData["status"];
        content?: PublicPost;
        actions?: string[];
        reports?: { reason: string }[];
      }
    | undefined;
  if (!d) return parts;
  if (view === "confirm") {
    if (d.open && d.content) {
      parts.push(h("p", {}, say(w.confirmIntro)), ...postFacts(d.content));
      if (!notice)
        parts.push(
          h(
            "div",
            { class: "actions" },
            h(
              "button",
              {
                type: "button",
                id: "publish",
                class: "primary",
                onclick: () => act("POST", "/api/board/confirmations", undefined, w.publishing),
              },
              say(w.publish),
            ),
          ),
        );
    } else if (!notice) parts.push(h("p", { class: "notice" }, say(w.closedLink)));
  }
  if (view === "manage") {
    parts.push(h("h2", {}, say(w.manageTitle)));
    if (d.content) parts.push(...postFacts(d.content));
    const status = d.status ? say(w.statuses[d.status]) : "";
    const rows: [string, string][] = [[say(w.status), status]];
    if (d.content && "expiresAt" in d && typeof d.expiresAt === "string")
      rows.push([say(w.visibleUntil), dateOf(d.expiresAt)]);
    parts.push(facts(rows));
    const actions = (d.actions ?? []).map((a) =>
      h(
        "button",
        {
          type: "button",
          id: a,
          class: a === "renew" ? "primary" : "secondary",
          onclick: () =>
            a === "edit"
              ? startEditing()
              : act(
                  "POST",
                  `/api/board/posts/${fragment.id}/manage`,
                  { action: a },
                  a === "renew" ? w.renewed : w.closed,
                ),
        },
        say(a === "renew" ? w.renew : a === "edit" ? w.edit : w.close),
      ),
    );
    if (editing && d.content) parts.push(editForm(d.content));
    else if (actions.length > 0) parts.push(h("div", { class: "actions" }, actions));
  }
  if (view === "moderate") {
    if (d.content) parts.push(h("p", {}, say(w.moderateIntro)), ...postFacts(d.content));
    parts.push(
      facts([
        [
          say(w.reasons),
          (d.reports ?? [])
            .map((r) => say(boardOptionTexts.reason[r.reason as "other"]))
            .join(", "),
        ],
        [say(w.status), d.status ? say(w.statuses[d.status]) : ""],
      ]),
    );
    if (d.open && !notice) {
      const chosen = fragment.decision;
      const ordered = [...moderationDecisions].sort(
        (a, b) => Number(b === chosen) - Number(a === chosen),
      );
      parts.push(
        h(
          "div",
          { class: "actions" },
          ordered.map((dec) =>
            h(
              "button",
              {
                type: "button",
                id: `decide-${dec}`,
                class: dec === chosen ? "primary" : "secondary",
                onclick: () => act("POST", "/api/board/moderation", { decision: dec }, w.decided),
              },
              say(w.decision[dec]),
            ),
          ),
        ),
      );
    } else if (!d.open && !notice) parts.push(h("p", { class: "notice" }, say(w.closedLink)));
  }
  return parts;
}

function startEditing() {
  editing = true;
  notice = undefined;
  draw();
  focus(document.getElementById("f-title"));
}

/** The author's edit: the same fields and checks as posting, but offer or need stays. */
function editForm(content: PublicPost) {
  const form = h(
    "form",
    { novalidate: true, "aria-labelledby": "edit-title" },
    h("h2", { id: "edit-title" }, say(w.editTitle)),
    h("p", { class: "hint" }, say(w.editHint)),
    input("title", "text", POST_LIMITS.title, undefined, content.title),
    textarea("text", POST_LIMITS.text, content.text),
    select("category", postCategories, categoryText, { value: content.category }),
    select("region", postRegions, regionText, { value: content.region }),
    select("language", languages, languageText, { value: content.language }),
    h(
      "div",
      { class: "actions" },
      h("button", { type: "submit", id: "save", class: "primary" }, say(w.save)),
      h(
        "button",
        {
          type: "button",
          class: "secondary",
          onclick: () => {
            editing = false;
            draw();
          },
        },
        say(w.cancel),
      ),
    ),
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    clearErrors(form);
    const answer = await api<ApiError>(
      "POST",
      `/api/board/posts/${encodeURIComponent(fragment.id ?? "")}/edits`,
      { token: fragment.token, body: valuesOf(form) },
    );
    if (answer.status === 200) {
      editing = false;
      detail = answer.body as unknown as Record<string, unknown>;
      notice = { text: say(w.edited), error: false };
    } else if (fieldErrors(answer.body)) {
      showErrors(form, fieldErrors(answer.body)!, say(w.errorsTitle));
      return;
    } else {
      editing = false;
      const status = (answer.body.error?.details as { status?: PostData["status"] } | undefined)
        ?.status;
      notice = {
        text: status ? say(w.notNow, { status: say(w.statuses[status]) }) : say(w.failed),
        error: true,
      };
      await loadDetail();
    }
    announce(notice.text);
    draw();
    focus(document.querySelector<HTMLElement>(".notice"));
  });
  return form;
}

async function act(method: "POST", path: string, body: unknown, success: Translated) {
  const answer = await api<ApiError>(method, path, { token: fragment.token, body: body ?? {} });
  if (answer.status === 200) {
    notice = { text: say(success), error: false };
    await loadDetail();
  } else {
    const status = (answer.body.error?.details as { status?: PostData["status"] } | undefined)
      ?.status;
    notice = {
      text: status ? say(w.notNow, { status: say(w.statuses[status]) }) : say(w.closedLink),
      error: true,
    };
  }
  announce(notice.text);
  draw();
}

async function loadDetail() {
  const path = {
    confirm: "/api/board/confirmations/current",
    moderate: "/api/board/moderation/current",
    manage: `/api/board/posts/${encodeURIComponent(fragment.id ?? "")}/manage`,
  }[view as "confirm"];
  const token = fragment.token;
  const answer = token
    ? await api<Record<string, unknown>>("GET", path, { token })
    : { status: 404, body: {} };
  if (answer.status === 200) {
    detail = answer.body;
    // Without a choice made here or a language from the browser, the moderator's own.
    const own = answer.body.moderatorLanguage;
    if (isLanguage(own) && !hasChosenLanguage() && !browserLanguage()) frame.adopt(own);
  } else notice = { text: say(w.badLink), error: true };
}

async function loadPosts(cursor?: string) {
  const query = new URLSearchParams({ ...filter, ...(cursor ? { cursor } : {}) });
  const answer = await api<PostPage>("GET", `/api/board/posts?${query}`);
  if (answer.status !== 200) {
    notice = { text: say(w.failed), error: true };
    return draw();
  }
  page = cursor
    ? { posts: [...page.posts, ...answer.body.posts], cursor: answer.body.cursor }
    : answer.body;
  draw();
}

function draw(): void {
  const parts = view === "board" ? boardView() : view === "post" ? postView() : tokenView();
  frame.app.replaceChildren(...parts.filter((p): p is Node => p !== null));
}

if (view === "board") void loadPosts();
else void loadDetail().then(draw);
