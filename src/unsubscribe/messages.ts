import type { Catalogue } from '../core/i18n.js';

/**
 * Built-in words of `<tp-unsubscribe>`. Plain and without pressure: no guilt, no "are you sure?".
 * Override with `setMessages('en', { 'unsubscribe.button': 'Unsubscribe from the newsletter' })`.
 */
export const unsubscribeMessages: Catalogue = {
  en: {
    'unsubscribe.heading': 'Unsubscribe from our emails',
    'unsubscribe.button': 'Unsubscribe',
    'unsubscribe.all': 'You’re unsubscribed',
    'unsubscribe.all_text': 'You won’t get any more emails from us. Emails already on their way may still arrive for up to 48 hours.',
    'unsubscribe.topics': 'Your topics are saved',
    'unsubscribe.topics_text': 'From now on you’ll only get emails about {list}. Other emails already on their way may still arrive for up to 48 hours.',
    'unsubscribe.frequency': 'Your choice is saved',
    'unsubscribe.frequency_text': '{choice}, from now on. This takes effect within 48 hours.',
    'unsubscribe.pause': 'Your emails are paused',
    'unsubscribe.pause_text': 'You won’t get emails from us until {date}; then they start again. Emails already on their way may still arrive for up to 48 hours.',
    'unsubscribe.resubscribe': 'You’re subscribed again',
    'unsubscribe.resubscribe_text': 'Your emails start again with the next one we send.',
    'unsubscribe.more': 'Other options',
    'unsubscribe.more_text': 'You don’t need to do anything more. If you like, choose one of these instead.',
    'unsubscribe.legend_frequency': 'Get fewer emails',
    'unsubscribe.legend_topics': 'Get only some topics',
    'unsubscribe.legend_pause': 'Pause emails for a while',
    'unsubscribe.daily': 'At most one email a day',
    'unsubscribe.weekly': 'At most one email a week',
    'unsubscribe.monthly': 'At most one email a month',
    'unsubscribe.days': 'Pause for {n} days',
    'unsubscribe.save': 'Save',
    'unsubscribe.reason': 'Why did you unsubscribe? (optional)',
    'unsubscribe.send': 'Send',
    'unsubscribe.thanks': 'Thank you for telling us.',
    'unsubscribe.undo': 'Resubscribe',
    'unsubscribe.saving': 'Saving your choice…',
    'unsubscribe.offline': 'You’re offline. Your choice is kept in this browser and will be sent as soon as you’re back online.',
    'unsubscribe.failed': 'We couldn’t reach our server, so your choice isn’t saved yet. It is kept in this browser and sent the next time you open this page, or now:',
    'unsubscribe.retry': 'Try again',
    'unsubscribe.invalid': 'This link has expired or isn’t valid',
    'unsubscribe.contact': 'We can still unsubscribe you: write to {contact} and we’ll do it for you.',
    'unsubscribe.no_contact': 'We can still unsubscribe you: reply to any email from us and ask, and we’ll do it for you.',
  },
};
