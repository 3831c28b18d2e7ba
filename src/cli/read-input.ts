/// <reference types="node" />
/** Reading the commands' input files, with messages that say which file and what is wrong with it. */

import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { CliError } from './args.js';

export interface CsvRow {
  /** Line of the file where the record ends, for pointing people at bad rows. */
  readonly line: number;
  /** Values by column name; a short row lacks its last columns. */
  readonly fields: Readonly<Record<string, string | undefined>>;
}

export interface CsvTable {
  readonly columns: readonly string[];
  readonly rows: readonly CsvRow[];
}

function describeReadError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a folder';
  if (code === 'EACCES') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

export function readTextFile(path: string, label: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read the ${label} "${path}": ${describeReadError(error)}`);
  }
}

/**
 * A CSV file with a header row. Rows with too few or too many fields are kept (csv-parse would otherwise
 * reject the whole file) so the command can count them as unreadable instead of failing on one bad row.
 */
export function readCsvTable(path: string, label: string): CsvTable {
  const text = readTextFile(path, label);
  let columns: string[] = [];
  try {
    const rows = parse<CsvRow, Record<string, string>>(text, {
      bom: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
      columns: (header: string[]) => (columns = header),
      on_record: (fields, context) => ({ line: context.lines, fields }),
    });
    return { columns, rows };
  } catch (error) {
    throw new CliError(`the ${label} "${path}" is not valid CSV: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Fails with the columns the file does have, and how to name the right one. */
export function requireColumn(table: CsvTable, column: string, file: string, hint: string): void {
  if (table.columns.includes(column)) return;
  const present = table.columns.length > 0 ? `its columns: ${table.columns.join(', ')}` : 'it has no header row';
  throw new CliError(`"${file}" has no "${column}" column (${present}). ${hint}`);
}
