import type { Language, Translated } from "../i18n/language";
import { projectFieldTexts } from "./project-field-texts";
import { type FieldText, f, requestFieldTexts } from "./request-field-texts";

export { optionTexts } from "./option-texts";
export type { FieldText } from "./request-field-texts";

/**
 * Labels and hints of every field of every body, keyed by the field's path without list
 * indexes (`lines.2.amountCents` → `lines.amountCents`). The form renders them; the error
 * messages name fields with them.
 */
export const fieldTexts = {
  ...requestFieldTexts,
  ...projectFieldTexts,
  // A document's upload, and an approver's or a committee member's answer.
  fileName: f({ label: "Nom du fichier" }, { label: "Bestandsnaam" }, { label: "File name" }),
  contentType: f({ label: "Type de fichier" }, { label: "Bestandstype" }, { label: "File type" }),
  size: f({ label: "Taille du fichier" }, { label: "Bestandsgrootte" }, { label: "File size" }),
  comment: f({ label: "Commentaire" }, { label: "Opmerking" }, { label: "Comment" }),
  decision: f({ label: "Décision" }, { label: "Beslissing" }, { label: "Decision" }),
  vote: f({ label: "Vote" }, { label: "Stem" }, { label: "Vote" }),
  conflict: f(
    { label: "Conflit d'intérêts" },
    { label: "Belangenconflict" },
    { label: "Conflict of interest" },
  ),
} satisfies Record<string, Translated<FieldText>>;

export type FieldKey = keyof typeof fieldTexts;

/** `lines.2.amountCents` → `lines.amountCents`. */
export function fieldKeyOf(path: readonly PropertyKey[]): string {
  return path.filter((p) => typeof p === "string").join(".");
}

/** The label of the field at `path`, or its last name when the field is not one of ours. */
export function labelOf(path: readonly PropertyKey[], language: Language): string {
  const key = fieldKeyOf(path);
  // The path may name a field the body made up ("toString"): only our own keys have labels.
  const texts = Object.hasOwn(fieldTexts, key)
    ? (fieldTexts as Record<string, Translated<FieldText>>)[key]
    : undefined;
  return texts?.[language].label ?? (key.split(".").pop() || key);
}
