import { type Installment, loanSchedule } from "@entraide/core/loans/schedule";
import { fieldTexts, labelOf, optionTexts } from "@entraide/core/request-view/labels";
import { showValue } from "@entraide/core/request-view/show";
import { formatDate, formatEuros } from "@entraide/core/requests/i18n";
import type { Language, RequestType } from "@entraide/core/requests/request-types";
import { type Spec, specsOf } from "../form/specs";
import { h } from "../lib/dom";
import { facts, section } from "../lib/page";
import { dataTable } from "../lib/table";
import { say } from "../lib/ui-text";

export interface Document {
  documentId: string;
  name: string;
  /** Marked by the member as the correspondence a negotiation is justified by. */
  correspondence?: boolean;
}

type Details = Record<string, unknown>;
const TABLES = new Set(["workDays", "lines", "coApplicants", "budgetLines", "tranches"]);
/** The fields that are the amount asked, shown once as such. */
const ASKED = new Set(["grossAmountCents", "requestedAmountCents", "amountCents"]);
const label = (key: string, l: Language) => labelOf(key.split("."), l);

export const shown = showValue;

/**
 * A link to a document: the page asks for a signed download link when it is followed
 * (`openDocument` in decision.ts), so it works however long the page stays open.
 */
export function documentLink(doc: Document | undefined, l: Language): Node | string {
  if (!doc) return say("none", l);
  const link = h("a", { href: "#", "data-document": doc.documentId }, doc.name);
  if (!doc.correspondence) return link;
  return h(
    "span",
    {},
    link,
    " ",
    h("strong", { class: "tag" }, `(${label("correspondenceDocuments", l)})`),
  );
}

function workDaysTable(days: Details[], l: Language) {
  return dataTable(
    "work-days",
    label("workDays", l),
    [
      { title: label("workDays.date", l) },
      { title: label("workDays.hours", l), num: true },
      { title: label("workDays.cachets", l), num: true },
    ],
    days.map((d) => [
      shown("date", d.date, l),
      d.hours === undefined
        ? d.cachets === undefined
          ? say("fullDay", l)
          : ""
        : shown("hours", d.hours, l),
      d.cachets === undefined ? "" : shown("cachets", d.cachets, l),
    ]),
  );
}

function linesTable(lines: Details[], documents: Document[], l: Language) {
  const total = lines.reduce((sum, line) => sum + Number(line.amountCents ?? 0), 0);
  return dataTable(
    "expense-lines",
    label("lines", l),
    [
      { title: label("lines.date", l) },
      { title: label("lines.description", l) },
      { title: label("lines.amountCents", l), num: true },
      { title: label("lines.documentId", l) },
    ],
    [
      ...lines.map((line) => [
        shown("date", line.date, l),
        String(line.description ?? ""),
        shown("amountCents", line.amountCents, l),
        documentLink(
          documents.find((d) => d.documentId === line.documentId),
          l,
        ),
      ]),
      [h("strong", {}, say("total", l)), "", h("strong", {}, formatEuros(total, l)), ""],
    ],
  );
}

/** A project's list (co-applicants, budget lines, tranches) as a table of its form's columns. */
function rowsTable(spec: Extract<Spec, { kind: "rows" }>, rows: Details[], l: Language) {
  const amounts = spec.columns.some((c) => c.key === "amountCents");
  const total = rows.reduce((sum, r) => sum + Number(r.amountCents ?? 0), 0);
  return section(
    `${spec.path}-title`,
    label(spec.path, l),
    dataTable(
      `${spec.path}-table`,
      label(spec.path, l),
      spec.columns.map((c) => ({
        title: label(`${spec.path}.${c.key}`, l),
        num: c.kind === "euros",
      })),
      [
        ...rows.map((r) => spec.columns.map((c) => shown(c.key, r[c.key], l))),
        ...(amounts
          ? [
              spec.columns.map((c, i) =>
                c.kind === "euros"
                  ? h("strong", {}, formatEuros(total, l))
                  : i === 0
                    ? h("strong", {}, say("total", l))
                    : "",
              ),
            ]
          : []),
      ],
    ),
  );
}

/** The loan's installments if it were paid out today: what the member would repay, and when. */
function schedulePreview(details: Details, today: string, l: Language) {
  let schedule: Installment[];
  try {
    schedule = loanSchedule({
      principalCents: Number(details.amountCents),
      termMonths: Number(details.termMonths),
      graceMonths: Number(details.graceMonths),
      disbursedOn: today,
    });
  } catch {
    return null;
  }
  return section(
    "schedule-title",
    say("schedulePreview", l),
    h("p", { class: "hint" }, say("schedulePreviewHint", l, { date: formatDate(today, l) })),
    dataTable(
      "schedule-preview",
      say("schedulePreview", l),
      [
        { title: say("installment", l) },
        { title: say("dueDate", l) },
        { title: say("amountDue", l), num: true },
      ],
      schedule.map((i) => [
        String(i.number),
        formatDate(i.dueDate, l),
        formatEuros(i.amountCents, l),
      ]),
    ),
  );
}

/**
 * What the member asked, laid out for the approver: the scalar fields as labelled values in
 * the request's order, the work days and the expense lines as tables (receipts linked), and
 * for a loan the schedule it would have.
 */
export function requestSummary(
  type: RequestType,
  details: Details,
  documents: Document[],
  l: Language,
  today: string,
): HTMLElement[] {
  const rows: [string, string | Node][] = [];
  // In the form's order; the amount asked is shown once, above.
  const order = specsOf(type).map((s) => s.path.split(".")[0] as string);
  const keys = Object.keys(details)
    .filter((k) => k in fieldTexts && !TABLES.has(k) && !ASKED.has(k))
    .sort((a, b) => order.indexOf(a) - order.indexOf(b));
  for (const key of keys) {
    const value = details[key];
    if (key === "client" && value && typeof value === "object") {
      const client = value as { name?: string; email?: string };
      rows.push([label("client.name", l), client.name ?? ""]);
      if (client.email) rows.push([label("client.email", l), client.email]);
      continue;
    }
    rows.push([label(key, l), shown(key, value, l)]);
  }
  return [
    section("details-title", say("requestDetails", l), facts(rows)),
    Array.isArray(details.workDays)
      ? section(
          "work-days-title",
          label("workDays", l),
          workDaysTable(details.workDays as Details[], l),
        )
      : null,
    Array.isArray(details.lines)
      ? section(
          "lines-title",
          label("lines", l),
          linesTable(details.lines as Details[], documents, l),
        )
      : null,
    ...specsOf(type).flatMap((s) =>
      s.kind === "rows" && Array.isArray(details[s.path])
        ? [rowsTable(s, details[s.path] as Details[], l)]
        : [],
    ),
    type === "relaunch-loan" ? schedulePreview(details, today, l) : null,
  ].filter((e): e is HTMLElement => e !== null);
}

/** What those who decide read of a request: its facts, its typed summary and its documents. */
export function requestBlocks(
  request: {
    type: RequestType;
    memberName: string;
    amountCents: number;
    details: Record<string, unknown>;
    documents: Document[];
  },
  l: Language,
  today: string,
): (Node | null)[] {
  return [
    facts([
      [fieldTexts.type[l].label, optionTexts.type[request.type]?.[l] ?? request.type],
      [say("member", l), request.memberName],
      [say("amountAsked", l), formatEuros(request.amountCents, l)],
    ]),
    ...requestSummary(request.type, request.details, request.documents, l, today),
    section(
      "docs-title",
      say("documents", l),
      request.documents.length
        ? h(
            "ul",
            { id: "documents" },
            request.documents.map((d) => h("li", {}, documentLink(d, l))),
          )
        : h("p", {}, say("none", l)),
    ),
  ];
}

/** The report a committee member checks before the next tranche is paid, with its documents. */
export function reportBlock(
  report: {
    number: number;
    milestone: string;
    amountCents: number;
    text: string;
    at: string;
    documents: Document[];
  },
  l: Language,
): HTMLElement {
  return section(
    "report-title",
    say("reportTitle", l, { n: report.number }),
    facts([
      [say("milestone", l), report.milestone],
      [say("amount", l), formatEuros(report.amountCents, l)],
      [say("sentOn", l), formatDate(report.at.slice(0, 10), l)],
    ]),
    h("blockquote", { id: "report-text" }, report.text),
    report.documents.length
      ? h(
          "ul",
          { id: "report-documents" },
          report.documents.map((d) => h("li", {}, documentLink(d, l))),
        )
      : h("p", {}, say("none", l)),
  );
}
