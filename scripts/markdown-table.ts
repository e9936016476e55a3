/** A Markdown table with its columns padded as prettier lays one out, so a render passes `prettier --check`. */
export function markdownTable(rows: readonly (readonly string[])[]): string {
  const width = (text: string) => [...text].length;
  const widths = rows[0]!.map((_, column) => Math.max(3, ...rows.map((row) => width(row[column]!))));
  const line = (row: readonly string[]) =>
    `| ${row.map((text, column) => text + ' '.repeat(widths[column]! - width(text))).join(' | ')} |`;
  return [line(rows[0]!), line(widths.map((w) => '-'.repeat(w))), ...rows.slice(1).map(line)].join('\n');
}

/** Text for a table cell: a pipe would end it. */
export const tableCell = (text: string) => text.replace(/\|/g, '\\|');
