import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import manifestJson from '../../custom-elements.json';
import * as wrappers from '../../src/react/index.js';

// In Chromium: @lit/react's Node build (what a Node test environment resolves) is for server rendering.
// touchpoint/react must keep up with the elements: one wrapper per element in custom-elements.json,
// with an `onTp*` prop for each event the manifest lists.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

interface Declaration {
  name: string;
  tagName?: string;
  customElement?: boolean;
  events?: { name: string }[];
}
const manifest = manifestJson as unknown as { modules: { declarations?: Declaration[] }[] };
const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement && d.tagName);
const eventProp = (event: string) => `on${event.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase())}`;

/** Renders `props` into a fresh root and returns the element React created. */
async function render(Component: unknown, props: Record<string, unknown>) {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  await act(async () => root.render(createElement(Component as never, props)));
  return { element: container.firstElementChild as HTMLElement, unmount: () => act(async () => root.unmount()) };
}

afterEach(() => document.body.replaceChildren());

describe('touchpoint/react', () => {
  it('has one wrapper per element, named after its class', () => {
    expect(elements.length).toBeGreaterThan(0);
    expect(Object.keys(wrappers).sort()).toEqual(elements.map((d) => d.name).sort());
  });

  it.each(elements.map((d) => [d.tagName!, d] as const))('<%s>: renders the element and calls an onTp* prop for each of its events', async (tag, d) => {
    const handlers = Object.fromEntries((d.events ?? []).map((e) => [eventProp(e.name), vi.fn()]));
    const { element, unmount } = await render(wrappers[d.name as keyof typeof wrappers], handlers);
    expect(element.localName).toBe(tag);
    expect(customElements.get(tag)).toBeDefined();
    for (const e of d.events ?? []) {
      const event = new CustomEvent(e.name, { bubbles: true, composed: true, detail: null });
      element.dispatchEvent(event);
      expect(handlers[eventProp(e.name)], `${eventProp(e.name)} for ${e.name}`).toHaveBeenCalledWith(event);
    }
    await unmount();
  });

  it('sets options as properties, not attributes', async () => {
    const { element, unmount } = await render(wrappers.TpProgressBar, { value: 40, label: 'Uploading', showValue: true });
    expect(element).toMatchObject({ value: 40, label: 'Uploading', showValue: true });
    await unmount();
  });
});
