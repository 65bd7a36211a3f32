import { fieldTexts, optionTexts } from "@entraide/core/request-view/labels";
import type { CheckReason } from "@entraide/core/request-view/reasons";
import { renderReason } from "@entraide/core/request-view/reasons";
import { formatDate, formatEuros, formatMoment } from "@entraide/core/requests/i18n";
import type { Language, RequestType } from "@entraide/core/requests/request-types";
import { historyLabels, nextSteps } from "@entraide/core/requests/view-texts";
import type { Draft } from "./form/draft";
import { draftFrom } from "./form/prefill";
import { fieldsOf } from "./form/render";
import { collect } from "./form/validate";
import { type ApiError, api, fieldErrors } from "./lib/api";
import { type Check, checkList } from "./lib/checks";
import { announce, byId, fill, focus, h } from "./lib/dom";
import { clearErrors, showErrors, showProblem } from "./lib/errors";
import { browserLanguage, hasChosenLanguage } from "./lib/lang";
import { facts, pageFrame, section } from "./lib/page";
import { loadPlanRules } from "./lib/plan-rules";
import { dataTable } from "./lib/table";
import { takeFragment } from "./lib/token";
import { payoutStatusText, say, statusText } from "./lib/ui-text";
import { type Doc, fileField } from "./lib/upload";
import { type ProjectView, projectSection, reportForm } from "./status-project";

/** `GET /api/requests/{id}` (§8). */
interface RequestView {
  id: string;
  type: RequestType;
  status: string;
  language: Language;
  createdAt: string;
  amountCents: number;
  approvedAmountCents?: number;
  checks: Check[];
  rejection?: { reason: string; at: string };
  approvalComments?: { comment: string; amountCents?: number; at: string }[];
  history: { at: string; type: string; label: string }[];
  nextStep: string;
  nextStepKey?: string;
  actions: { withdraw: boolean; answerInfo: boolean; correctIban?: boolean; report?: boolean };
  infoRequest?: {
    message: string;
    /** An approver's question; absent when the checks asked, whose reasons are then given. */
    question?: string;
    reasons?: CheckReason[];
    requestedAt: string;
    answerBy?: string;
    /** The fields the failed checks name, with what the member sent: to correct here. */
    fields?: Record<string, unknown>;
  };
  payout?: { status: string; amountCents: number; reference: string; paidAt?: string };
  project?: ProjectView;
  loan?: {
    schedule: { number: number; dueDate: string; amountCents: number; paidCents: number }[];
    outstandingCents: number;
    repayTo?: string;
    paymentReference?: string;
  };
}

const { id, token } = takeFragment("entraide.status");
let view: RequestView | undefined;
let notice: { text: string; error: boolean } | undefined;
let rulesLoaded = false;
const frame = pageFrame("statusTitle", () => draw());

const day = (iso: string, l: Language) => formatDate(iso.slice(0, 10), l);
const time = formatMoment;
/** Texts the API gives in the request's language, re-worded here in the page's. */
const historyLabel = (e: RequestView["history"][number], l: Language) =>
  historyLabels[e.type]?.[l] ?? e.label;

async function load(): Promise<void> {
  if (!id || !token) return fail(say("noToken", frame.language));
  try {
    const answer = await api<RequestView>("GET", `/api/requests/${encodeURIComponent(id)}`, {
      token,
    });
    // The plan's rules, only for the fields a needs-info answer corrects (hints, checks).
    if (answer.status === 200 && answer.body.infoRequest?.fields)
      rulesLoaded = await loadPlanRules().then(
        () => true,
        () => false,
      );
    if (answer.status !== 200)
      return fail(
        say(answer.status === 404 ? "notFound" : "serverError", frame.language, {
          status: answer.status,
        }),
      );
    view = answer.body;
    draw();
  } catch {
    fail(say("networkError", frame.language));
  }
}

function fail(text: string) {
  frame.app.replaceChildren(h("p", { class: "notice error", role: "alert" }, text));
}

function draw(): void {
  if (!view) {
    void load();
    return;
  }
  const l = frame.language;
  const v = view;
  const amounts: [string, string][] = [[say("amountAsked", l), formatEuros(v.amountCents, l)]];
  if (v.approvedAmountCents !== undefined)
    amounts.push([say("amountApproved", l), formatEuros(v.approvedAmountCents, l)]);
  fill(
    frame.app,
    h(
      "div",
      { id: "status-notice", class: notice?.error ? "notice error" : "notice ok", role: "status" },
      notice?.text ?? "",
    ),
    facts([
      [say("requestType", l), optionTexts.type[v.type]?.[l] ?? v.type],
      [say("status", l), h("strong", { id: "request-status" }, statusText(v.status, l))],
      [say("submittedOn", l), day(v.createdAt, l)],
      ...amounts,
    ]),
    section(
      "next-title",
      say("nextStep", l),
      h("p", { id: "next-step" }, nextSteps[v.nextStepKey ?? v.status]?.[l] ?? v.nextStep),
    ),
    v.rejection
      ? section(
          "rejection-title",
          say("rejectionReason", l),
          // A vote, or an approver who gave no comment, may refuse without a reason: say so.
          v.rejection.reason.trim()
            ? h("blockquote", { id: "rejection-reason" }, v.rejection.reason)
            : h("p", { id: "rejection-reason" }, say("noReasonGiven", l)),
        )
      : null,
    v.approvalComments?.length
      ? section(
          "approval-comments-title",
          say("approverComments", l),
          h(
            "ul",
            { id: "approval-comments" },
            v.approvalComments.map((c) =>
              h(
                "li",
                {},
                c.amountCents !== undefined
                  ? `${say("grantedAmount", l, { amount: formatEuros(c.amountCents, l) })} `
                  : "",
                h("q", {}, c.comment),
              ),
            ),
          ),
        )
      : null,
    v.actions.answerInfo ? infoForm(v, l) : null,
    v.actions.correctIban ? ibanForm(v, l) : null,
    v.project && v.actions.report
      ? reportForm(v.project, l, (form, button, body) =>
          postAnswer(v, form, button, body, l, { path: "report", sent: "reportSent" }),
        )
      : null,
    v.project ? projectSection(v.project, l) : null,
    v.payout
      ? section(
          "payout-title",
          say("payout", l),
          facts([
            [
              say("status", l),
              h("span", { id: "payout-status" }, payoutStatusText(v.payout.status, l)),
            ],
            [say("amountDue", l), formatEuros(v.payout.amountCents, l)],
            [say("reference", l), v.payout.reference],
            ...(v.payout.paidAt
              ? [[say("paidOn", l), day(v.payout.paidAt, l)] as [string, string]]
              : []),
          ]),
        )
      : null,
    v.loan ? loanTable(v.loan, l) : null,
    section(
      "history-title",
      say("history", l),
      h(
        "ol",
        { class: "timeline" },
        v.history.map((e) =>
          h("li", {}, h("time", { datetime: e.at }, time(e.at, l)), " — ", historyLabel(e, l)),
        ),
      ),
    ),
    v.checks.length
      ? section("checks-title", say("checks", l), checkList("checks", v.checks, l))
      : null,
    v.actions.withdraw ? withdrawBlock(l) : null,
  );
  if (infoFocus) focus(byId(infoFocus));
  infoFocus = undefined;
}

function loanTable(loan: NonNullable<RequestView["loan"]>, l: Language) {
  return section(
    "loan-title",
    say("loanSchedule", l),
    dataTable(
      "loan-schedule",
      say("loanSchedule", l),
      [
        { title: say("installment", l) },
        { title: say("dueDate", l) },
        { title: say("amountDue", l), num: true },
        { title: say("paid", l), num: true },
      ],
      loan.schedule.map((i) => [
        String(i.number),
        day(i.dueDate, l),
        formatEuros(i.amountCents, l),
        formatEuros(i.paidCents, l),
      ]),
    ),
    facts([
      [say("outstanding", l), formatEuros(loan.outstandingCents, l)],
      ...(loan.repayTo
        ? [[say("repayTo", l), h("span", { id: "repay-to" }, loan.repayTo)] as [string, Node]]
        : []),
      ...(loan.paymentReference
        ? [
            [
              say("paymentReference", l),
              h("span", { id: "payment-reference" }, loan.paymentReference),
            ] as [string, Node],
          ]
        : []),
    ]),
  );
}

/** What the member is typing into the offered fields; kept across language switches and rows. */
let infoDraft: Draft | undefined;
let infoFocus: string | undefined;

function infoForm(v: RequestView, l: Language) {
  let docs: Doc[] = [];
  const busy = { count: 0 };
  const keys = Object.keys(v.infoRequest?.fields ?? {});
  if (keys.length > 0 && !infoDraft)
    infoDraft = draftFrom(v.type, v.infoRequest?.fields ?? {}, l, say("keptDocument", l));
  // Without the plan's rules the fields cannot be hinted or checked: the member is told so.
  const draft = rulesLoaded ? infoDraft : undefined;
  const corrections =
    !draft && infoDraft
      ? h(
          "p",
          { class: "notice error", role: "alert", id: "plan-unavailable" },
          say("planUnavailable", l),
        )
      : draft
        ? h(
            "fieldset",
            { class: "group", id: "info-fields" },
            h("legend", {}, say("fixFields", l)),
            fieldsOf(keys, {
              draft,
              language: l,
              busy,
              changed: () => undefined,
              rerender: (focusId) => {
                infoFocus = focusId;
                draw();
              },
            }),
          )
        : null;
  const commentText = fieldTexts.comment[l];
  const comment = h("textarea", { id: "f-comment", rows: 5, maxlength: 2000 });
  const form = h(
    "form",
    { id: "info-form", novalidate: true },
    v.infoRequest?.question
      ? h("blockquote", { id: "info-question" }, v.infoRequest.question)
      : v.infoRequest?.reasons?.length
        ? h(
            "ul",
            { id: "info-question" },
            v.infoRequest.reasons.map((r) => h("li", {}, renderReason(r, l))),
          )
        : v.infoRequest
          ? h("blockquote", { id: "info-question" }, v.infoRequest.message)
          : null,
    v.infoRequest?.answerBy
      ? h(
          "p",
          { id: "info-deadline" },
          say("answerBy", l, { date: day(v.infoRequest.answerBy, l) }),
        )
      : null,
    corrections,
    h("div", { class: "field" }, h("label", { for: "f-comment" }, commentText.label), comment),
    fileField({
      id: "f-documents",
      label: fieldTexts.documents[l].label,
      hint: fieldTexts.documents[l].hint,
      multiple: true,
      docs,
      language: l,
      busy,
      onChange: (d) => {
        docs = d;
      },
    }),
    h("div", { class: "actions" }, h("button", { type: "submit", id: "answer" }, say("answer", l))),
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    if (busy.count > 0) return showProblem(form, "documents", say("uploadBusy", l), l);
    const body: {
      comment?: string;
      documents?: string[];
      corrections?: Record<string, unknown>;
    } = {};
    if (draft) {
      // Checked as the form checks them; the API checks them again against the whole request.
      const { body: fields, errors } = collect(draft, l, keys);
      if (errors.length > 0)
        return showErrors(form, errors, say("errorsTitle", l, { n: errors.length }));
      body.corrections = Object.fromEntries(keys.map((k) => [k, fields[k]]));
    }
    if (comment.value.trim()) body.comment = comment.value.trim();
    if (docs.length) body.documents = docs.map((d) => d.documentId);
    await postAnswer(v, form, byId<HTMLButtonElement>("answer")!, body, l);
  });
  return section("info-title", say("infoAsked", l), form);
}

/** After a returned transfer: the IBAN to pay into instead. */
function ibanForm(v: RequestView, l: Language) {
  const text = fieldTexts.iban[l];
  const input = h("input", {
    id: "f-iban",
    name: "iban",
    autocomplete: "off",
    "aria-describedby": "f-iban-hint",
  });
  const form = h(
    "form",
    { id: "iban-form", novalidate: true },
    h(
      "div",
      { class: "field" },
      h("label", { for: "f-iban" }, text.label),
      h("p", { id: "f-iban-hint", class: "hint" }, text.hint ?? ""),
      input,
    ),
    h(
      "div",
      { class: "actions" },
      h("button", { type: "submit", id: "send-iban" }, say("answer", l)),
    ),
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    await postAnswer(
      v,
      form,
      byId<HTMLButtonElement>("send-iban")!,
      { iban: input.value.trim() },
      l,
    );
  });
  return section("iban-title", say("ibanAsked", l), form);
}

/** Sends an answer to the request; field errors go next to their fields, in the page's language. */
async function postAnswer(
  v: RequestView,
  form: HTMLFormElement,
  button: HTMLButtonElement,
  body: object,
  l: Language,
  to: { path: "info" | "report"; sent: "answerSent" | "reportSent" } = {
    path: "info",
    sent: "answerSent",
  },
) {
  button.disabled = true;
  try {
    const url = `/api/requests/${encodeURIComponent(v.id)}/${to.path}`;
    const answer = await api<ApiError>("POST", url, {
      token,
      body,
      headers: { "accept-language": l },
    });
    const errors = fieldErrors(answer.body)?.map((e) => ({
      ...e,
      path: e.path.replace(/^corrections\./, ""),
    }));
    if (answer.status === 400 && errors)
      return showErrors(form, errors, say("errorsTitle", l, { n: errors.length }));
    if (answer.status >= 300)
      return showProblem(
        form,
        "",
        answer.body.error?.message ?? say("serverError", l, { status: answer.status }),
        l,
      );
    clearErrors(form);
    infoDraft = undefined;
    await reloadWith(say(to.sent, l), false);
  } catch {
    showProblem(form, "", say("networkError", l), l);
  } finally {
    button.disabled = false;
  }
}

function withdrawBlock(l: Language) {
  const confirmBox = h(
    "div",
    { id: "withdraw-confirm", hidden: true },
    h("p", {}, say("withdrawExplain", l)),
    h(
      "div",
      { class: "actions" },
      h(
        "button",
        { type: "button", id: "withdraw-yes", onclick: withdraw },
        say("withdrawConfirm", l),
      ),
      h(
        "button",
        {
          type: "button",
          class: "secondary",
          onclick: () => {
            confirmBox.hidden = true;
            focus(byId("withdraw"));
          },
        },
        say("cancel", l),
      ),
    ),
  );
  return section(
    "withdraw-title",
    say("withdrawTitle", l),
    h(
      "button",
      {
        type: "button",
        class: "secondary",
        id: "withdraw",
        "aria-controls": "withdraw-confirm",
        onclick: () => {
          confirmBox.hidden = false;
          focus(byId("withdraw-yes"));
        },
      },
      say("withdrawTitle", l),
    ),
    confirmBox,
  );
}

async function withdraw() {
  const l = frame.language;
  const button = byId<HTMLButtonElement>("withdraw-yes")!;
  button.disabled = true;
  try {
    const answer = await api<ApiError>(
      "POST",
      `/api/requests/${encodeURIComponent(view!.id)}/withdraw`,
      { token, body: {}, headers: { "accept-language": l } },
    );
    if (answer.status >= 300)
      return reloadWith(
        answer.body.error?.message ?? say("serverError", l, { status: answer.status }),
        true,
      );
    await reloadWith(say("withdrawn", l), false);
  } catch {
    await reloadWith(say("networkError", l), true);
  }
}

/** States a request passes through in moments: after an action the page waits them out. */
const PASSING = new Set(["received", "checking"]);

async function reloadWith(text: string, error: boolean) {
  notice = { text, error };
  view = undefined;
  await load();
  announce(text);
  focus(byId("status-notice"));
  // The answer's checks run in the background: show where the request lands, not "checking".
  const passing = () => view !== undefined && PASSING.has(view.status);
  for (let i = 0; i < 30 && passing(); i++) {
    await new Promise((r) => setTimeout(r, 1000));
    await load();
  }
}

void load().then(() => {
  // Until the member picks a language here, the page speaks the browser's, else the request's.
  if (view && !hasChosenLanguage()) frame.adopt(browserLanguage() ?? view.language);
});
