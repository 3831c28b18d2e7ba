import type { Catalogue } from '../core/i18n.js';

/**
 * Built-in words of `<tp-steps>`. `{current}` and `{total}` arrive formatted for the locale.
 * Override with `setMessages('en', { 'steps.of': 'Page {current} of {total}' })`.
 */
export const stepsMessages: Catalogue = {
  en: {
    'steps.of': 'Step {current} of {total}',
    'steps.at': 'Step {current}',
    'steps.titled': '{position} — {name}',
    'steps.done': 'completed',
  },
};
