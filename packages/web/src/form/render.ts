import { formatIban, normaliseIban } from "@entraide/core/bank/iban";
import { fieldTexts, optionTexts } from "@entraide/core/request-view/labels";
import { formatDate, formatEuros, type Translated } from "@entraide/core/requests/i18n";
import { type Language, languages, requestTypes } from "@entraide/core/requests/request-types";
import { h } from "../lib/dom";
import { fieldId } from "../lib/errors";
import { planRules } from "../lib/plan-rules";
import { say } from "../lib/ui-text";
import { fileField } from "../lib/upload";
import { correspondenceField, DOCUMENTS_CHANGED } from "./correspondence";
import { dailyHint } from "./daily-hint";
import type { Draft } from "./draft";
import { commonSpecs, type Spec, specsOf, WITHOUT_ACTIVITY } from "./specs";

type Texts = Record<string, Translated<{ label: string; hint?: string }>>;
const texts = fieldTexts as Texts;
const options = optionTexts as unknown as Record<string, Record<string, Translated>>;

/** Label and hint of the field at `key` (list indexes removed), from `labels.ts`. */
export function fieldText(key: string, language: Language) {
  return texts[key]?.[language] ?? { label: key };
}

const isAmount = (path: string) => /Cents$/.test(path);

export interface FormContext {
  draft: Draft;
  language: Language;
  busy: { count: number };
  /** Saves the draft after a keystroke. */
  changed: () => void;
  /** Rebuilds the form (type chosen, row added or removed), then focuses `focusId`. */
  rerender: (focusId?: string) => void;
}

const label = (id: string, text: string, required: boolean) =>
  h(
    "label",
    { for: id },
    text,
    required ? h("span", { class: "req", "aria-hidden": "true" }, " *") : "",
  );

/** A labelled control with its hint linked by aria-describedby. */
function field(
  path: string,
  key: string,
  control: (id: string, describedBy: string | undefined) => HTMLElement,
  ctx: FormContext,
  o: { required: boolean; hint?: string; extra?: HTMLElement },
) {
  const id = fieldId(path);
  const text = fieldText(key, ctx.language);
  const base = o.hint ?? (isAmount(key) ? say("eurosHint", ctx.language) : text.hint);
  const rule = planHint(key, ctx.language, ctx.draft.type);
  const hint = [base, rule].filter(Boolean).join(" ") || undefined;
  const hintId = hint ? `${id}-hint` : undefined;
  const describedBy = [hintId, o.extra?.id].filter(Boolean).join(" ") || undefined;
  return h(
    "div",
    { class: "field" },
    label(id, text.label, o.required),
    hint ? h("p", { class: "hint", id: hintId }, hint) : null,
    control(id, describedBy),
    o.extra ?? null,
  );
}

const { loan, initiative } = __PLAN_LIMITS__;

/** The plan's window, cap or rule a field is checked against, said before the member sends. */
export function planHint(key: string, l: Language, type?: Draft["type"]): string | undefined {
  if (type === "initiative-support") return initiativeHint(key, l);
  const rules = planRules();
  const window = {
    from: formatDate(rules.planWindow.from, l),
    to: formatDate(rules.planWindow.to, l),
  };
  switch (key) {
    case "workDays":
    case "workDays.date":
      return key === "workDays" ? say("windowHint", l, window) : undefined;
    case "cancellationDate":
      return say("cancellationHint", l, { from: formatDate(rules.crisisStart, l) });
    case "requestedAmountCents":
      return say("aidCapHint", l, {
        max: formatEuros(rules.aidCapCents, l),
        days: rules.aidPeriodDays,
      });
    case "lines":
      return say("expensesCapHint", l, { max: formatEuros(rules.expensesCapCents, l) });
    case "amountCents":
      return say("rangeHint", l, {
        min: formatEuros(loan.amountCents.min, l),
        max: formatEuros(loan.amountCents.max, l),
      });
    default:
      return undefined;
  }
}

/** The initiative fund's bounds (plan config), said where the member types the value. */
function initiativeHint(key: string, l: Language): string | undefined {
  switch (key) {
    case "requestedAmountCents":
      return say("rangeHint", l, {
        min: formatEuros(initiative.amountCents.min, l),
        max: formatEuros(initiative.amountCents.max, l),
      });
    case "tranches":
      return say("tranchesHint", l, initiative.tranches);
    case "coApplicants":
      return say("coApplicantsHint", l, { max: initiative.maxCoApplicants });
    default:
      return undefined;
  }
}

/** An input bound to `get`/`put` (the draft). */
function input(
  id: string,
  describedBy: string | undefined,
  value: string,
  put: (v: string) => void,
  ctx: FormContext,
  attrs: Record<string, string | boolean | undefined>,
) {
  const el = h(attrs.tag === "textarea" ? "textarea" : "input", {
    id,
    name: id,
    "aria-describedby": describedBy,
    ...attrs,
    tag: undefined,
  }) as HTMLInputElement;
  el.value = value;
  el.addEventListener("input", () => {
    put(el.value);
    ctx.changed();
  });
  return el;
}

function scalar(spec: Spec, ctx: FormContext): HTMLElement {
  const { draft, language } = ctx;
  const path = spec.path;
  const value = draft.values[path] ?? "";
  const put = (v: string) => {
    draft.values[path] = v;
  };
  switch (spec.kind) {
    case "text":
    case "textarea":
    case "email": {
      const required = spec.required;
      const attrs: Record<string, string | boolean | undefined> =
        spec.kind === "email"
          ? { type: "email", autocomplete: path === "email" ? "email" : "off", required }
          : spec.kind === "textarea"
            ? { tag: "textarea", rows: "4", maxlength: String(spec.max), required }
            : { type: "text", maxlength: String(spec.max), required };
      if (path === "memberNumber") attrs.autocomplete = "off";
      if (path === "iban") return ibanField(ctx);
      return field(path, path, (id, d) => input(id, d, value, put, ctx, attrs), ctx, { required });
    }
    case "date":
      return field(
        path,
        path,
        (id, d) => input(id, d, value, put, ctx, { type: "date", required: true }),
        ctx,
        {
          required: true,
        },
      );
    case "euros":
      return field(
        path,
        path,
        (id, d) =>
          input(id, d, value, put, ctx, {
            type: "text",
            inputmode: "decimal",
            autocomplete: "off",
            required: true,
          }),
        ctx,
        { required: true, extra: path === "grossAmountCents" ? dailyHint(ctx) : undefined },
      );
    case "int":
      return field(
        path,
        path,
        (id, d) =>
          input(id, d, value, put, ctx, {
            type: "number",
            inputmode: "numeric",
            min: String(spec.range.min),
            max: String(spec.range.max),
            step: "1",
            required: true,
          }),
        ctx,
        { required: true, hint: `${spec.range.min}–${spec.range.max}` },
      );
    case "choice":
      return radios(
        path,
        spec.options,
        value,
        (v) => {
          put(v);
          ctx.changed();
        },
        ctx,
      );
    case "flag": {
      const id = fieldId(path);
      const text = fieldText(path, language);
      const box = h("input", {
        type: "checkbox",
        id,
        "aria-describedby": `${id}-hint`,
        checked: value === WITHOUT_ACTIVITY,
      });
      box.addEventListener("change", () => {
        draft.values[path] = box.checked ? WITHOUT_ACTIVITY : "";
        ctx.changed();
        // The activity field goes away (or comes back) with the choice.
        ctx.rerender(id);
      });
      return h(
        "div",
        { class: "field check" },
        box,
        h("label", { for: id }, text.label),
        h("p", { class: "hint", id: `${id}-hint` }, text.hint ?? ""),
      );
    }
    case "consent": {
      const id = fieldId(path);
      const text = fieldText(path, language);
      const box = h("input", {
        type: "checkbox",
        id,
        "aria-describedby": `${id}-hint`,
        checked: draft.consent,
      });
      box.addEventListener("change", () => {
        draft.consent = box.checked;
        ctx.changed();
      });
      return h(
        "div",
        { class: "field check" },
        box,
        h("label", { for: id }, text.label),
        h("p", { class: "hint", id: `${id}-hint` }, text.hint ?? ""),
      );
    }
    default:
      return h("div");
  }
}

/** A radio group in a fieldset; the first radio carries the field's id for error links. */
export function radios(
  path: string,
  values: readonly string[],
  current: string,
  onPick: (v: string) => void,
  ctx: FormContext,
  attrs: { legendClass?: string } = {},
): HTMLElement {
  const id = fieldId(path);
  const text = fieldText(path, ctx.language);
  return h(
    "fieldset",
    { class: "field choices", id: `${id}-group` },
    h(
      "legend",
      { class: attrs.legendClass },
      text.label,
      h("span", { class: "req", "aria-hidden": "true" }, " *"),
    ),
    text.hint ? h("p", { class: "hint", id: `${id}-hint` }, text.hint) : null,
    values.map((value, i) => {
      const radioId = i === 0 ? id : `${id}-${value}`;
      const radio = h("input", {
        type: "radio",
        name: id,
        id: radioId,
        value,
        checked: value === current,
        required: true,
        "aria-describedby": text.hint && i === 0 ? `${id}-hint` : undefined,
      });
      radio.addEventListener("change", () => onPick(value));
      return h(
        "div",
        { class: "choice" },
        radio,
        h("label", { for: radioId }, options[path]?.[value]?.[ctx.language] ?? value),
      );
    }),
  );
}

function ibanField(ctx: FormContext): HTMLElement {
  const live = h("p", { class: "hint iban-live", id: `${fieldId("iban")}-live` });
  const show = (v: string) => {
    const e = normaliseIban(v);
    live.textContent =
      e.length > 4 ? say("ibanLooksLike", ctx.language, { iban: formatIban(e) }) : "";
  };
  const value = ctx.draft.values.iban ?? "";
  show(value);
  return field(
    "iban",
    "iban",
    (id, d) =>
      input(
        id,
        d,
        value,
        (v) => {
          ctx.draft.values.iban = v;
          show(v);
        },
        ctx,
        { type: "text", autocomplete: "off", spellcheck: "false", required: true, maxlength: "50" },
      ),
    ctx,
    { required: true, extra: live },
  );
}

function languageField(ctx: FormContext): HTMLElement {
  const id = fieldId("language");
  const select = h(
    "select",
    { id },
    languages.map((l) =>
      h(
        "option",
        { value: l, selected: l === (ctx.draft.language ?? ctx.language) },
        options.language?.[l]?.[ctx.language] ?? l,
      ),
    ),
  );
  select.addEventListener("change", () => {
    ctx.draft.language = select.value as Language;
    ctx.changed();
  });
  return h(
    "div",
    { class: "field" },
    label(id, fieldText("language", ctx.language).label, true),
    select,
  );
}

/** Removes row `i` of a repeated list; shown while more than one row is left. */
function removeRowButton(
  rows: unknown[],
  i: number,
  addId: string,
  text: string,
  ctx: FormContext,
) {
  if (rows.length <= 1) return null;
  const onclick = () => {
    rows.splice(i, 1);
    ctx.rerender(fieldId(addId));
  };
  return h("button", { type: "button", class: "secondary", onclick }, text);
}

function workDaysField(ctx: FormContext): HTMLElement {
  const { draft, language } = ctx;
  const text = fieldText("workDays", language);
  const rows = draft.workDays.map((row, i) => {
    const sub = (key: "date" | "hours" | "cachets", attrs: Record<string, string | boolean>) =>
      field(
        `workDays.${i}.${key}`,
        `workDays.${key}`,
        (id, d) =>
          input(
            id,
            d,
            row[key],
            (v) => {
              row[key] = v;
            },
            ctx,
            attrs,
          ),
        ctx,
        { required: key === "date" },
      );
    return h(
      "fieldset",
      { class: "row" },
      h("legend", {}, say("workDay", language, { n: i + 1 })),
      sub("date", { type: "date", required: true }),
      h(
        "div",
        { class: "pair" },
        sub("hours", { type: "text", inputmode: "decimal" }),
        sub("cachets", { type: "text", inputmode: "numeric" }),
      ),
      removeRowButton(
        draft.workDays,
        i,
        "workDays-add",
        say("removeWorkDay", language, { n: i + 1 }),
        ctx,
      ),
    );
  });
  return h(
    "fieldset",
    {
      class: "field list",
      id: fieldId("workDays"),
      "aria-describedby": `${fieldId("workDays")}-hint`,
    },
    h("legend", {}, text.label, h("span", { class: "req", "aria-hidden": "true" }, " *")),
    h(
      "p",
      { class: "hint", id: `${fieldId("workDays")}-hint` },
      [text.hint, planHint("workDays", language)].filter(Boolean).join(" "),
    ),
    rows,
    h(
      "button",
      {
        type: "button",
        id: fieldId("workDays-add"),
        onclick: () => {
          draft.workDays.push({ date: "", hours: "", cachets: "" });
          ctx.rerender(fieldId(`workDays.${draft.workDays.length - 1}.date`));
        },
      },
      say("addWorkDay", language),
    ),
  );
}

function linesField(ctx: FormContext): HTMLElement {
  const { draft, language } = ctx;
  const text = fieldText("lines", language);
  const rows = draft.lines.map((row, i) => {
    const sub = (
      key: "date" | "description" | "amountCents",
      attrs: Record<string, string | boolean>,
    ) =>
      field(
        `lines.${i}.${key}`,
        `lines.${key}`,
        (id, d) =>
          input(
            id,
            d,
            row[key],
            (v) => {
              row[key] = v;
            },
            ctx,
            attrs,
          ),
        ctx,
        { required: true },
      );
    const receipt = fieldText("lines.documentId", language);
    return h(
      "fieldset",
      { class: "row" },
      h("legend", {}, say("line", language, { n: i + 1 })),
      sub("date", { type: "date", required: true }),
      sub("description", { type: "text", maxlength: "300", required: true }),
      sub("amountCents", { type: "text", inputmode: "decimal", required: true }),
      fileField({
        id: fieldId(`lines.${i}.documentId`),
        label: receipt.label,
        hint: fieldText("documents", language).hint,
        required: true,
        multiple: false,
        docs: row.doc ? [row.doc] : [],
        language,
        busy: ctx.busy,
        onChange: (docs) => {
          row.doc = docs[0];
          ctx.changed();
        },
      }),
      removeRowButton(draft.lines, i, "lines-add", say("removeLine", language, { n: i + 1 }), ctx),
    );
  });
  return h(
    "fieldset",
    { class: "field list", id: fieldId("lines"), "aria-describedby": `${fieldId("lines")}-hint` },
    h("legend", {}, text.label, h("span", { class: "req", "aria-hidden": "true" }, " *")),
    h(
      "p",
      { class: "hint", id: `${fieldId("lines")}-hint` },
      [text.hint, planHint("lines", language)].filter(Boolean).join(" "),
    ),
    rows,
    h(
      "button",
      {
        type: "button",
        id: fieldId("lines-add"),
        onclick: () => {
          draft.lines.push({ date: "", description: "", amountCents: "" });
          ctx.rerender(fieldId(`lines.${draft.lines.length - 1}.date`));
        },
      },
      say("addLine", language),
    ),
  );
}

type RowsSpec = Extract<Spec, { kind: "rows" }>;
const rowWords = (path: RowsSpec["path"]) => {
  const name = `${path[0]?.toUpperCase()}${path.slice(1)}` as "CoApplicants";
  return { add: `add${name}`, remove: `remove${name}`, row: `row${name}` } as const;
};

/** The rows of a project list (co-applicants, budget lines, tranches) with add/remove buttons. */
function rowsField(spec: RowsSpec, ctx: FormContext): HTMLElement {
  const { draft, language } = ctx;
  const words = rowWords(spec.path);
  const blank = () => Object.fromEntries(spec.columns.map((c) => [c.key, ""]));
  draft.rows[spec.path] ??= Array.from({ length: spec.min }, blank);
  const list = draft.rows[spec.path] ?? [];
  const text = fieldText(spec.path, language);
  const hintId = `${fieldId(spec.path)}-hint`;
  const first = spec.columns[0]?.key;
  const rows = list.map((row, i) =>
    h(
      "fieldset",
      { class: "row" },
      h("legend", {}, say(words.row, language, { n: i + 1 })),
      spec.columns.map((c) =>
        field(
          `${spec.path}.${i}.${c.key}`,
          `${spec.path}.${c.key}`,
          (id, d) =>
            input(
              id,
              d,
              row[c.key] ?? "",
              (v) => {
                row[c.key] = v;
              },
              ctx,
              c.kind === "euros"
                ? { type: "text", inputmode: "decimal", required: true }
                : c.kind === "text"
                  ? { type: "text", maxlength: String(c.max), required: true }
                  : { type: c.kind, required: true },
            ),
          ctx,
          { required: true },
        ),
      ),
      list.length > spec.min
        ? h(
            "button",
            {
              type: "button",
              class: "secondary",
              onclick: () => {
                list.splice(i, 1);
                ctx.changed();
                ctx.rerender(fieldId(`${spec.path}-add`));
              },
            },
            say(words.remove, language, { n: i + 1 }),
          )
        : null,
    ),
  );
  const hint = [text.hint, planHint(spec.path, language, draft.type)].filter(Boolean).join(" ");
  return h(
    "fieldset",
    { class: "field list", id: fieldId(spec.path), "aria-describedby": hintId },
    h(
      "legend",
      {},
      text.label,
      spec.min > 0 ? h("span", { class: "req", "aria-hidden": "true" }, " *") : "",
    ),
    h("p", { class: "hint", id: hintId }, hint),
    rows,
    list.length < spec.max
      ? h(
          "button",
          {
            type: "button",
            id: fieldId(`${spec.path}-add`),
            onclick: () => {
              list.push(blank());
              ctx.changed();
              ctx.rerender(fieldId(`${spec.path}.${list.length - 1}.${first}`));
            },
          },
          say(words.add, language),
        )
      : null,
  );
}

function render(spec: Spec, ctx: FormContext): HTMLElement {
  if (spec.kind === "rows") return rowsField(spec, ctx);
  if (spec.kind === "workDays") return workDaysField(ctx);
  if (spec.kind === "lines") return linesField(ctx);
  if (spec.kind === "correspondence") return correspondenceField(ctx);
  if (spec.kind === "documents") {
    const text = fieldText("documents", ctx.language);
    return fileField({
      id: fieldId("documents"),
      label: text.label,
      hint: text.hint,
      required: spec.min > 0,
      multiple: true,
      docs: ctx.draft.documents,
      language: ctx.language,
      busy: ctx.busy,
      onChange: (docs) => {
        ctx.draft.documents = docs;
        ctx.changed();
        document.dispatchEvent(new Event(DOCUMENTS_CHANGED));
      },
    });
  }
  return scalar(spec, ctx);
}

/** The whole form for the draft's type: type choice, the member's fields, the type's fields. */
export function formContent(ctx: FormContext): HTMLElement[] {
  const { draft, language } = ctx;
  const typeChoice = radios(
    "type",
    requestTypes,
    draft.type ?? "",
    (v) => {
      draft.type = v as Draft["type"];
      ctx.changed();
      ctx.rerender(fieldId(v === requestTypes[0] ? "type" : `type-${v}`));
    },
    ctx,
    { legendClass: "big" },
  );
  if (!draft.type) return [typeChoice];
  return [
    typeChoice,
    h(
      "fieldset",
      { class: "group" },
      h("legend", {}, say("aboutYou", language)),
      commonSpecs.map((s) => render(s, ctx)),
      languageField(ctx),
    ),
    h(
      "fieldset",
      { class: "group" },
      h("legend", {}, say("aboutRequest", language)),
      specsOf(draft.type, undefined, draft.values)
        .filter((s) => !commonSpecs.includes(s))
        .map((s) => render(s, ctx)),
    ),
  ];
}

/** The controls of the fields named by `keys` only (a needs-info answer), in the form's order. */
export function fieldsOf(keys: readonly string[], ctx: FormContext): HTMLElement[] {
  return ctx.draft.type
    ? specsOf(ctx.draft.type, keys, ctx.draft.values).map((s) => render(s, ctx))
    : [];
}
