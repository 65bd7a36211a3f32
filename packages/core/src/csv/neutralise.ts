// Spreadsheets read a cell starting with one of these as a formula (OWASP "CSV injection"),
// the full-width forms included, which some Excel locales also accept.
const FORMULA_START = /^[=+\-@\t\r\n＝＋－＠]/;

/**
 * Makes a free-text cell inert in Excel, LibreOffice and Google Sheets: a value that a
 * spreadsheet would take for a formula gets a leading `'`, which they show as text.
 * Apply it to text only; numbers written as numbers (amounts) must stay numbers.
 *
 * @example neutraliseCell('=HYPERLINK("http://x")') === `'=HYPERLINK("http://x")`
 */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}
