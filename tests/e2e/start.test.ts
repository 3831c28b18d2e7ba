import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/browser.js';

describe('npm start', () => {
  it('builds, serves the examples on 127.0.0.1 and prints their URL', async () => {
    const child = spawn('npm', ['start', '--silent'], {
      cwd: repoRoot,
      env: { ...process.env, PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        const timer = setTimeout(() => reject(new Error(`no URL printed within 60 s:\n${out}`)), 60_000);
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk;
          const match = /(http:\/\/127\.0\.0\.1:\d+\/examples\/)/.exec(out);
          if (match) {
            clearTimeout(timer);
            resolve(match[1]!);
          }
        });
        child.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${out}`)));
      });
      const index = await fetch(url);
      expect(index.status).toBe(200);
      expect(await index.text()).toContain('Touchpoint examples');
      const page = await fetch(new URL('script-tag/', url));
      expect(await page.text()).toContain('touchpoint.min.js');
      const script = await fetch(new URL('../dist/touchpoint.min.js', url));
      expect(script.status).toBe(200);
      expect(script.headers.get('content-type')).toContain('javascript');
      // The Vite-built examples (npm run examples:build) are built and listed.
      expect(await (await fetch(url)).text()).toContain('./react/dist/');
      for (const example of ['vite-ts', 'react', 'vue']) expect((await fetch(new URL(`${example}/dist/`, url))).status).toBe(200);
    } finally {
      // The whole process group: npm, and the node server it started. Already gone if start failed.
      if (child.exitCode === null) process.kill(-child.pid!, 'SIGTERM');
    }
  });
});
