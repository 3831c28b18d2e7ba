import { shared } from '../core/shared.js';

/**
 * Registers a language pack's built-in strings for `locale`, under the site owner's overrides: a
 * string set with `setMessages` wins whether it was set before or after the pack loaded.
 */
export function addLocale(locale: string, strings: Record<string, string>): void {
  const all = shared().messages;
  all[locale] = { ...strings, ...all[locale] };
}
