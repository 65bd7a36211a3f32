import { fieldTexts } from "@entraide/core/request-view/labels";
import type { FieldError } from "@entraide/core/requests/messages";
import type { Language } from "@entraide/core/requests/request-types";
import { type ApiAnswer, type ApiError, fieldErrors } from "./api";
import { byId, h } from "./dom";
import { message, showErrors, showProblem } from "./errors";
import { say } from "./ui-text";

/**
 * The parts of the pages where one person chooses and confirms (the decision page, the vote
 * page): a required choice among radios, an optional comment, one submit button. Each page keeps
 * its own texts, checks and handler.
 */

/** A required choice as radios: the first one's id is `f-<name>`, so the field's error finds it. */
export function choiceFieldset<T extends string>(o: {
  name: string;
  legend: string;
  choices: readonly T[];
  word: (choice: T) => string;
  checked: T | undefined;
  onChange: (choice: T) => void;
  id?: string;
  disabled?: boolean;
  required?: boolean;
}) {
  return h(
    "fieldset",
    { class: "field choices", id: o.id, disabled: o.disabled },
    h("legend", {}, o.legend, h("span", { class: "req", "aria-hidden": "true" }, " *")),
    o.choices.map((c, i) => {
      const id = i === 0 ? `f-${o.name}` : `f-${o.name}-${c}`;
      const radio = h("input", {
        type: "radio",
        name: o.name,
        id,
        value: c,
        checked: o.checked === c,
        required: o.required,
      });
      radio.addEventListener("change", () => o.onChange(c));
      return h("div", { class: "choice" }, radio, h("label", { for: id }, o.word(c)));
    }),
  );
}

/** The optional comment, kept in `draft` as it is typed so a re-render keeps it. */
export function commentField(l: Language, hint: string, draft: { comment: string }) {
  const comment = h("textarea", {
    id: "f-comment",
    rows: 4,
    maxlength: 2000,
    "aria-describedby": "f-comment-hint",
  });
  comment.value = draft.comment;
  comment.addEventListener("input", () => {
    draft.comment = comment.value;
  });
  return h(
    "div",
    { class: "field" },
    h("label", { for: "f-comment" }, fieldTexts.comment[l].label),
    h("p", { class: "hint", id: "f-comment-hint" }, hint),
    comment,
  );
}

/** The one button that acts: opening the page never does. */
export const submitRow = (id: string, text: string) =>
  h("div", { class: "actions" }, h("button", { type: "submit", id }, text));

/** The error of a choice left unmade, in the reader's language, as the API would word it. */
export const choiceMissing = (path: string, l: Language): FieldError => ({
  path,
  code: "required",
  message: message({ code: "invalid_type", expected: "string", path: [path] }, l),
});

let sending = false;

/**
 * Sends the page's one answer, once at a time: checked in the browser first, a 400's field errors
 * shown next to the fields, any other answer handed to `answered` (which shows the outcome), a
 * network failure said in the reader's language. The button stays disabled while it is sent.
 */
export async function sendChoice<T>(o: {
  form: HTMLFormElement;
  buttonId: string;
  l: Language;
  checked: { body: Record<string, unknown>; errors: FieldError[] };
  send: (body: Record<string, unknown>) => Promise<ApiAnswer<T & ApiError>>;
  answered: (answer: ApiAnswer<T & ApiError>) => void;
}): Promise<void> {
  const { form, l } = o;
  if (sending) return;
  const { body, errors } = o.checked;
  if (errors.length) return showErrors(form, errors, say("errorsTitle", l, { n: errors.length }));
  sending = true;
  const button = byId<HTMLButtonElement>(o.buttonId)!;
  button.disabled = true;
  try {
    const answer = await o.send(body);
    const apiErrors = fieldErrors(answer.body);
    if (answer.status === 400 && apiErrors)
      return showErrors(form, apiErrors, say("errorsTitle", l, { n: apiErrors.length }));
    o.answered(answer);
  } catch {
    showProblem(form, "", say("networkError", l), l);
  } finally {
    sending = false;
    button.disabled = false;
  }
}
