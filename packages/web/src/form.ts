import type { FieldError } from "@entraide/core/requests/messages";
import type { Language } from "@entraide/core/requests/request-types";
import {
  type Draft,
  emptyDraft,
  forgetKey,
  idempotencyKey,
  loadDraft,
  saveDraft,
} from "./form/draft";
import { formContent } from "./form/render";
import { summaryList } from "./form/summary";
import { collect } from "./form/validate";
import { type ApiError, api, fieldErrors } from "./lib/api";
import { announce, byId, focus, h } from "./lib/dom";
import { clearErrors, showErrors } from "./lib/errors";
import { applyLanguage, languageSwitcher, pageLanguage } from "./lib/lang";
import { loadPlanRules } from "./lib/plan-rules";
import { say } from "./lib/ui-text";

let language: Language = pageLanguage();
let draft: Draft = loadDraft();
const busy = { count: 0 };
let sending = false;

const app = byId("app") as HTMLElement;
const form = h("form", { id: "request-form", novalidate: true, "aria-labelledby": "title" });
const summary = h("section", { id: "summary", hidden: true, "aria-labelledby": "summary-title" });
const success = h("section", { id: "success", hidden: true, "aria-labelledby": "success-title" });

function titles() {
  byId("title")!.textContent = say("formTitle", language);
  byId("intro")!.textContent = say("formAbout", language);
  document.title = say("formTitle", language);
}

function rerender(focusId?: string) {
  clearErrors(form);
  titles();
  form.replaceChildren(
    h("p", { class: "hint" }, say("formIntro", language)),
    ...formContent({ draft, language, busy, changed: () => saveDraft(draft), rerender }),
    h(
      "div",
      { class: "actions" },
      h("button", { type: "submit", id: "review" }, say("review", language)),
    ),
  );
  if (focusId) focus(byId(focusId));
}

function showForm(errors: FieldError[] = []) {
  summary.hidden = true;
  form.hidden = false;
  if (errors.length > 0)
    showErrors(form, errors, say("errorsTitle", language, { n: errors.length }));
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const { body, errors } = collect(draft, language);
  if (busy.count > 0) {
    errors.unshift({
      path: "documents",
      code: "invalid_value",
      message: say("uploadBusy", language),
    });
  }
  if (errors.length > 0) return showForm(errors);
  clearErrors(form);
  showSummary(body);
});

function showSummary(body: Record<string, unknown>, notice?: string) {
  form.hidden = true;
  const sendButton = h("button", { type: "button", id: "send" }, say("send", language));
  const message = h(
    "div",
    { id: "send-result", class: notice ? "notice error" : "notice", role: "alert" },
    notice ?? "",
  );
  sendButton.addEventListener("click", () => send(body, sendButton, message));
  summary.replaceChildren(
    h("h2", { id: "summary-title", tabindex: "-1" }, say("summaryTitle", language)),
    summaryList(body, draft, language),
    message,
    h(
      "div",
      { class: "actions" },
      h(
        "button",
        {
          type: "button",
          class: "secondary",
          onclick: () => {
            showForm();
            focus(byId("review"));
          },
        },
        say("edit", language),
      ),
      sendButton,
    ),
  );
  summary.hidden = false;
  focus(byId("summary-title"));
}

async function send(
  body: Record<string, unknown>,
  button: HTMLButtonElement,
  message: HTMLElement,
) {
  // A double click or a resend must not start two requests: one key per fill, and no overlap.
  if (sending) return;
  sending = true;
  button.disabled = true;
  button.textContent = say("sending", language);
  message.textContent = "";
  try {
    const answer = await api<{ statusUrl?: string } & ApiError>("POST", "/api/requests", {
      body,
      headers: { "idempotency-key": idempotencyKey() },
    });
    const errors = fieldErrors(answer.body);
    if (answer.status === 201 || answer.status === 200) {
      forgetKey(true);
      return showSuccess(answer.body.statusUrl ?? "");
    }
    if (answer.status === 400 && errors) {
      // Nothing was stored for a refused body: the corrected one gets a fresh key.
      forgetKey(false);
      return showForm(errors);
    }
    message.className = "notice error";
    message.textContent =
      answer.body.error?.message ?? say("serverError", language, { status: answer.status });
  } catch {
    message.className = "notice error";
    message.textContent = say("networkError", language);
  } finally {
    sending = false;
    button.disabled = false;
    button.textContent = say("send", language);
  }
}

function showSuccess(statusUrl: string) {
  const link = new URL(statusUrl, location.origin).href;
  const copy = h(
    "button",
    { type: "button", class: "secondary", id: "copy" },
    say("copy", language),
  );
  copy.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(link);
    } catch {
      // Without clipboard access the link stays selectable on the page.
      (byId("status-link-text") as HTMLInputElement | null)?.select();
    }
    announce(say("copied", language));
  });
  form.hidden = true;
  summary.hidden = true;
  success.replaceChildren(
    h("h2", { id: "success-title", tabindex: "-1" }, say("successTitle", language)),
    h("p", {}, say("successText", language)),
    h("p", {}, h("a", { href: link, id: "status-link" }, say("statusLink", language))),
    h(
      "div",
      { class: "field" },
      h("label", { for: "status-link-text" }, say("statusLink", language)),
      h("input", { id: "status-link-text", type: "text", readonly: true, value: link }),
    ),
    h(
      "div",
      { class: "actions" },
      copy,
      h(
        "button",
        {
          type: "button",
          class: "secondary",
          onclick: () => {
            draft = emptyDraft();
            success.hidden = true;
            form.hidden = false;
            rerender("f-type");
          },
        },
        say("newRequest", language),
      ),
    ),
  );
  success.hidden = false;
  focus(byId("success-title"));
  announce(say("successTitle", language));
}

function setLanguage(next: Language, remember: boolean) {
  language = next;
  applyLanguage(language, remember);
  languageSwitcher(language, (l) => {
    setLanguage(l, true);
    if (rules !== "ready") return rules === "failed" ? showUnavailable() : undefined;
    if (!summary.hidden) showForm();
    rerender("lang");
  });
}

/** Where the plan's rules stand: the form is drawn with them, never without. */
let rules: "loading" | "failed" | "ready" = "loading";

/** The form needs the running plan's rules for its hints and checks: asks for them, then draws. */
async function start() {
  rules = "loading";
  titles();
  app.replaceChildren(h("p", { class: "notice", role: "status" }, say("loading", language)));
  try {
    await loadPlanRules();
  } catch {
    rules = "failed";
    return showUnavailable();
  }
  rules = "ready";
  app.replaceChildren(form, summary, success);
  rerender();
}

function showUnavailable() {
  titles();
  app.replaceChildren(
    h(
      "div",
      { class: "notice error", role: "alert", id: "plan-unavailable" },
      h("p", {}, say("planUnavailable", language)),
      h(
        "button",
        { type: "button", id: "plan-retry", onclick: () => void start() },
        say("retry", language),
      ),
    ),
  );
}

byId("noscript-note")?.remove();
setLanguage(language, false);
void start();
