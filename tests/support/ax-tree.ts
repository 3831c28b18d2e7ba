// What a screen reader gets: Chromium's own accessibility tree through the DevTools Protocol
// (not Playwright's approximation), reduced to the fields tests assert on.
import type { Page } from 'playwright-core';

export interface AxNode {
  role: string;
  name: string;
  description: string;
  properties: Record<string, string | number | boolean | undefined>;
  value: string | number | undefined;
  ignored: boolean;
}

interface RawAxNode {
  ignored: boolean;
  role?: { value: string };
  name?: { value: string };
  description?: { value: string };
  value?: { value: string | number };
  properties?: { name: string; value: { value: string | number | boolean } }[];
}

export async function axTree(page: Page): Promise<AxNode[]> {
  const session = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await session.send('Accessibility.getFullAXTree')) as { nodes: RawAxNode[] };
    return nodes.map((n) => ({
      role: n.role?.value ?? '',
      name: n.name?.value ?? '',
      description: n.description?.value ?? '',
      value: n.value?.value,
      ignored: n.ignored,
      properties: Object.fromEntries((n.properties ?? []).map((p) => [p.name, p.value.value])),
    }));
  } finally {
    await session.detach();
  }
}

/**
 * The shared live region (#tp-announcer, core/announcer.ts): its politeness and text as Chromium's
 * accessibility tree has them (CDP, not the DOM).
 */
export async function announced(page: Page): Promise<{ live: unknown; text: string }> {
  const session = await page.context().newCDPSession(page);
  try {
    const { root } = await session.send('DOM.getDocument');
    const { nodeId } = await session.send('DOM.querySelector', { nodeId: root.nodeId, selector: '#tp-announcer' });
    const { nodes } = await session.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
    const region = nodes[0]!;
    const live = region.properties?.find((p) => p.name === 'live')?.value.value;
    const { nodes: all } = await session.send('Accessibility.getFullAXTree');
    const text = all
      .filter((n) => n.role?.value === 'StaticText' && region.childIds?.includes(n.nodeId))
      .map((n) => n.name?.value)
      .join('');
    return { live, text };
  } finally {
    await session.detach();
  }
}
