import type { Catalogue } from '../core/i18n.js';

/**
 * Built-in words of `<tp-toggletip>`: only the button's fallback name, used (with a dev warning)
 * when the page gives no `label`. Override with `setMessages('en', { 'toggletip.label': '…' })`.
 * Other languages come from the packs (`touchpoint/locales/es`, `de`, `fr`).
 */
export const toggletipMessages: Catalogue = {
  en: { 'toggletip.label': 'More information' },
};
