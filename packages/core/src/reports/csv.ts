import { stringify } from "csv-stringify/sync";
import { neutraliseCell } from "../csv/neutralise";
import { formatCents } from "../money/cents";
import type { Language } from "../requests/request-types";
import { figureList } from "./figure-list";
import type { AssemblyFigures } from "./figures";
import { reportTexts as T } from "./texts";

export const REPORT_CSV_COLUMNS = ["fund", "section", "group", "measure", "value", "unit"];

/**
 * The report's figures as CSV, one figure a line under the keys the page uses: UTF-8 with BOM,
 * `;` with a decimal comma for Belgian and French spreadsheets (as the payout CSV), amounts in
 * euros, counts and days as integers. The fund is named in the reader's language.
 */
export function reportCsv(figures: AssemblyFigures, language: Language): string {
  return stringify(
    [
      REPORT_CSV_COLUMNS,
      ...figureList(figures).map((f) => [
        neutraliseCell(T.fund[f.fund]?.[language] ?? f.fund),
        f.section,
        neutraliseCell(f.group),
        f.measure,
        f.unit === "cents" ? formatCents(f.value, ",") : String(f.value),
        f.unit === "cents" ? "EUR" : f.unit,
      ]),
    ],
    { bom: true, delimiter: ";", record_delimiter: "windows" },
  );
}
