// RFC 4180 writing: CRLF line ends; a field is quoted when it holds a
// comma, quote, line break, or starts or ends with a space.
//
// Spreadsheets (Excel, LibreOffice, Google Sheets) run a cell that starts
// with = + - @, or a tab or carriage return, as a formula, quoted or not: a
// child's answer could fetch a web address with the sheet's data or start a
// program on the computer of whoever opens the file. Every CSV we write is
// one people open, so such a cell gets a ' in front (OWASP's rule), which
// spreadsheets read as "this is text". A plain number (-3.2) is not a
// formula and stays a number. A cell that already starts with ' before one
// of those characters gets one more, so that reading takes exactly one off
// (restoreFormulaText) and export then import gives back every text as it was.

const FORMULA_START = /^'*[=+\-@\t\r]/;
const NUMBER = /^-?\d+(?:\.\d+)?(?:e[+-]?\d+)?$/i;
const NEUTRALISED = /^'+[=+\-@\t\r]/;

/** The cell as written: with a ' in front when a spreadsheet would run it. */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) && !NUMBER.test(value) ? `'${value}` : value;
}

/** A cell as read: the ' neutraliseFormula put in front taken off again. */
export function restoreFormulaText(cell: string): string {
  return NEUTRALISED.test(cell) ? cell.slice(1) : cell;
}

export function csvField(raw: string): string {
  const value = neutraliseFormula(raw);
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function csvLine(fields: readonly string[]): string {
  return fields.map(csvField).join(',') + '\r\n';
}
