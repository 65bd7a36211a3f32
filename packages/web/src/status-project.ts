import { fieldTexts } from "@entraide/core/request-view/labels";
import { formatDate, formatEuros } from "@entraide/core/requests/i18n";
import type { Language } from "@entraide/core/requests/request-types";
import { h } from "./lib/dom";
import { showErrors, showProblem, toFieldError } from "./lib/errors";
import { facts, section } from "./lib/page";
import { dataTable } from "./lib/table";
import { say } from "./lib/ui-text";
import { type Doc, fileField } from "./lib/upload";

/** `project` of `GET /api/requests/{id}` for an `initiative-support` request. */
export interface ProjectView {
  current: number;
  confirmBy?: string;
  coApplicants: { memberNumber: string; answer: "confirmed" | "declined" | "waiting" }[];
  tranches: {
    number: number;
    milestone: string;
    dueDate: string;
    amountCents: number;
    status: "pending" | "reported" | "needs-info" | "granted" | "paid" | "rejected" | "released";
  }[];
  question?: string;
}

const day = (iso: string, l: Language) => formatDate(iso.slice(0, 10), l);

/** Who is in the project and where each tranche stands. */
export function projectSection(p: ProjectView, l: Language): HTMLElement {
  return section(
    "project-title",
    say("projectTitle", l),
    p.coApplicants.length
      ? facts(
          p.coApplicants.map((c) => [
            c.memberNumber,
            h("span", { class: `answer-${c.answer}` }, say(`coApplicant-${c.answer}`, l)),
          ]),
        )
      : null,
    p.confirmBy && p.coApplicants.some((c) => c.answer === "waiting")
      ? h("p", { id: "confirm-by" }, say("confirmByDate", l, { date: day(p.confirmBy, l) }))
      : null,
    dataTable(
      "tranches",
      say("trancheTable", l),
      [
        { title: say("tranche", l) },
        { title: say("amount", l), num: true },
        { title: say("milestone", l) },
        { title: say("dueDate", l) },
        { title: say("trancheStatus", l) },
      ],
      p.tranches.map((t) => [
        String(t.number),
        formatEuros(t.amountCents, l),
        t.milestone,
        day(t.dueDate, l),
        say(`tranche-${t.status}`, l),
      ]),
    ),
  );
}

/** The report on the milestone reached (text and documents) that asks for the next tranche. */
export function reportForm(
  p: ProjectView,
  l: Language,
  send: (form: HTMLFormElement, button: HTMLButtonElement, body: object) => Promise<void>,
): HTMLElement {
  let docs: Doc[] = [];
  const busy = { count: 0 };
  const tranche = p.tranches[p.current - 1];
  const text = fieldTexts.report[l];
  const report = h("textarea", {
    id: "f-report",
    name: "report",
    rows: 6,
    maxlength: 4000,
    required: true,
    "aria-describedby": "f-report-hint",
  });
  const button = h("button", { type: "submit", id: "send-report" }, say("sendReport", l));
  const form = h(
    "form",
    { id: "report-form", novalidate: true },
    p.question ? h("blockquote", { id: "report-question" }, p.question) : null,
    h("p", {}, say("reportAbout", l, { milestone: tranche?.milestone ?? "" })),
    h(
      "div",
      { class: "field" },
      h(
        "label",
        { for: "f-report" },
        text.label,
        h("span", { class: "req", "aria-hidden": "true" }, " *"),
      ),
      h("p", { class: "hint", id: "f-report-hint" }, text.hint ?? ""),
      report,
    ),
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
    h("div", { class: "actions" }, button),
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    if (busy.count > 0) return showProblem(form, "documents", say("uploadBusy", l), l);
    const body: { report: string; documents?: string[] } = { report: report.value.trim() };
    // The API's own rule and words (`TrancheReportBody`), said before anything is sent.
    if (body.report.length < 10)
      return showErrors(
        form,
        [
          body.report
            ? toFieldError(
                {
                  code: "too_small",
                  origin: "string",
                  minimum: 10,
                  inclusive: true,
                  path: ["report"],
                },
                l,
              )
            : toFieldError({ code: "invalid_type", expected: "string", path: ["report"] }, l),
        ],
        say("errorsTitle", l, { n: 1 }),
      );
    if (docs.length) body.documents = docs.map((d) => d.documentId);
    await send(form, button as HTMLButtonElement, body);
  });
  return section("report-title", say("reportTitle", l, { n: p.current }), form);
}
