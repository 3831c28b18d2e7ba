#!/usr/bin/env node
// Prints one "N passed, N failed" line over the JSON reports vitest wrote (.tmp/results/*.json),
// so CI logs end with a count of every test that ran. Exits 1 when none ran or any failed.
import { readdirSync, readFileSync } from 'node:fs';

const dir = new URL('../.tmp/results/', import.meta.url);
let passed = 0;
let failed = 0;
for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
  const report = JSON.parse(readFileSync(new URL(file, dir), 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
