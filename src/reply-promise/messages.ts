import type { Catalogue } from '../core/i18n.js';

/**
 * Built-in words of `<tp-reply-promise>`. Override with `setMessages('en', { 'reply_promise.by': '…' })`.
 * `{when}`, `{date}`, `{time}` and `{day}` are filled with `Intl` dates in the reader's locale and zone.
 * Durations pick `.one` or `.other` (or any other `Intl.PluralRules` category you add).
 */
export const replyPromiseMessages: Catalogue = {
  en: {
    'reply_promise.by': 'We’ll reply by {when} (your time).',
    'reply_promise.when': '{date}, {time}',
    'reply_promise.usually': 'We usually reply within {target}.',
    'reply_promise.unknown': 'We’ll reply as soon as we can.',
    'reply_promise.closed': 'We’re closed now — back {when}.',
    'reply_promise.back_at': 'at {time}',
    'reply_promise.back_on': '{day} at {time}',
    'reply_promise.day.one': '{n} business day',
    'reply_promise.day.other': '{n} business days',
    'reply_promise.hour.one': '{n} business hour',
    'reply_promise.hour.other': '{n} business hours',
    'reply_promise.minute.one': '{n} business minute',
    'reply_promise.minute.other': '{n} business minutes',
  },
};
