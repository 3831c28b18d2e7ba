import type { Catalogue } from '../core/i18n.js';

/** Built-in words of `<tp-busy>`. Override with `setMessages('en', { 'busy.label': '…' })`. */
export const busyMessages: Catalogue = {
  en: {
    'busy.label': 'Loading',
    'busy.done': '{label} — done.',
  },
};
