import { optionTexts } from "@entraide/core/request-view/labels";
import { isoDay } from "@entraide/core/requests/checks/context";
import { formatDate, formatMoment } from "@entraide/core/requests/i18n";
import type { FieldError } from "@entraide/core/requests/messages";
import type { Language, RequestType } from "@entraide/core/requests/request-types";
import { type Document, requestBlocks } from "./decision/summary";
import { type ApiError, api } from "./lib/api";
import {
  choiceFieldset,
  choiceMissing,
  commentField,
  sendChoice,
  submitRow,
} from "./lib/choice-form";
import { announce, byId, fill, focus, h } from "./lib/dom";
import { browserLanguage, hasChosenLanguage } from "./lib/lang";
import { facts, pageFrame, section } from "./lib/page";
import { takeFragment } from "./lib/token";
import { say, statusText } from "./lib/ui-text";

type VoteChoice = "approve" | "reject" | "abstain";
const CHOICES: VoteChoice[] = ["approve", "reject", "abstain"];

/** Where the vote stands: what `GET /api/votes/current` and every refusal (409) carry. */
interface VoteState {
  status: string;
  tally?: {
    approve: number;
    reject: number;
    abstain: number;
    cast: number;
    quorum: number;
    eligible: number;
  };
  votes?: { member: string; vote: VoteChoice; at: string }[];
  deadline?: string;
}

/** `GET /api/votes/current`: the request (while the member may vote) and the vote. */
interface VoteView extends VoteState {
  open: boolean;
  request: {
    id: string;
    status: string;
    type?: RequestType;
    memberName?: string;
    amountCents?: number;
    details?: Record<string, unknown>;
    documents?: Document[];
  };
  member: string;
  memberLanguage?: Language;
  committeeLabels?: Record<Language, string>;
  committee?: string;
  ownVote?: VoteChoice;
  conflict: boolean;
}

const token = takeFragment("entraide.vote").token;
let view: VoteView | undefined;
/** What the page shows instead of the form once the vote is recorded or refused. */
let outcome: { text: string; error: boolean; state?: VoteState } | undefined;
const draft = { vote: undefined as VoteChoice | undefined, conflict: false, comment: "" };
const frame = pageFrame("voteTitle", () => draw());

const voteWord = (v: string, l: Language) =>
  (optionTexts.vote as Record<string, Record<Language, string>>)[v]?.[l] ?? v;

async function load(): Promise<void> {
  const l = frame.language;
  if (!token) return fail(say("badVoteLink", l));
  try {
    const answer = await api<VoteView & ApiError>("GET", "/api/votes/current", { token });
    if (answer.status === 200) {
      view = answer.body;
      // Without a choice made here or a language from the browser, the member's own.
      if (view.memberLanguage && !hasChosenLanguage() && !browserLanguage())
        frame.adopt(view.memberLanguage);
      return draw();
    }
    fail(
      answer.body.error?.message ??
        say(answer.status === 404 ? "badVoteLink" : "serverError", l, { status: answer.status }),
    );
  } catch {
    fail(say("networkError", l));
  }
}

function fail(text: string) {
  frame.app.replaceChildren(h("div", { class: "notice error", role: "alert" }, h("p", {}, text)));
}

/** The counts, and who voted what: the committee's own page, so names are shown. */
function tallySection(state: VoteState, l: Language) {
  const t = state.tally;
  return section(
    "tally-title",
    say("tally", l),
    t ? h("p", { id: "tally" }, say("tallyCounts", l, { ...t })) : null,
    state.votes?.length
      ? h(
          "ul",
          { id: "votes" },
          state.votes.map((v) =>
            h(
              "li",
              {},
              say("votedBy", l, {
                who: v.member,
                vote: voteWord(v.vote, l),
                at: formatMoment(v.at, l),
              }),
            ),
          ),
        )
      : h("p", {}, say("noVotes", l)),
  );
}

function draw(): void {
  if (!view) {
    void load();
    return;
  }
  const l = frame.language;
  const v = view;
  const committee = v.committeeLabels?.[l] ?? v.committee ?? "";
  const intro = h(
    "p",
    {},
    say("voteAs", l, { who: v.member, committee }),
    v.tally && v.deadline
      ? [" ", say("voteRule", l, { quorum: v.tally.quorum, deadline: formatDate(v.deadline, l) })]
      : "",
  );
  if (!v.open || !v.request.type) {
    fill(
      frame.app,
      facts([
        [say("requestReference", l), v.request.id],
        [say("status", l), statusText(v.request.status, l)],
      ]),
      h(
        "div",
        { class: "notice", id: "vote-result", role: "status" },
        h("p", {}, say("voteClosed", l)),
        v.ownVote ? h("p", {}, say("youVoted", l, { vote: voteWord(v.ownVote, l) })) : null,
        v.conflict ? h("p", {}, say("youDeclaredConflict", l)) : null,
      ),
      tallySection(v, l),
    );
    return;
  }
  fill(
    frame.app,
    intro,
    ...requestBlocks(
      {
        type: v.request.type,
        memberName: v.request.memberName ?? "",
        amountCents: v.request.amountCents ?? 0,
        details: v.request.details ?? {},
        documents: v.request.documents ?? [],
      },
      l,
      isoDay(new Date()),
    ),
    tallySection(outcome?.state ?? v, l),
    outcome
      ? h(
          "div",
          {
            id: "vote-result",
            class: outcome.error ? "notice error" : "notice ok",
            role: "status",
            tabindex: "-1",
          },
          h("p", {}, outcome.text),
        )
      : voteForm(l),
  );
}

function voteForm(l: Language) {
  const radios = choiceFieldset({
    id: "vote-choices",
    name: "vote",
    legend: say("yourVote", l),
    choices: CHOICES,
    word: (c) => voteWord(c, l),
    checked: draft.vote,
    disabled: draft.conflict,
    onChange: (c) => {
      draft.vote = c;
    },
  });
  const conflict = h("input", { type: "checkbox", id: "f-conflict", checked: draft.conflict });
  conflict.addEventListener("change", () => {
    draft.conflict = conflict.checked;
    // A member with a conflict does not vote: the choices step aside.
    (byId("vote-choices") as HTMLFieldSetElement).disabled = draft.conflict;
  });
  const form = h(
    "form",
    { id: "vote-form", novalidate: true },
    radios,
    h(
      "div",
      { class: "field check" },
      conflict,
      h("label", { for: "f-conflict" }, say("conflictOfInterest", l)),
    ),
    commentField(l, say("voteCommentHint", l), draft),
    submitRow("cast", say("confirmVote", l)),
  );
  // Voting happens only here, on an explicit submit: opening the link never votes.
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    void cast(form, l);
  });
  return section("form-title", say("yourVote", l), form);
}

function bodyOf(l: Language): { body: Record<string, unknown>; errors: FieldError[] } {
  const comment = draft.comment.trim();
  const body: Record<string, unknown> = draft.conflict ? { conflict: true } : { vote: draft.vote };
  if (comment) body.comment = comment;
  if (!draft.conflict && !draft.vote) return { body, errors: [choiceMissing("vote", l)] };
  return { body, errors: [] };
}

async function cast(form: HTMLFormElement, l: Language) {
  await sendChoice<VoteState>({
    form,
    buttonId: "cast",
    l,
    checked: bodyOf(l),
    send: (body) => api("POST", "/api/votes", { token, body, headers: { "accept-language": l } }),
    answered: (answer) => {
      outcome =
        answer.status === 200
          ? {
              text: draft.conflict
                ? say("conflictRecorded", l)
                : say("voteRecorded", l, { status: statusText(answer.body.status, l) }),
              error: false,
              state: answer.body,
            }
          : {
              text: answer.body.error?.message ?? say("serverError", l, { status: answer.status }),
              error: true,
              state: answer.body.error?.details as VoteState | undefined,
            };
      draw();
      announce(outcome.text);
      focus(byId("vote-result"));
    },
  });
}

void load();
