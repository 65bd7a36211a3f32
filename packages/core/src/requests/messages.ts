import type { z } from "zod";
import { defaultLanguage } from "../i18n/language";
import type { CustomIssueCode } from "../request-view/fields";
import { fieldKeyOf, labelOf } from "../request-view/labels";
import { type RequestBody, schemas } from "../request-view/schemas";
import {
  amountTemplates,
  exclusiveTemplates,
  type FieldErrorCode,
  singularTemplates,
  templates,
} from "./field-error-texts";
import {
  formatChoices,
  formatEuros,
  formatNumber,
  interpolate,
  languageOf,
  quote,
  type Translated,
} from "./i18n";
import type { Language } from "./request-types";

export type { FieldErrorCode } from "./field-error-texts";

/** One error, next to its field: `path` is dotted (`lines.2.amountCents`, "" for the body). */
export interface FieldError {
  path: string;
  code: FieldErrorCode;
  message: string;
}

export type ParseResult<T> =
  | { success: true; data: T }
  | { success: false; language: Language; errors: FieldError[] };

type Issue = z.core.$ZodIssue | z.core.$ZodRawIssue;
type Classified = { code: FieldErrorCode; params: Record<string, string | number> };

const isAmountField = (path: readonly PropertyKey[]) => /Cents$/.test(fieldKeyOf(path));

/** The stable code of an issue and what its message needs, from the issue's structure alone. */
function classify(issue: Issue, language: Language): Classified {
  const num = (n: number | bigint) =>
    isAmountField(issue.path ?? [])
      ? formatEuros(Number(n), language)
      : formatNumber(Number(n), language);
  const missing = issue.input === undefined && (issue.path ?? []).length > 0;
  if (missing && (issue.code === "invalid_type" || issue.code === "invalid_value")) {
    return { code: "required", params: {} };
  }
  switch (issue.code) {
    case "invalid_type":
      if (issue.expected === "int" && typeof issue.input === "number") {
        return { code: "not_integer", params: {} };
      }
      return { code: "invalid_type", params: { expected: expectedWord(issue.expected, language) } };
    case "too_small": {
      const params = { minimum: num(issue.minimum), count: Number(issue.minimum) };
      if (issue.origin === "string") {
        // Strings are trimmed first: "at least one character" means the field was left blank.
        return { code: Number(issue.minimum) <= 1 ? "required" : "too_short", params };
      }
      if (issue.origin === "array" || issue.origin === "set") return { code: "too_few", params };
      return { code: "too_small", params: { ...params, inclusive: issue.inclusive ? 1 : 0 } };
    }
    case "too_big": {
      const params = { maximum: num(issue.maximum), count: Number(issue.maximum) };
      if (issue.origin === "string") return { code: "too_long", params };
      if (issue.origin === "array" || issue.origin === "set") return { code: "too_many", params };
      return { code: "too_big", params: { ...params, inclusive: issue.inclusive ? 1 : 0 } };
    }
    case "not_multiple_of":
      return {
        code: "not_multiple_of",
        params: { divisor: formatNumber(issue.divisor, language) },
      };
    case "invalid_format":
      if (issue.format === "date") return { code: "invalid_date", params: {} };
      if (issue.format === "email") return { code: "invalid_email", params: {} };
      if (issue.format === "uuid") return { code: "invalid_document_id", params: {} };
      return { code: "invalid_format", params: {} };
    case "invalid_value":
      return {
        code: "invalid_option",
        params: { values: formatChoices(issue.values.map(String), language) },
      };
    case "invalid_union":
      if (issue.discriminator === "type") {
        const options = ((issue as { options?: unknown[] }).options ?? []).map(String);
        return {
          code: "invalid_request_type",
          params: { values: formatChoices(options, language) },
        };
      }
      return { code: "invalid_value", params: {} };
    case "unrecognized_keys":
      return { code: "unknown_field", params: { field: issue.keys[0] ?? "" } };
    case "custom": {
      const code = issue.params?.code as CustomIssueCode | undefined;
      return code ? { code, params: {} } : { code: "invalid_value", params: {} };
    }
    default:
      return { code: "invalid_value", params: {} };
  }
}

function expectedWord(expected: string, language: Language): string {
  const words: Record<string, Translated> = {
    string: { fr: "un texte", nl: "een tekst", en: "a text" },
    number: { fr: "un nombre", nl: "een getal", en: "a number" },
    int: { fr: "un nombre entier", nl: "een geheel getal", en: "a whole number" },
    boolean: { fr: "vrai ou faux", nl: "waar of onwaar", en: "true or false" },
    array: { fr: "une liste", nl: "een lijst", en: "a list" },
    object: { fr: "un objet", nl: "een object", en: "an object" },
  };
  return (words[expected] ?? {
    fr: "une valeur valide",
    nl: "een geldige waarde",
    en: "a valid value",
  })[language];
}

function templateFor({ code, params }: Classified, path: readonly PropertyKey[]): Translated {
  if (isAmountField(path)) {
    const notPositive = code === "too_small" && params.inclusive === 0 && params.count === 0;
    const amount = amountTemplates[notPositive ? "invalid_type" : code];
    if (amount) return amount;
  }
  if (params.count === 1 && singularTemplates[code]) return singularTemplates[code];
  if (params.inclusive === 0) return exclusiveTemplates[code] ?? templates[code];
  return templates[code];
}

/** Labels of another body's fields (the board's), looked up before the request form's. */
export type FieldLabels = (path: readonly PropertyKey[], language: Language) => string | undefined;

function render(
  classified: Classified,
  path: readonly PropertyKey[],
  language: Language,
  labels?: FieldLabels,
): string {
  const name = labels?.(path, language) ?? labelOf(path, language);
  const label = path.length === 0 ? bodyWord[language] : quote(name, language);
  // Unknown keys come from the caller: shown, since they name the mistake, but cut short.
  const field = quote(String(classified.params.field ?? "").slice(0, 40), language);
  const text = interpolate(
    templateFor(classified, path)[language],
    { ...classified.params, label, field },
    language,
  );
  return capitalise(text);
}

const bodyWord: Translated = { fr: "la demande", nl: "de aanvraag", en: "the request" };
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** zod's per-parse error map: every message in `language`, whatever schema raised it. */
export function errorMap(language: Language, labels?: FieldLabels): z.core.$ZodErrorMap {
  return (issue) => render(classify(issue, language), issue.path ?? [], language, labels);
}

function toFieldErrors(
  issue: z.core.$ZodIssue,
  language: Language,
  labels?: FieldLabels,
): FieldError[] {
  if (issue.code === "unrecognized_keys") {
    // zod reports all unknown keys of an object as one issue; the form wants one per field.
    return issue.keys.map((key) => {
      const path = [...issue.path, key];
      const classified: Classified = { code: "unknown_field", params: { field: key } };
      return {
        path: path.join("."),
        code: "unknown_field",
        message: render(classified, path, language, labels),
      };
    });
  }
  return [
    { path: issue.path.join("."), code: classify(issue, language).code, message: issue.message },
  ];
}

/**
 * Parses `body` with `schema`, messages in `language`. Never throws on any JSON value.
 * The inputs zod reports are used for classification only, never echoed in the errors.
 */
export function parseWith<S extends z.ZodType>(
  schema: S,
  body: unknown,
  language: Language,
  labels?: FieldLabels,
): ParseResult<z.output<S>> {
  const result = schema.safeParse(body, { error: errorMap(language, labels), reportInput: true });
  if (result.success) return { success: true, data: result.data };
  return {
    success: false,
    language,
    errors: result.error.issues.flatMap((issue) => toFieldErrors(issue, language, labels)),
  };
}

/**
 * As {@link parseWith}, reading the reader's language only when there are errors to word it
 * in: whether a body is valid never depends on the language, so a valid one costs no read.
 */
export async function parseReadingLanguage<S extends z.ZodType>(
  schema: S,
  body: unknown,
  language: () => Promise<Language>,
): Promise<ParseResult<z.output<S>>> {
  const parsed = parseWith(schema, body, defaultLanguage);
  return parsed.success ? parsed : parseWith(schema, body, await language());
}

/**
 * Validates a `POST /api/requests` body against the default plan, in the body's own language
 * (`body.language` when it is fr, nl or en; French otherwise).
 *
 * @example
 * const parsed = parseRequest(await json());
 * if (!parsed.success) return badRequest({ errors: parsed.errors });
 */
export function parseRequest(
  body: unknown,
  schema: z.ZodType<RequestBody> = schemas.request,
): ParseResult<RequestBody> {
  return parseWith(schema, body, languageOf(body));
}
