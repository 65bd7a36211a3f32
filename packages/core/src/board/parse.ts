import type { z } from "zod";
import { cancellationCodes, type TransactItem, transactWrite } from "../db/transact";
import type { Deps } from "../deps";
import { ValidationError } from "../errors";
import { languageOf } from "../requests/i18n";
import { parseWith } from "../requests/messages";
import type { Language } from "../requests/request-types";
import { boardLabel } from "./post";
import { type ScreenProblem, screenProblems } from "./screen";
import { boardRefusal, rateLimited } from "./texts";

/**
 * Parses a board body in its own language, then screens its free texts: any problem is a 400
 * with field messages, before anything is stored or sent.
 */
export function parseBoard<S extends z.ZodType>(
  schema: S,
  body: unknown,
  screened: readonly string[],
  bannedWords: readonly string[],
): { data: z.output<S>; language: Language } {
  const language = languageOf(body);
  const parsed = parseWith(schema, body, language, boardLabel);
  if (!parsed.success) throw new ValidationError(parsed.errors);
  const data = parsed.data as Record<string, unknown>;
  const problems: { path: string; code: ScreenProblem }[] = screened.flatMap((path) =>
    screenProblems(String(data[path] ?? ""), bannedWords).map((code) => ({ path, code })),
  );
  if (problems.length > 0) throw boardRefusal(problems, language);
  return { data: parsed.data, language };
}

/**
 * Writes `items` as one transaction; a refused counter among them is a 429, nothing written.
 * With `once` (an item put only if absent, first in the transaction), an action already
 * counted is a retry: nothing is written and the answer is `"retry"`.
 */
export async function writeCounted(
  deps: Deps,
  items: TransactItem[],
  language: Language,
  once?: TransactItem,
): Promise<"written" | "retry"> {
  try {
    await transactWrite(deps, once ? [once, ...items] : items);
    return "written";
  } catch (error) {
    const failed = cancellationCodes(error).map((code) => code === "ConditionalCheckFailed");
    if (once && failed[0]) return "retry";
    if (failed.some(Boolean)) throw rateLimited(language);
    throw error;
  }
}
