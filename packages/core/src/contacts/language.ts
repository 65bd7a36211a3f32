import { batchGet } from "../db/batch";
import { getItem } from "../db/items";
import { keys } from "../db/layout";
import { upsertRecord } from "../db/records";
import type { Deps } from "../deps";
import { defaultLanguage, isLanguage, type Language } from "../i18n/language";

/**
 * The language each person who receives mail reads (administrators, backups, committee members,
 * finance): one register, set by the activities import (`anne@x.be:nl`) and `committees set
 * --language`, read by every email, page and reply answer they get. Members have theirs in
 * the members register and on their request.
 */

/**
 * `anne@x.be:nl` → `{ email: "anne@x.be", language: "nl" }`. Without one of our languages
 * after the colon, the entry stays whole, so that the email check refuses it and names it.
 */
export function parseAddress(entry: string): { email: string; language?: Language } {
  const match = /^(.*):([A-Za-z]{2})$/.exec(entry.trim());
  const language = match?.[2]?.toLowerCase();
  if (!match || !isLanguage(language)) return { email: entry.trim() };
  return { email: (match[1] ?? "").trim(), language };
}

/** The language `email` reads, French when none was ever given. */
export async function languageOf(deps: Deps, email: string): Promise<Language> {
  const item = await getItem(deps, keys.contact(email.toLowerCase()));
  return isLanguage(item?.language) ? item.language : defaultLanguage;
}

/**
 * The languages of `emails`, all read in one BatchGet the first time one of them is asked for
 * (none when nothing is sent); an address outside `emails` is read alone. For a step that writes
 * to several people: one read, not one per person, and a read that fails is tried again.
 */
export function languagesOf(
  deps: Deps,
  emails: readonly string[],
): (email: string) => Promise<Language> {
  const addresses = [...new Set(emails.map((e) => e.toLowerCase()))];
  let read: Promise<Map<string, Language>> | undefined;
  const readAll = async () => {
    const items = await batchGet(
      deps,
      addresses.map((a) => keys.contact(a)),
      "contact languages",
    );
    const byKey = new Map(items.map((item) => [item.pk as string, item.language]));
    return new Map(
      addresses.map((a) => {
        const language = byKey.get(keys.contact(a).pk);
        return [a, isLanguage(language) ? language : defaultLanguage];
      }),
    );
  };
  return async (email) => {
    const address = email.toLowerCase();
    if (!addresses.includes(address)) return languageOf(deps, address);
    read ??= readAll().catch((error: unknown) => {
      read = undefined;
      throw error;
    });
    return (await read).get(address) ?? defaultLanguage;
  };
}

/** Records the language of each address that gives one; the others keep theirs. */
export async function setLanguages(
  deps: Deps,
  entries: { email: string; language?: Language }[],
  options: { dryRun?: boolean } = {},
): Promise<void> {
  for (const { email, language } of entries) {
    if (!language) continue;
    const address = email.toLowerCase();
    await upsertRecord(deps, {
      key: keys.contact(address),
      kind: "contact",
      label: address,
      data: { email: address, language },
      dryRun: options.dryRun,
    });
  }
}
