// Numbers to text, and one table model ({ title, head, rows, notes }) printed two ways: padded
// columns for the terminal, Markdown for RESULTS.md.

export const kib = (bytes) => (bytes / 1024).toFixed(2);

/** 10000 → "10,000". */
export const count = (n) => n.toLocaleString('en-US');

/** Fixed digits, but whole numbers of frames or tasks stay whole (a median of two runs may be x.5). */
export const num = (value, digits) => (Number.isInteger(value) ? String(value) : value.toFixed(Math.max(digits, 1)));

/** "median (min–max)", or just the value when every run gave the same. */
export function spread({ median, min, max }, digits) {
  return min === max ? num(median, digits) : `${num(median, digits)} (${num(min, digits)}–${num(max, digits)})`;
}

export const times = (ratio) => `${spread(ratio, 2)}×`;

export const percent = (fraction) => `${fraction >= 0 ? '+' : ''}${(fraction * 100).toFixed(1)}%`;

/** A table without `head` is a notice: its title and notes only. */
export function toText({ title, head, rows, notes = [] }) {
  if (!head) return [title, ...notes.map((n) => `  ${n}`)].join('\n');
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => String(r[c]).length)));
  const line = (cells) => cells.map((cell, c) => String(cell).padEnd(widths[c])).join('  ').trimEnd();
  return [title, line(head), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line), ...notes.map((n) => `  ${n}`)].join('\n');
}

export function toMarkdown({ title, head, rows, notes = [] }, level = '###') {
  if (!head) return [`${level} ${title}`, '', ...notes.map((n) => `- ${n}`)].join('\n');
  const escape = (cell) => String(cell).replaceAll('|', '\\|');
  const line = (cells) => `| ${cells.map(escape).join(' | ')} |`;
  return [`${level} ${title}`, '', line(head), line(head.map(() => '---')), ...rows.map(line), ...(notes.length ? ['', ...notes.map((n) => `- ${n}`)] : [])].join('\n');
}
