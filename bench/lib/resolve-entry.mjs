// Turns an adapter's entry into a file on disk, or says why it cannot: a component that is not
// built yet is reported as "not yet measured" instead of failing the whole run.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}/package.json`, 'utf8'));

/**
 * `touchpoint…` names go through our own "exports" map with the `default` condition, the
 * production build `npm run size` measures too: Node's resolver would pick whatever conditions the
 * process runs with (vitest adds `development`, which would bench the dev build).
 */
function ownExport(specifier) {
  const key = specifier === pkg.name ? '.' : `./${specifier.slice(pkg.name.length + 1)}`;
  const target = pkg.exports[key];
  if (target === undefined) return undefined;
  return `${root}/${typeof target === 'string' ? target : target.default}`;
}

/**
 * `specifier` is `touchpoint/<entry>`, a dependency's path (`@shoelace-style/…`) or a file URL
 * (fixtures). Returns `{ file }`, or `{ missing }` when the package does not export it yet.
 * Throws when an export exists but its file does not: the build is missing, not the component.
 */
export function resolveEntry(specifier) {
  let file;
  if (specifier.startsWith('file:')) file = fileURLToPath(specifier);
  else if (specifier === pkg.name || specifier.startsWith(`${pkg.name}/`)) {
    file = ownExport(specifier);
    if (file === undefined) return { missing: `no \`${specifier}\` entry in package.json "exports" yet` };
  } else {
    try {
      file = fileURLToPath(import.meta.resolve(specifier));
    } catch (error) {
      if (error.code === 'ERR_PACKAGE_PATH_NOT_EXPORTED') return { missing: `${specifier} is not exported by its package` };
      throw new Error(`Cannot resolve ${specifier}: run \`npm install\` first. (${error.message})`);
    }
  }
  if (!existsSync(file)) throw new Error(`${specifier} → ${file} does not exist: run \`npm run build\` first.`);
  return { file };
}
