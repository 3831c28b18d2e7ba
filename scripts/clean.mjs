// Removes build output, so a build never ships a module that no longer has a source.
import { rmSync } from 'node:fs';

for (const dir of ['dist', '.tmp/tsc']) rmSync(new URL(`../${dir}`, import.meta.url), { recursive: true, force: true });
