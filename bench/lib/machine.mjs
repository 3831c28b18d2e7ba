// The machine line: numbers from different machines are not comparable, so every result says
// where it was measured.
import { cpus, release, totalmem, type } from 'node:os';

export function describeMachine(chromium) {
  const cores = cpus();
  return {
    cpu: cores[0]?.model.trim() ?? 'unknown CPU',
    cores: cores.length,
    memoryGB: Number((totalmem() / 1e9).toFixed(1)),
    chromium,
    node: process.version,
    os: `${type()} ${release()}`,
  };
}

export const machineLine = (m) =>
  `${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB RAM · Chromium ${m.chromium} · Node ${m.node} · ${m.os}`;
