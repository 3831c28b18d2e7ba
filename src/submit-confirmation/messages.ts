import type { Catalogue } from '../core/i18n.js';

/**
 * Built-in words of `<tp-submit-confirmation>`. Override with
 * `setMessages('en', { 'submit_confirmation.heading': 'Request received' })`.
 */
export const submitConfirmationMessages: Catalogue = {
  en: {
    'submit_confirmation.heading': 'Message sent',
    'submit_confirmation.reference': 'Your reference number:',
    'submit_confirmation.next': 'What happens next',
    'submit_confirmation.keep': 'Keep the reference number in case you need to contact us about this message.',
    'submit_confirmation.copy': 'Copy details',
    'submit_confirmation.copied': 'Details copied.',
    'submit_confirmation.print': 'Print',
    'submit_confirmation.sending': 'Sending your message…',
    'submit_confirmation.failed': 'Your message was not sent',
    'submit_confirmation.network': 'We could not reach our server. Check your internet connection, then try again.',
    'submit_confirmation.server': 'Something went wrong on our side. Please try again in a few minutes.',
    'submit_confirmation.client': 'We could not accept the form. Check your answers, then send it again.',
    'submit_confirmation.timeout':
      'Our server took too long to answer, so your message may not have arrived. Try again: if nothing has changed, we will receive it only once.',
    'submit_confirmation.offline_heading': 'You are offline',
    'submit_confirmation.offline': 'Nothing was sent.',
    'submit_confirmation.kept': 'Everything you typed is still here.',
    'submit_confirmation.later': 'Send when I am back online',
    'submit_confirmation.waiting': 'We will send your message as soon as you are back online. Keep this page open.',
    'submit_confirmation.retry': 'Try again',
    'submit_confirmation.cancel': 'Do not send',
  },
};
