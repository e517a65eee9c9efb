/**
 * The Markdown tables every benchmark prints and the report (tests/bench/all.bench.ts) repeats:
 * one builder, so a table reads the same on the terminal and in the report. Columns are padded
 * to line up in a monospace terminal; a `|` inside a cell is escaped so it cannot split a column.
 */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

export function markdownTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const body = rows.map((row) => header.map((_, i) => cell(row[i] ?? '')));
  const head = header.map(cell);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [
    line(head),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...body.map(line),
  ].join('\n');
}
