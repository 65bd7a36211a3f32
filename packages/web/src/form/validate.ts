import { ibanProblem, normaliseIban } from "@entraide/core/bank/iban";
import { parseEuros } from "@entraide/core/money/euros";
import { labelOf } from "@entraide/core/request-view/labels";
import { type ReasonCode, renderReason } from "@entraide/core/request-view/reasons";
import { quote } from "@entraide/core/requests/i18n";
import type { FieldError } from "@entraide/core/requests/messages";
import type { Language } from "@entraide/core/requests/request-types";
import { type Issue, toFieldError } from "../lib/errors";
import { planRules } from "../lib/plan-rules";
import { say } from "../lib/ui-text";
import { markedIds } from "./correspondence";
import type { Draft } from "./draft";
import { type Column, specsOf, WITHOUT_ACTIVITY } from "./specs";

const MEMBER_NUMBER = new RegExp(__PLAN_LIMITS__.memberNumber);
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type Path = (string | number)[];
type Out = Record<string, unknown>;

/**
 * Checks what is cheap to check in the browser (required, lengths, formats, ranges, IBAN) and
 * builds the body of `POST /api/requests`. Messages are the API's (`messages.ts`); every other
 * rule is the API's, whose 400 errors the form shows the same way.
 */
export function collect(
  draft: Draft,
  language: Language,
  keys?: readonly string[],
): { body: Out; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const fail = (issue: Issue): undefined => {
    errors.push(toFieldError(issue, language));
  };
  const required = (path: Path): undefined =>
    fail({ code: "invalid_type", expected: "string", path });
  const body: Out = { type: draft.type, language: draft.language ?? language };
  if (!draft.type) {
    required(["type"]);
    return { body, errors };
  }

  const text = (
    path: Path,
    raw: string | undefined,
    s: { required: boolean; min?: number; max: number },
  ) => {
    const value = (raw ?? "").trim();
    if (!value) return s.required ? required(path) : undefined;
    if (s.min && value.length < s.min) {
      return fail({ code: "too_small", origin: "string", minimum: s.min, inclusive: true, path });
    }
    if (value.length > s.max) {
      return fail({ code: "too_big", origin: "string", maximum: s.max, inclusive: true, path });
    }
    return value;
  };
  const euros = (path: Path, raw: string, zeroOk = false, range?: { min: number; max: number }) => {
    if (!raw.trim()) return required(path);
    let cents: number;
    try {
      cents = parseEuros(raw, language);
    } catch {
      cents = -1;
    }
    if (cents < 0 || (cents === 0 && !zeroOk)) {
      const label = quote(labelOf(path, language), language);
      errors.push({
        path: path.join("."),
        code: "invalid_type",
        message: say(zeroOk ? "eurosInvalidZero" : "eurosInvalid", language, { label }),
      });
      return undefined;
    }
    if (range && cents < range.min) {
      return fail({
        code: "too_small",
        origin: "number",
        minimum: range.min,
        inclusive: true,
        path,
      });
    }
    if (range && cents > range.max) {
      return fail({ code: "too_big", origin: "number", maximum: range.max, inclusive: true, path });
    }
    return cents;
  };
  const integer = (path: Path, raw: string, range: { min: number; max: number }) => {
    if (!raw.trim()) return required(path);
    if (!/^\d+$/.test(raw.trim()))
      return fail({ code: "invalid_type", expected: "int", input: raw, path });
    const n = Number(raw.trim());
    if (n < range.min)
      return fail({
        code: "too_small",
        origin: "number",
        minimum: range.min,
        inclusive: true,
        path,
      });
    if (n > range.max)
      return fail({ code: "too_big", origin: "number", maximum: range.max, inclusive: true, path });
    return n;
  };
  const date = (path: Path, raw: string) => {
    if (!raw) return required(path);
    if (!DATE.test(raw) || Number.isNaN(Date.parse(raw))) {
      return fail({ code: "invalid_format", format: "date", input: raw, path });
    }
    return raw;
  };
  const email = (path: Path, raw: string | undefined, isRequired: boolean) => {
    const value = (raw ?? "").trim().toLowerCase();
    if (!value) return isRequired ? required(path) : undefined;
    if (!EMAIL.test(value) || value.length > 254) {
      return fail({ code: "invalid_format", format: "email", input: value, path });
    }
    return value;
  };
  const set = (path: string, value: unknown) => {
    if (value === undefined) return;
    const parts = path.split(".");
    let target = body;
    for (const part of parts.slice(0, -1)) {
      target[part] ??= {};
      target = target[part] as Out;
    }
    target[parts[parts.length - 1] as string] = value;
  };

  for (const spec of specsOf(draft.type, keys, draft.values)) {
    const path = spec.path.split(".");
    const raw = draft.values[spec.path] ?? "";
    switch (spec.kind) {
      case "text":
      case "textarea": {
        const value = text(path, raw, spec);
        if (value === undefined) break;
        if (spec.path === "memberNumber" && !MEMBER_NUMBER.test(value)) {
          fail({ code: "custom", path, params: { code: "invalid_member_number" } });
        } else if (spec.path === "iban") {
          const problem = ibanProblem(value);
          if (problem) fail({ code: "custom", path, params: { code: problem } });
          else set(spec.path, normaliseIban(value));
        } else set(spec.path, value);
        break;
      }
      case "email":
        set(spec.path, email(path, raw, spec.required));
        break;
      case "date":
        set(spec.path, date(path, raw));
        break;
      case "euros":
        set(spec.path, euros(path, raw, spec.zeroOk, spec.range));
        break;
      case "int":
        set(spec.path, integer(path, raw, spec.range));
        break;
      case "choice":
        if (!raw) required(path);
        else set(spec.path, raw);
        break;
      case "consent":
        if (draft.consent) set("clientConsent", true);
        break;
      case "flag":
        if (raw === WITHOUT_ACTIVITY) set(spec.path, true);
        break;
      case "correspondence": {
        // Only a negotiation is justified by correspondence, and needs some marked (§2).
        if (draft.values.basis !== "negotiation") break;
        const attached = new Set(draft.documents.map((d) => d.documentId));
        const marked = markedIds(draft.values).filter((id) => attached.has(id));
        if (marked.length > 0) set(spec.path, marked);
        else fail({ code: "custom", path, params: { code: "correspondence_required" } });
        break;
      }
      case "workDays":
        set("workDays", workDays(draft, { fail, required, date }));
        break;
      case "lines":
        set("lines", lines(draft, { required, date, text, euros }));
        break;
      case "rows": {
        const rows = draft.rows[spec.path] ?? [];
        if (rows.length < spec.min) {
          fail({ code: "too_small", origin: "array", minimum: spec.min, inclusive: true, path });
          break;
        }
        if (rows.length === 0) break;
        const cell = (c: Column, p: Path, raw: string) =>
          c.kind === "text"
            ? text(p, raw, { required: true, min: c.min, max: c.max })
            : c.kind === "email"
              ? email(p, raw, true)
              : c.kind === "euros"
                ? euros(p, raw)
                : date(p, raw);
        set(
          spec.path,
          rows.map((row, i) =>
            Object.fromEntries(
              spec.columns.map((c) => [c.key, cell(c, [spec.path, i, c.key], row[c.key] ?? "")]),
            ),
          ),
        );
        break;
      }
      case "documents":
        if (draft.documents.length < spec.min) {
          fail({ code: "too_small", origin: "array", minimum: spec.min, inclusive: true, path });
        } else if (draft.documents.length > 0) {
          set(
            "documents",
            draft.documents.map((d) => d.documentId),
          );
        }
        break;
    }
  }
  checkPlanRules(body, errors, language);
  tranchesRule(body, errors, fail);
  return { body, errors };
}

/**
 * The plan's window and caps, checked before sending with the words the server's checks use,
 * so that a request the checks would send back to the member is corrected here instead.
 */
function checkPlanRules(body: Out, errors: FieldError[], l: Language) {
  const { planWindow, aidCapCents, expensesCapCents } = planRules();
  const reason = (path: string, code: ReasonCode, params: Record<string, string | number>) =>
    errors.push({ path, code: "invalid_value", message: renderReason({ code, params }, l) });
  const days = (body.workDays as { date?: string }[] | undefined) ?? [];
  for (const [i, day] of days.entries()) {
    if (day.date && (day.date < planWindow.from || day.date > planWindow.to))
      reason(`workDays.${i}.date`, "work_date_outside_window", {
        date: day.date,
        fromDate: planWindow.from,
        toDate: planWindow.to,
      });
  }
  if (body.type === "emergency-aid" && Number(body.requestedAmountCents) > aidCapCents)
    reason("requestedAmountCents", "aid_above_cap", {
      amountCents: Number(body.requestedAmountCents),
      capCents: aidCapCents,
    });
  const lines = (body.lines as { amountCents?: number }[] | undefined) ?? [];
  const total = lines.reduce((sum, line) => sum + (line.amountCents ?? 0), 0);
  if (body.type === "incurred-expenses" && total > expensesCapCents)
    reason("lines", "expenses_total_above_cap", { amountCents: total, capCents: expensesCapCents });
  // Receipts count only when dated strictly before the cancellation (the expense-dates check).
  const cancellationDate = body.cancellationDate as string | undefined;
  if (body.type === "incurred-expenses" && cancellationDate)
    for (const [i, line] of (body.lines as { date?: string }[] | undefined)?.entries() ?? []) {
      if (line.date && line.date >= cancellationDate)
        reason(`lines.${i}.date`, "expense_after_cancellation", {
          line: i + 1,
          date: line.date,
          cancellationDate,
        });
    }
}

/**
 * The server's `tranches_sum` and `tranche_dates_order` rules, with its words, once every amount
 * and date is readable (a row's own error is said first).
 */
function tranchesRule(body: Out, errors: FieldError[], fail: (i: Issue) => void) {
  if (body.type !== "initiative-support" || errors.some((e) => e.path.startsWith("tranches")))
    return;
  const tranches = (body.tranches as { amountCents: number; dueDate: string }[] | undefined) ?? [];
  const requested = body.requestedAmountCents;
  const sum = tranches.reduce((total, t) => total + t.amountCents, 0);
  if (tranches.length > 0 && typeof requested === "number" && sum !== requested)
    fail({ code: "custom", path: ["tranches"], params: { code: "tranches_sum" } });
  tranches.forEach((t, i) => {
    const before = tranches[i - 1];
    if (before && t.dueDate <= before.dueDate)
      fail({
        code: "custom",
        path: ["tranches", i, "dueDate"],
        params: { code: "tranche_dates_order" },
      });
  });
}

function workDays(
  draft: Draft,
  c: {
    fail: (i: Issue) => void;
    required: (p: Path) => void;
    date: (p: Path, raw: string) => string | undefined;
  },
) {
  if (draft.workDays.length === 0) {
    c.fail({ code: "too_small", origin: "array", minimum: 1, inclusive: true, path: ["workDays"] });
    return undefined;
  }
  const days = draft.workDays.map((row, i) => {
    const day: Out = { date: c.date(["workDays", i, "date"], row.date) };
    const hours = row.hours.trim().replace(",", ".");
    const cachets = row.cachets.trim();
    if (hours) {
      const n = Number(hours);
      const path = ["workDays", i, "hours"];
      if (!Number.isFinite(n))
        c.fail({ code: "invalid_type", expected: "number", input: hours, path });
      else if (n <= 0)
        c.fail({ code: "too_small", origin: "number", minimum: 0, inclusive: false, path });
      else if (n > 24)
        c.fail({ code: "too_big", origin: "number", maximum: 24, inclusive: true, path });
      else if (!Number.isInteger(n * 4)) c.fail({ code: "not_multiple_of", divisor: 0.25, path });
      else day.hours = n;
    }
    if (cachets) {
      const path = ["workDays", i, "cachets"];
      const n = Number(cachets);
      if (!/^\d+$/.test(cachets))
        c.fail({ code: "invalid_type", expected: "int", input: cachets, path });
      else if (n < 1)
        c.fail({ code: "too_small", origin: "number", minimum: 1, inclusive: true, path });
      else if (n > 3)
        c.fail({ code: "too_big", origin: "number", maximum: 3, inclusive: true, path });
      else day.cachets = n;
    }
    if (hours && cachets) {
      c.fail({
        code: "custom",
        path: ["workDays", i, "cachets"],
        params: { code: "hours_and_cachets" },
      });
    }
    return day;
  });
  const dates = days.map((d) => d.date).filter(Boolean);
  if (new Set(dates).size !== dates.length) {
    c.fail({ code: "custom", path: ["workDays"], params: { code: "duplicate_date" } });
  }
  return days;
}

function lines(
  draft: Draft,
  c: {
    required: (p: Path) => void;
    date: (p: Path, raw: string) => string | undefined;
    text: (p: Path, raw: string, s: { required: boolean; max: number }) => string | undefined;
    euros: (p: Path, raw: string) => number | undefined;
  },
) {
  if (draft.lines.length === 0) {
    c.required(["lines"]);
    return undefined;
  }
  return draft.lines.map((row, i) => {
    if (!row.doc) c.required(["lines", i, "documentId"]);
    return {
      date: c.date(["lines", i, "date"], row.date),
      description: c.text(["lines", i, "description"], row.description, {
        required: true,
        max: 300,
      }),
      amountCents: c.euros(["lines", i, "amountCents"], row.amountCents),
      documentId: row.doc?.documentId,
    };
  });
}
