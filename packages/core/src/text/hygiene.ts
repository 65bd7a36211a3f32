import * as z from "zod";

/**
 * What people's text may hold, in one place for every schema that takes free text (requests,
 * info answers, decisions' comments, the registers' imports, document file names).
 *
 * Refused rather than stripped: a silently changed text is a surprise for the one who typed
 * it, and the characters below have no business in a name, a reference or a comment.
 */

/**
 * Unicode bidirectional controls (embeddings, overrides, isolates, marks): they reorder what a
 * reader sees, so "Annexe\u202Efdp.cmd" shows as "Annexedmc.pdf" in an approver's email.
 */
const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

/**
 * An email reply without its bidi controls. Unlike typed text, mail clients insert them on their
 * own (marks around quoted right-to-left text, signatures): refusing the reply for them would
 * refuse the approver, so there, and only there, they are removed.
 */
export function withoutBidiControls(text: string): string {
  return text.replace(new RegExp(BIDI_CONTROL.source, "gu"), "");
}

/** C0 and C1 controls and DEL (NUL included); \p{Cc} is exactly U+0000–001F and U+007F–009F. */
const CONTROL = /\p{Cc}/u;
/** Multi-line texts keep line breaks and tabs; nothing else of \p{Cc}. */
const CONTROL_BUT_LINES = /(?![\n\t])\p{Cc}/u;

/** Half of a surrogate pair alone: not a character, and invalid in UTF-8 (emails, XML, S3 keys). */
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * A character someone can see: not white space, not a format character (zero-width space and
 * joiners, word joiner, BOM, soft hyphen), not a combining mark alone, not unassigned, and not
 * one of the letters that render as blank (Hangul fillers, the blank braille pattern).
 */
const VISIBLE = /[^\p{White_Space}\p{Cc}\p{Cf}\p{M}\p{Cs}\p{Cn}\u115F\u1160\u3164\uFFA0\u2800]/u;

export type TextProblem = "text_bidi_control" | "text_control_character" | "text_lone_surrogate";

export interface TextOptions {
  /** Comments and descriptions: line breaks (`\n`) and tabs are allowed. */
  multiline?: boolean;
}

/** What is wrong with `text` (the first problem found), or undefined when it may be kept. */
export function textProblem(text: string, options: TextOptions = {}): TextProblem | undefined {
  if (BIDI_CONTROL.test(text)) return "text_bidi_control";
  if ((options.multiline ? CONTROL_BUT_LINES : CONTROL).test(text)) return "text_control_character";
  if (LONE_SURROGATE.test(text)) return "text_lone_surrogate";
  return undefined;
}

/** Whether `text` holds at least one character a reader can see. */
export function hasVisibleCharacter(text: string): boolean {
  return VISIBLE.test(text);
}

/** Why an imported register cell is refused, in the words of the import report (English). */
export const textProblemReport: Record<TextProblem, string> = {
  text_bidi_control: "contains a bidirectional control character (U+202E and the like)",
  text_control_character: "contains a control character (NUL, line break and the like)",
  text_lone_surrogate: "contains a broken character (a lone UTF-16 surrogate)",
};

export interface CleanTextOptions extends TextOptions {
  /**
   * The issue's message, for schemas parsed without the requests' error map (the registers).
   * Left out, the issue carries only its code and `messages.ts` words it in the reader's language.
   */
  message?: (code: TextProblem | "required") => string;
}

/**
 * A string schema for text people type: refused when {@link textProblem} finds something,
 * trimmed, and refused as `required` when what remains is not empty yet shows nothing (zero-width
 * characters only): a text is empty or visible. Callers add their bounds (`.min(1).max(200)`).
 * Multi-line texts have their line ends made `\n` first (browsers and mail send `\r\n`).
 * Issues are custom with `params.code`, the stable code the API returns.
 */
export function cleanText(options: CleanTextOptions = {}) {
  const issue = (code: TextProblem | "required", input: string) => ({
    code: "custom" as const,
    input,
    params: { code },
    abort: true,
    ...(options.message ? { message: options.message(code) } : {}),
  });
  return z
    .string()
    .overwrite((s) => (options.multiline ? s.replace(/\r\n?/g, "\n") : s))
    .check(
      z.superRefine((s: string, ctx) => {
        const problem = textProblem(s, options);
        if (problem) ctx.addIssue(issue(problem, s));
      }),
    )
    .trim()
    .check(
      z.superRefine((s: string, ctx) => {
        if (s.length > 0 && !hasVisibleCharacter(s)) ctx.addIssue(issue("required", s));
      }),
    );
}
