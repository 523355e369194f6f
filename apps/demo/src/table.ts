/** Terminal colour codes (ESC [ … m). */
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

/** Characters a string takes on screen: escape codes take none. */
export function visibleLength(text: string): number {
  return [...text.replace(ANSI, '')].length;
}

export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - visibleLength(text)));
}

/** Cut to `width` characters with an ellipsis; escape codes are dropped from cut text. */
export function truncate(text: string, width: number): string {
  if (visibleLength(text) <= width) return text;
  const plain = [...text.replace(ANSI, '')];
  return `${plain.slice(0, Math.max(0, width - 1)).join('')}…`;
}

export type Cell = string | number | boolean | null | undefined;

export interface TableOptions {
  /** Most characters a line may take; the widest columns are narrowed (and cut) to fit. */
  maxWidth?: number;
  indent?: number;
  /** Styles the header row (e.g. bold). */
  header?: (text: string) => string;
}

function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '–';
  return String(cell);
}

/**
 * A plain aligned table: a header, a rule and one line per row. Numbers are right-aligned. When the table is wider than
 * `maxWidth`, the widest columns are narrowed first and their cells cut with an ellipsis.
 */
export function renderTable(columns: readonly string[], rows: readonly (readonly Cell[])[], options: TableOptions = {}): string[] {
  const indent = ' '.repeat(options.indent ?? 2);
  const gap = 2;
  const texts = rows.map((row) => columns.map((_, index) => cellText(row[index])));
  const numeric = columns.map((_, index) => rows.length > 0 && rows.every((row) => typeof row[index] === 'number' || row[index] === null || row[index] === undefined));
  const widths = columns.map((column, index) => Math.max(visibleLength(column), ...texts.map((row) => visibleLength(row[index]))));
  const budget = (options.maxWidth ?? 120) - indent.length - gap * (columns.length - 1);
  while (widths.reduce((sum, width) => sum + width, 0) > budget) {
    const widest = widths.indexOf(Math.max(...widths));
    if (widths[widest] <= 8) break;
    widths[widest]--;
  }
  const line = (cells: string[], style: (text: string) => string = (text) => text) =>
    indent +
    cells
      .map((cell, index) => {
        const cut = truncate(cell, widths[index]);
        const padded = numeric[index] ? ' '.repeat(Math.max(0, widths[index] - visibleLength(cut))) + cut : padEnd(cut, widths[index]);
        return style(padded);
      })
      .join(' '.repeat(gap))
      .replace(/\s+$/, '');
  return [line([...columns], options.header), indent + widths.map((width) => '─'.repeat(width)).join(' '.repeat(gap)), ...texts.map((row) => line(row))];
}

/** Words wrapped to `width` characters, each line indented; blank lines in the text are kept. */
export function wrap(text: string, width: number, indent = 2): string[] {
  const prefix = ' '.repeat(indent);
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let current = '';
    for (const word of paragraph.split(/ +/)) {
      if (current && visibleLength(current) + 1 + visibleLength(word) > width - indent) {
        lines.push(prefix + current);
        current = word;
      } else {
        current = current ? `${current} ${word}` : word;
      }
    }
    lines.push(current ? prefix + current : '');
  }
  return lines;
}
