import type { Tally, VoteChoice } from "../../committees/tally";
import type { Language } from "../../i18n/language";
import { formatMessage } from "../../i18n/message";
import { day } from "../format";
import { block, type RenderedEmail, renderEmail } from "../layout";
import { voteUrl } from "../links";
import { type ApprovalRequestParams, approvalSubject } from "./approval-request";
import { decisionBlocks, type RequestSummary, summaryBlocks, type Words } from "./common";

export interface VoteRequestParams extends RequestSummary {
  publicUrl: string;
  /** This member's vote token (the page); replies to the email vote too. */
  token: string;
  /** The committee's name, in the member's language. */
  committee: string;
  quorum: number;
  /** The voting deadline (ISO timestamp). */
  deadline: string;
  /** Which reminder this is, when it is one. */
  reminder?: number;
}

const voteWords: Words<{
  subject: string;
  reminder: (n: number) => string;
  heading: (committee: string) => string;
  intro: (quorum: number, deadline: string) => string;
  vote: string;
  reply: string;
}> = {
  fr: {
    subject: "Vote du comité",
    reminder: (n) => `Rappel ${n} : vote du comité`,
    heading: (c) => `${c} : votre vote est demandé`,
    intro: (q, d) =>
      `La demande est décidée dès que ${q} membres ont voté et qu'une majorité approuve ou refuse. Votez au plus tard le ${d} ; sans quorum à cette date, la présidence du comité décide.`,
    vote: "Voter",
    reply:
      "Vous pouvez aussi répondre à cet e-mail en commençant par « j'approuve » ou « je refuse » et un commentaire. Pour vous abstenir ou déclarer un conflit d'intérêts, utilisez la page.",
  },
  nl: {
    subject: "Stemming van het comité",
    reminder: (n) => `Herinnering ${n}: stemming van het comité`,
    heading: (c) => `${c}: uw stem wordt gevraagd`,
    intro: (q, d) =>
      `De aanvraag is beslist zodra ${q} leden hebben gestemd en een meerderheid goedkeurt of weigert. Stem uiterlijk op ${d}; zonder quorum op die datum beslist de voorzitter van het comité.`,
    vote: "Stemmen",
    reply:
      "U kunt ook op deze e-mail antwoorden met « akkoord » of « ik weiger » en een opmerking. Om u te onthouden of een belangenconflict te melden, gebruikt u de pagina.",
  },
  en: {
    subject: "Committee vote",
    reminder: (n) => `Reminder ${n}: committee vote`,
    heading: (c) => `${c}: your vote is asked for`,
    intro: (q, d) =>
      `The request is decided once ${q} members have voted and a majority approves or rejects. Vote by ${d}; without a quorum by then, the committee's chair decides.`,
    vote: "Vote",
    reply:
      "You may also reply to this email starting with “approve” or “reject” and a comment. To abstain or declare a conflict of interest, use the page.",
  },
};

/** To a committee member: the request and the vote link (a reminder carries the same). */
export function voteRequest(p: VoteRequestParams, language: Language): RenderedEmail {
  const w = voteWords[language];
  const lead = p.reminder === undefined ? w.subject : w.reminder(p.reminder);
  return renderEmail(
    {
      subject: approvalSubject(lead, p, language),
      heading: w.heading(p.committee),
      blocks: [
        block.p(w.intro(p.quorum, day(p.deadline, language))),
        // The vote page shows the documents to the holder of the vote link.
        ...summaryBlocks(p, language, () => voteUrl(p.publicUrl, p.token)),
        block.actions([{ label: w.vote, url: voteUrl(p.publicUrl, p.token) }]),
        block.note(w.reply),
      ],
    },
    language,
  );
}

export interface VoteOutcomeParams {
  requestId: string;
  committee: string;
  outcome: "approved" | "rejected";
  tally: Tally;
  /** Decided by the chair alone, the vote having reached no decision by its deadline. */
  byChair: boolean;
  /** Who voted what: only in the committee's copy, never the applicants'. */
  votes?: readonly { member: string; vote: VoteChoice; comment?: string }[];
}

const outcomeWords: Words<{
  subject: (approved: boolean) => string;
  heading: (committee: string, approved: boolean) => string;
  chair: string;
  tally: (t: Tally) => string;
  votes: string;
  choice: Record<VoteChoice, string>;
}> = {
  fr: {
    subject: (a) => (a ? "Vote du comité : approuvée" : "Vote du comité : refusée"),
    heading: (c, a) => `${c} : demande ${a ? "approuvée" : "refusée"}`,
    chair: "Le vote n'ayant pas abouti à temps, la présidence du comité a décidé.",
    tally: (t) =>
      formatMessage(
        "{approve} pour, {reject} contre, {abstain, plural, one {# abstention} other {# abstentions}} ; quorum {quorum}.",
        { ...t },
        "fr",
      ),
    votes: "Votes",
    choice: { approve: "pour", reject: "contre", abstain: "abstention" },
  },
  nl: {
    subject: (a) =>
      a ? "Stemming van het comité: goedgekeurd" : "Stemming van het comité: geweigerd",
    heading: (c, a) => `${c}: aanvraag ${a ? "goedgekeurd" : "geweigerd"}`,
    chair:
      "De stemming kwam niet op tijd tot een besluit; de voorzitter van het comité heeft beslist.",
    tally: (t) =>
      formatMessage(
        "{approve} voor, {reject} tegen, {abstain, plural, one {# onthouding} other {# onthoudingen}}; quorum {quorum}.",
        { ...t },
        "nl",
      ),
    votes: "Stemmen",
    choice: { approve: "voor", reject: "tegen", abstain: "onthouding" },
  },
  en: {
    subject: (a) => (a ? "Committee vote: approved" : "Committee vote: rejected"),
    heading: (c, a) => `${c}: request ${a ? "approved" : "rejected"}`,
    chair: "The vote reached no decision in time; the committee's chair decided.",
    tally: (t) =>
      formatMessage(
        "{approve} for, {reject} against, {abstain, plural, one {# abstention} other {# abstentions}}; quorum {quorum}.",
        { ...t },
        "en",
      ),
    votes: "Votes",
    choice: { approve: "for", reject: "against", abstain: "abstention" },
  },
};

/** The outcome with the tally: to the applicants (counts only) and the committee (who voted what). */
export function voteOutcome(p: VoteOutcomeParams, language: Language): RenderedEmail {
  const w = outcomeWords[language];
  const approved = p.outcome === "approved";
  return renderEmail(
    {
      subject: `${w.subject(approved)} [${p.requestId}]`,
      heading: w.heading(p.committee, approved),
      blocks: [
        p.byChair && block.p(w.chair),
        block.p(w.tally(p.tally)),
        p.votes !== undefined &&
          p.votes.length > 0 &&
          block.list(
            w.votes,
            p.votes.map(
              (v) => `${v.member} : ${w.choice[v.vote]}${v.comment ? ` — ${v.comment}` : ""}`,
            ),
          ),
      ],
    },
    language,
  );
}

export interface VoteChairParams extends ApprovalRequestParams {
  committee: string;
  tally: Tally;
}

const chairWords: Words<{
  subject: string;
  heading: string;
  intro: (c: string, t: string) => string;
}> = {
  fr: {
    subject: "Présidence : demande à décider",
    heading: "Le vote du comité n'a pas abouti : vous décidez",
    intro: (c, t) =>
      `Le vote du ${c} s'est clos sans décision (${t}). Comme président·e, vous décidez seul·e avec les liens ci-dessous.`,
  },
  nl: {
    subject: "Voorzitter: aanvraag te beslissen",
    heading: "De stemming van het comité gaf geen besluit: u beslist",
    intro: (c, t) =>
      `De stemming van ${c} eindigde zonder besluit (${t}). Als voorzitter beslist u alleen met de links hieronder.`,
  },
  en: {
    subject: "Chair: request to decide",
    heading: "The committee's vote reached no decision: you decide",
    intro: (c, t) =>
      `The vote of the ${c} closed without a decision (${t}). As its chair, you decide alone with the links below.`,
  },
};

/** To the committee's chair when the vote closed without a decision: the decision page's links. */
export function voteChair(p: VoteChairParams, language: Language): RenderedEmail {
  const w = chairWords[language];
  return renderEmail(
    {
      subject: approvalSubject(w.subject, p, language),
      heading: w.heading,
      blocks: [
        block.p(w.intro(p.committee, outcomeWords[language].tally(p.tally))),
        ...summaryBlocks(p, language),
        ...decisionBlocks(p, language),
      ],
    },
    language,
  );
}
