// Emulates media features (reduced motion, forced colours, colour scheme) for the whole tab
// through the Chrome DevTools Protocol, as a user's OS setting would.
import { cdp } from 'vitest/browser';

export async function emulateMedia(features: Record<string, string>): Promise<void> {
  await cdp().send('Emulation.setEmulatedMedia', {
    features: Object.entries(features).map(([name, value]) => ({ name, value })),
  });
}

export async function resetMedia(): Promise<void> {
  await cdp().send('Emulation.setEmulatedMedia', { features: [] });
}
