import { parseEuros } from "@entraide/core/money/euros";
import { fieldTexts, labelOf, optionTexts } from "@entraide/core/request-view/labels";
import { renderReason } from "@entraide/core/request-view/reasons";
import { isoDay } from "@entraide/core/requests/checks/context";
import type { Turn } from "@entraide/core/requests/conversation";
import type { DecisionOutcome } from "@entraide/core/requests/decisions";
import { formatEuros, formatList, formatMoment, quote } from "@entraide/core/requests/i18n";
import type { FieldError } from "@entraide/core/requests/messages";
import type { Language, RequestType } from "@entraide/core/requests/request-types";
import { type Document, documentLink, reportBlock, requestBlocks } from "./decision/summary";
import { type ApiError, api } from "./lib/api";
import { type Check, checkList } from "./lib/checks";
import {
  choiceFieldset,
  choiceMissing,
  commentField,
  sendChoice,
  submitRow,
} from "./lib/choice-form";
import { announce, byId, fill, focus, h } from "./lib/dom";
import { message } from "./lib/errors";
import { browserLanguage, hasChosenLanguage } from "./lib/lang";
import { facts, pageFrame, section } from "./lib/page";
import { takeFragment } from "./lib/token";
import { decidedTexts, say, statusText } from "./lib/ui-text";

type DecisionKind = "approve" | "reject" | "request-info";
const KINDS: DecisionKind[] = ["approve", "reject", "request-info"];

/** `GET /api/decisions/current` (§8). */
interface DecisionView {
  request: {
    id: string;
    type: RequestType;
    memberName: string;
    amountCents: number;
    details: Record<string, unknown>;
    documents: Document[];
  };
  /** For a tranche's check: the applicants' report on its milestone. */
  report?: Parameters<typeof reportBlock>[0];
  checks: Check[];
  warnings: Check[];
  conversation: Turn[];
  decisions: {
    approver: string;
    decision: DecisionKind;
    amountCents?: number;
    comment?: string;
    at: string;
  }[];
  requiredApprovals: number;
  approver: string;
  approverLanguage?: Language;
  open: true;
  closedReason?: { decision: string; by?: string; at: string };
}

/** A used, expired or superseded link: who decided what and when, the request's reference and status. */
interface ClosedDecisionView {
  open: false;
  request: { id: string; status: string };
  decisions: { approver: string; decision: string; at: string }[];
  closedReason: { decision: string; by?: string; at: string };
}

const fragment = takeFragment("entraide.decision");
const token = fragment.token;
const preselected = KINDS.find((k) => k === fragment.action);
let view: DecisionView | ClosedDecisionView | undefined;
/** What the page shows instead of the form once the decision is recorded or refused. */
let outcome: { text: string; error: boolean; details?: unknown } | undefined;
const draft = { decision: preselected as DecisionKind | undefined, amount: "", comment: "" };
const frame = pageFrame("decisionTitle", () => draw());

const when = formatMoment;
/** A decision's word (the button's), for the form. */
const decisionWord = (d: string, l: Language) =>
  (optionTexts.decision as Record<string, Record<Language, string>>)[d]?.[l] ?? statusText(d, l);
/** What a decision made was ("Approved by …"), or the request's status when that closed it. */
const decidedWord = (d: string, l: Language) => decidedTexts[d]?.[l] ?? statusText(d, l);

async function load(): Promise<void> {
  const l = frame.language;
  if (!token) return fail(say("badDecisionLink", l));
  try {
    const answer = await api<(DecisionView | ClosedDecisionView) & ApiError>(
      "GET",
      "/api/decisions/current",
      { token },
    );
    if (answer.status === 200) {
      view = answer.body;
      // Without a choice made here or a language from the browser, the approver's own.
      if (view.open && view.approverLanguage && !hasChosenLanguage() && !browserLanguage())
        frame.adopt(view.approverLanguage);
      draw();
      // An email's document link: the page opens, and the document with it, while the link is open.
      if (view.open && fragment.document) void openDocument(fragment.document);
      return;
    }
    fail(
      answer.body.error?.message ??
        say(answer.status === 404 || answer.status === 401 ? "badDecisionLink" : "serverError", l, {
          status: answer.status,
        }),
      answer.body.error?.details,
    );
  } catch {
    fail(say("networkError", l));
  }
}

function fail(text: string, details?: unknown) {
  frame.app.replaceChildren(
    h(
      "div",
      { class: "notice error", role: "alert" },
      h("p", {}, text),
      detailsList(details, frame.language),
    ),
  );
}

/** Who decided what and when, from a 409/410's `details` (its shape is the API's; shown plainly). */
function detailsList(details: unknown, l: Language): HTMLElement | null {
  const list = Array.isArray(details)
    ? details
    : (details as { decisions?: unknown[] } | undefined)?.decisions;
  const single =
    details && !Array.isArray(details) && typeof details === "object" && "by" in details
      ? [details]
      : [];
  const items = (list ?? single) as {
    decision?: string;
    by?: string;
    approver?: string;
    at?: string;
  }[];
  if (!items.length) return null;
  return h(
    "ul",
    { id: "decided-by" },
    items.map((d) =>
      h("li", {}, closedText({ decision: d.decision ?? "", by: d.by ?? d.approver, at: d.at }, l)),
    ),
  );
}

/** "Approved by x on date"; an expiry or a status change has no one to name. */
function closedText(c: { decision: string; by?: string; at?: string }, l: Language): string {
  const params = {
    decision: decidedWord(c.decision, l),
    by: c.by ?? "",
    at: c.at ? when(c.at, l) : "",
  };
  return say(c.by ? "closedBy" : "closedAt", l, params);
}

function draw(): void {
  if (!view) {
    void load();
    return;
  }
  const l = frame.language;
  if (!view.open) {
    drawClosed(view, l);
    return;
  }
  const v = view;
  fill(
    frame.app,
    v.report ? reportBlock(v.report, l) : null,
    ...requestBlocks(v.request, l, isoDay(new Date())),
    v.conversation.length ? conversation(v, l) : null,
    section("checks-title", say("checks", l), checkList("checks", v.checks, l)),
    v.warnings.length
      ? section("warnings-title", say("warnings", l), checkList("warnings", v.warnings, l))
      : null,
    section(
      "decisions-title",
      say("earlierDecisions", l),
      v.decisions.length
        ? h(
            "ul",
            { id: "earlier-decisions" },
            v.decisions.map((d) =>
              h(
                "li",
                {},
                say("closedBy", l, {
                  decision: decidedWord(d.decision, l),
                  by: d.approver,
                  at: when(d.at, l),
                }),
                d.amountCents !== undefined ? ` ${formatEuros(d.amountCents, l)}` : "",
                d.comment ? [" ", h("q", {}, d.comment)] : "",
              ),
            ),
          )
        : h("p", {}, say("noDecisions", l)),
    ),
    outcome
      ? h(
          "div",
          {
            id: "decision-result",
            class: outcome.error ? "notice error" : "notice ok",
            role: "status",
            tabindex: "-1",
          },
          h("p", {}, outcome.text),
          detailsList(outcome.details, l),
        )
      : v.open
        ? decisionForm(v, l)
        : h(
            "div",
            { class: "notice", id: "decision-result", role: "status" },
            h("p", {}, say("closed", l)),
            v.closedReason ? h("p", {}, closedText(v.closedReason, l)) : null,
          ),
  );
}

/** A closed link shows nothing of the request but its reference, and who decided what and when. */
function drawClosed(v: ClosedDecisionView, l: Language): void {
  const expired = v.closedReason.decision === "expired";
  fill(
    frame.app,
    facts([
      [say("requestReference", l), v.request.id],
      [say("status", l), statusText(v.request.status, l)],
    ]),
    h(
      "div",
      { class: "notice", id: "decision-result", role: "status" },
      expired
        ? h("p", {}, say("linkExpired", l, { at: when(v.closedReason.at, l) }))
        : [h("p", {}, say("closed", l)), h("p", {}, closedText(v.closedReason, l))],
    ),
    section(
      "decisions-title",
      say("earlierDecisions", l),
      v.decisions.length
        ? h(
            "ul",
            { id: "earlier-decisions" },
            v.decisions.map((d) =>
              h("li", {}, closedText({ decision: d.decision, by: d.approver, at: d.at }, l)),
            ),
          )
        : h("p", {}, say("noDecisions", l)),
    ),
  );
}

/** Each question asked of the member and each answer, in order, with the documents added. */
function conversation(v: DecisionView, l: Language) {
  const docs = (ids: string[]) =>
    ids.map((id) =>
      h(
        "li",
        {},
        documentLink(
          v.request.documents.find((d) => d.documentId === id),
          l,
        ),
      ),
    );
  return section(
    "conversation-title",
    say("conversation", l),
    h(
      "ol",
      { id: "conversation", class: "conversation" },
      v.conversation.map((t) =>
        t.kind === "question"
          ? h(
              "li",
              { class: "question" },
              h(
                "p",
                {},
                t.by
                  ? say("askedBy", l, { by: t.by, at: when(t.at, l) })
                  : say("askedByChecks", l, { at: when(t.at, l) }),
              ),
              t.message ? h("blockquote", {}, t.message) : null,
              t.reasons?.length
                ? h(
                    "ul",
                    {},
                    t.reasons.map((r) => h("li", {}, renderReason(r, l))),
                  )
                : null,
            )
          : h(
              "li",
              { class: "answer" },
              h("p", {}, say("answeredAt", l, { at: when(t.at, l) })),
              h("blockquote", {}, t.comment ?? say("noComment", l)),
              t.corrected.length
                ? h(
                    "p",
                    {},
                    say("correctedFields", l, {
                      fields: formatList(
                        t.corrected.map((k) => labelOf([k], l)),
                        l,
                      ),
                    }),
                  )
                : null,
              t.documents.length
                ? h("div", {}, h("p", {}, say("addedDocuments", l)), h("ul", {}, docs(t.documents)))
                : null,
            ),
      ),
    ),
  );
}

function decisionForm(v: DecisionView, l: Language) {
  const radios = choiceFieldset({
    name: "decision",
    legend: fieldTexts.decision[l].label,
    choices: KINDS,
    word: (k) => decisionWord(k, l),
    checked: draft.decision,
    required: true,
    onChange: (k) => {
      draft.decision = k;
      // An amount goes only with an approval: the field is there only then.
      const amountField = byId("amount-field");
      if (amountField) amountField.hidden = k !== "approve";
    },
  });
  const amount = h("input", {
    id: "f-amountCents",
    type: "text",
    inputmode: "decimal",
    autocomplete: "off",
    value: draft.amount,
    "aria-describedby": "f-amountCents-hint",
  });
  amount.addEventListener("input", () => {
    draft.amount = amount.value;
  });
  const form = h(
    "form",
    { id: "decision-form", novalidate: true },
    h(
      "p",
      {},
      say("approver", l, { who: v.approver }),
      " ",
      say("approvals", l, { n: v.requiredApprovals }),
    ),
    radios,
    // A tranche is paid as planned: its check approves or asks, it changes no amount.
    v.report
      ? null
      : h(
          "div",
          { class: "field", id: "amount-field", hidden: draft.decision !== "approve" },
          h("label", { for: "f-amountCents" }, say("approveAmount", l)),
          h("p", { class: "hint", id: "f-amountCents-hint" }, say("eurosHint", l)),
          amount,
        ),
    commentField(l, say("commentHint", l), draft),
    submitRow("decide", say("confirmDecision", l)),
  );
  // Deciding happens only here, on an explicit submit: opening the link never decides.
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    void decide(form, v, l);
  });
  return section("form-title", say("decisionTitle", l), form);
}

function check(
  v: DecisionView,
  l: Language,
): { body: Record<string, unknown>; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const body: Record<string, unknown> = { decision: draft.decision };
  if (!draft.decision) {
    errors.push(choiceMissing("decision", l));
    return { body, errors };
  }
  const comment = draft.comment.trim();
  if (comment) body.comment = comment;
  if (draft.decision !== "approve" && !comment) {
    errors.push({
      path: "comment",
      code: "comment_required",
      message: message(
        { code: "custom", path: ["comment"], params: { code: "comment_required" } },
        l,
      ),
    });
  }
  if (draft.decision === "approve" && !v.report && draft.amount.trim()) {
    const label = quote(say("approveAmount", l), l);
    let cents = -1;
    try {
      cents = parseEuros(draft.amount, l);
    } catch {
      // Reported below with the form's own words.
    }
    if (cents <= 0)
      errors.push({
        path: "amountCents",
        code: "invalid_type",
        message: say("eurosInvalid", l, { label }),
      });
    else if (cents > v.request.amountCents)
      errors.push({
        path: "amountCents",
        code: "too_big",
        message: say("approveAmountTooHigh", l, {
          label,
          max: formatEuros(v.request.amountCents, l),
        }),
      });
    else body.amountCents = cents;
  }
  return { body, errors };
}

/** What the decision just caused, in words: never "awaiting a decision" after a rejection. */
function outcomeText(o: DecisionOutcome | undefined, status: string, l: Language): string {
  switch (o?.kind) {
    case "rejected":
      return say("outcomeRejected", l);
    case "info-requested":
      return say("outcomeInfo", l);
    case "approved":
      return say("outcomeApproved", l, { amount: formatEuros(o.approvedAmountCents, l) });
    case "awaiting-approvals":
      return say("outcomeWaiting", l, {
        approvals: o.approvals,
        required: o.requiredApprovals,
        left: o.requiredApprovals - o.approvals,
      });
    default:
      return say("decided", l, { status: statusText(status, l) });
  }
}

async function decide(form: HTMLFormElement, v: DecisionView, l: Language) {
  await sendChoice<{ status?: string; outcome?: DecisionOutcome }>({
    form,
    buttonId: "decide",
    l,
    checked: check(v, l),
    send: (body) =>
      api("POST", "/api/decisions", { token, body, headers: { "accept-language": l } }),
    answered: (answer) => {
      outcome =
        answer.status === 200
          ? { text: outcomeText(answer.body.outcome, answer.body.status ?? "", l), error: false }
          : {
              text: answer.body.error?.message ?? say("serverError", l, { status: answer.status }),
              error: true,
              details: answer.body.error?.details,
            };
      draw();
      announce(outcome.text);
      focus(byId("decision-result"));
    },
  });
}

/**
 * Opens one of the request's documents: a download link signed now, for this open token only
 * (a closed one gets the API's reason), so a link followed hours after the email still works.
 */
async function openDocument(documentId: string): Promise<void> {
  const l = frame.language;
  try {
    const answer = await api<{ url: string } & ApiError>(
      "GET",
      `/api/decisions/current/documents/${encodeURIComponent(documentId)}`,
      { token },
    );
    if (answer.status === 200) return location.assign(answer.body.url);
    fail(
      say(answer.status === 409 ? "documentClosed" : "serverError", l, { status: answer.status }),
      answer.body.error?.details,
    );
  } catch {
    fail(say("networkError", l));
  }
}

frame.app.addEventListener("click", (e) => {
  const link = (e.target as Element | null)?.closest?.("a[data-document]");
  if (!link) return;
  e.preventDefault();
  void openDocument(link.getAttribute("data-document") ?? "");
});

void load();
