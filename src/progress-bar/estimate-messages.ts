import type { Catalogue } from '../core/i18n.js';

/**
 * Built-in words of the time-remaining estimate. `{duration}` is a localized duration from
 * `Intl.NumberFormat` ("2 minutes", "1 hour"). `estimate.valuetext` is what `<tp-progress-bar estimate>`
 * gives assistive technology as its value while an estimate is shown: `{value}` is the bar's value
 * text ("45%", or its `value-text`), `{estimate}` the estimate. Override with
 * `setMessages('en', { 'estimate.longer': '…' })`.
 */
export const estimateMessages: Catalogue = {
  en: {
    'estimate.seconds': 'Less than a minute left',
    'estimate.left': 'About {duration} left',
    'estimate.longer': 'Taking longer than usual',
    'estimate.valuetext': '{value} — {estimate}',
  },
};
