// Writes what the browser loads into a folder of bench/.cache/: per library, its bundle (made the
// way the size table measures it), its stylesheets and a page that loads them with bench-page.js.
import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { bundleScript } from '../bundle.mjs';
import { librariesOf } from './adapters.mjs';
import { resolveEntry } from './resolve-entry.mjs';

/**
 * Bundles every library of every adapter into a folder of its own for this process (so the e2e
 * test and a full run never overwrite each other's pages); the caller removes it. Returns the
 * folder and, per adapter, its libraries with the `page` path to open — or with `missing` (why it
 * cannot be measured yet) instead.
 */
export async function preparePages(adapters) {
  const dir = fileURLToPath(new URL(`../.cache/runtime-${process.pid}/`, import.meta.url));
  await mkdir(dir, { recursive: true });
  try {
    await copyFile(new URL('../page/bench-page.js', import.meta.url), `${dir}bench-page.js`);
    const prepared = [];
    for (const adapter of adapters) {
      const libraries = [];
      for (const lib of librariesOf(adapter)) {
        const missing = missingImport(lib);
        libraries.push(missing ? { ...lib, missing } : { ...lib, page: await writePage(dir, `${adapter.name}.${lib.key}`, lib) });
      }
      prepared.push({ adapter, libraries });
    }
    return { dir, prepared };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

/** Why a library cannot be bundled yet (its entry or a setup import is not exported), else undefined. */
function missingImport(lib) {
  const specifiers = [lib.entry, ...Object.values(lib.setup?.imports ?? {}), ...(lib.styles ?? [])];
  return specifiers.map(resolveEntry).find((r) => r.missing)?.missing;
}

async function writePage(dir, id, lib) {
  await writeFile(`${dir}${id}.js`, await bundleScript(await bundleInput(dir, id, lib)));
  const links = [];
  for (const [n, style] of (lib.styles ?? []).entries()) {
    await copyFile(resolveEntry(style).file, `${dir}${id}.${n}.css`);
    links.push(`<link rel="stylesheet" href="${id}.${n}.css">`);
  }
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<link rel="icon" href="data:,">
<title>bench: ${id}</title>
${links.join('\n')}
<script type="module" src="bench-page.js"></script>
<script type="module" src="${id}.js"></script>
</head>
<body><main id="stage"></main></body>
</html>
`;
  await writeFile(`${dir}${id}.html`, html);
  return `/${id}.html`;
}

/**
 * The entry file itself, like `npm run size` bundles it; or, with `setup`, a generated module that
 * imports the named entries and runs the setup code (e.g. starting a hub with a sink).
 */
async function bundleInput(dir, id, lib) {
  if (!lib.setup) return resolveEntry(lib.entry).file;
  const imports = Object.entries(lib.setup.imports).map(
    ([name, specifier]) => `import * as ${name} from ${JSON.stringify(resolveEntry(specifier).file)};`,
  );
  const file = `${dir}${id}.entry.mjs`;
  await writeFile(file, `${imports.join('\n')}\n${lib.setup.code}\n`);
  return file;
}
