/// <reference types="node" />
/** Rows a command could not use, counted by reason, so nothing is dropped without a word. */

import { count } from './plural.js';

const LINES_SHOWN = 5;

export class RowProblems {
  private readonly linesByReason = new Map<string, number[]>();

  add(reason: string, line: number): void {
    const lines = this.linesByReason.get(reason);
    if (lines) lines.push(line);
    else this.linesByReason.set(reason, [line]);
  }

  /** e.g. "3 of 120 rows could not be used:\n   2  received_at is empty (lines 4, 9)\n"; empty when none. */
  report(total: number, noun: string): string {
    const reasons = [...this.linesByReason];
    if (reasons.length === 0) return '';
    const unusable = reasons.reduce((sum, [, lines]) => sum + lines.length, 0);
    const details = reasons.map(([reason, lines]) => {
      const shown = lines.slice(0, LINES_SHOWN).join(', ') + (lines.length > LINES_SHOWN ? ', …' : '');
      return `${String(lines.length).padStart(4)}  ${reason} (line${lines.length > 1 ? 's' : ''} ${shown})\n`;
    });
    return `${unusable} of ${count(total, noun)} could not be used:\n${details.join('')}`;
  }
}
