// Tests run the dev build of the source: dev warnings on, version from package.json — the same
// constants rollup replaces at build time (scripts/constants.mjs).
import pkg from '../../package.json' with { type: 'json' };

Object.assign(globalThis, { __TP_DEV__: true, __TP_VERSION__: pkg.version });
