// RFC 4180 writing: CRLF line ends; a field is quoted when it holds a
// comma, quote, line break, or starts or ends with a space.
export function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function csvLine(fields: readonly string[]): string {
  return fields.map(csvField).join(',') + '\r\n';
}
