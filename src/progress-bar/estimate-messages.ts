import type { Catalogue } from '../core/i18n.js';

/**
 * Built-in words of the time-remaining estimate. `{duration}` is a localized duration from
 * `Intl.NumberFormat` ("2 minutes", "1 hour"). Override with
 * `setMessages('en', { 'estimate.longer': '…' })`.
 */
export const estimateMessages: Catalogue = {
  en: {
    'estimate.seconds': 'Less than a minute left',
    'estimate.left': 'About {duration} left',
    'estimate.longer': 'Taking longer than usual',
  },
};
