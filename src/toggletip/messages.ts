import type { Catalogue } from '../core/i18n.js';

/**
 * Built-in words of `<tp-toggletip>`: only the button's fallback name, used (with a dev warning)
 * when the page gives no `label`. Override with `setMessages('en', { 'toggletip.label': '…' })`.
 */
export const toggletipMessages: Catalogue = {
  en: { 'toggletip.label': 'More information' },
  de: { 'toggletip.label': 'Weitere Informationen' },
  fr: { 'toggletip.label': 'Plus d’informations' },
  es: { 'toggletip.label': 'Más información' },
  ar: { 'toggletip.label': 'مزيد من المعلومات' },
};
