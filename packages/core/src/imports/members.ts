import type { Deps } from "../deps";
import { Member } from "../members/member";
import { upsertMember } from "../members/register";
import type { ImportReport } from "./report";
import { type ImportOptions, type ImportSpec, runImport } from "./run";

/** The columns of a members import file (spec §9). */
export const MEMBER_COLUMNS = [
  "memberNumber",
  "firstName",
  "lastName",
  "email",
  "language",
  "country",
  "iban",
  "shareholder",
] as const;

const BOOLEAN: Record<string, boolean> = { true: true, false: false };

export const memberImport: ImportSpec<Member> = {
  columns: MEMBER_COLUMNS,
  keyColumn: "memberNumber",
  // An unknown shareholder value stays a string, so the schema refuses it with its message.
  parse: (cells) =>
    Member.safeParse({
      ...cells,
      shareholder: BOOLEAN[cells.shareholder?.toLowerCase() ?? ""] ?? cells.shareholder,
    }),
  keyOf: (member) => member.memberNumber,
  upsert: (deps, member, options) => upsertMember(deps, member, options),
};

/**
 * Imports a members CSV (`memberNumber,firstName,lastName,email,language,country,iban,shareholder`)
 * into the members register, upserting by member number. See {@link runImport}.
 */
export function importMembers(
  deps: Deps,
  content: Uint8Array,
  options?: ImportOptions,
): Promise<ImportReport> {
  return runImport(deps, memberImport, content, options);
}
