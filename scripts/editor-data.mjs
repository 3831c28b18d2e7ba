#!/usr/bin/env node
// Editor data from custom-elements.json (run by `npm run manifest`): VS Code's custom HTML data
// (dist/vscode.html-custom-data.json) and JetBrains web-types (dist/web-types.json), so editors
// complete tags and attributes and show their docs.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const root = new URL('..', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
const manifest = JSON.parse(readFileSync(new URL('custom-elements.json', root), 'utf8'));

/** Every custom element in the manifest, with the fields editors use. */
export function elementsOf(manifestJson) {
  return manifestJson.modules
    .flatMap((mod) => mod.declarations ?? [])
    .filter((d) => d.customElement && d.tagName)
    .map((d) => ({
      tag: d.tagName,
      description: d.summary ?? d.description ?? '',
      attributes: (d.attributes ?? []).map((a) => ({
        name: a.name,
        description: a.description ?? '',
        type: a.type?.text ?? 'string',
      })),
      events: (d.events ?? []).filter((e) => e.name).map((e) => ({ name: e.name, description: e.description ?? '' })),
      slots: (d.slots ?? []).map((s) => ({ name: s.name, description: s.description ?? '' })),
    }));
}

const elements = elementsOf(manifest);

const vscode = {
  version: 1.1,
  tags: elements.map((el) => ({
    name: el.tag,
    description: el.description,
    attributes: el.attributes.map((a) => ({
      name: a.name,
      description: a.description,
      ...(a.type === 'boolean' ? { valueSet: 'v' } : {}),
    })),
  })),
};

const webTypes = {
  $schema: 'https://json.schemastore.org/web-types',
  name: pkg.name,
  version: pkg.version,
  'description-markup': 'markdown',
  contributions: {
    html: {
      elements: elements.map((el) => ({
        name: el.tag,
        description: el.description,
        attributes: el.attributes.map((a) => ({ name: a.name, description: a.description, value: { type: a.type } })),
        events: el.events,
        slots: el.slots,
      })),
    },
  },
};

mkdirSync(new URL('dist/', root), { recursive: true });
writeFileSync(new URL('dist/vscode.html-custom-data.json', root), `${JSON.stringify(vscode, null, 2)}\n`);
writeFileSync(new URL('dist/web-types.json', root), `${JSON.stringify(webTypes, null, 2)}\n`);
