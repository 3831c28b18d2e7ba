// One page of every component in a chosen language, shared by the Languages story and its test.
// The page's own words (step names, labels, help text) come from the page; the components' words
// come from the language packs (`import 'touchpoint/locales/es'`), dates and numbers from Intl.
import { replyPromiseAttributes, replyPromiseStates } from './reply-promise.states.js';

export const LANGUAGES = ['en-GB', 'es', 'es-MX', 'de', 'de-AT', 'fr', 'fr-CA'] as const;
export type Language = (typeof LANGUAGES)[number];

/** What the page itself says, per base language. */
const page = {
  en: { steps: ['Cart', 'Delivery', 'Payment', 'Review'], upload: 'Uploading 3 files', help: 'About delivery', helpText: 'Orders ship on the same working day.', archive: 'Archive', archiveTip: 'Moves the ticket out of your inbox' },
  es: { steps: ['Carrito', 'Envío', 'Pago', 'Revisión'], upload: 'Subiendo 3 archivos', help: 'Sobre el envío', helpText: 'Los pedidos salen el mismo día hábil.', archive: 'Archivar', archiveTip: 'Saca el ticket de tu bandeja de entrada' },
  de: { steps: ['Warenkorb', 'Lieferung', 'Zahlung', 'Prüfen'], upload: '3 Dateien werden hochgeladen', help: 'Zur Lieferung', helpText: 'Bestellungen gehen am selben Werktag raus.', archive: 'Archivieren', archiveTip: 'Verschiebt das Ticket aus Ihrem Posteingang' },
  // Right to left: the page's words in Hebrew (the components' own words stay English without a pack).
  he: { steps: ['עגלה', 'משלוח', 'תשלום', 'סקירה'], upload: 'מעלה 3 קבצים', help: 'על המשלוח', helpText: 'הזמנות נשלחות באותו יום עסקים.', archive: 'העברה לארכיון', archiveTip: 'מוציא את הפנייה מתיבת הדואר הנכנס' },
  ar: { steps: ['السلة', 'التوصيل', 'الدفع', 'المراجعة'], upload: 'جارٍ رفع 3 ملفات', help: 'حول التوصيل', helpText: 'تُشحن الطلبات في نفس يوم العمل.', archive: 'أرشفة', archiveTip: 'ينقل التذكرة من صندوق الوارد' },
  fr: { steps: ['Panier', 'Livraison', 'Paiement', 'Vérification'], upload: 'Envoi de 3 fichiers', help: 'À propos de la livraison', helpText: 'Les commandes partent le jour ouvré même.', archive: 'Archiver', archiveTip: 'Retire le ticket de votre boîte de réception' },
};

/** What the components say in each language, for the test (the reply promise's clock is fixed). */
export const expectedWords: Record<'en' | 'es' | 'de' | 'fr', { steps: string; busy: string; reply: string }> = {
  en: { steps: 'Step 2 of 4 — Delivery', busy: 'Loading', reply: 'We’ll reply by Wednesday 25 November, 17:30 (your time).' },
  es: { steps: 'Paso 2 de 4 — Envío', busy: 'Cargando', reply: 'Te responderemos antes del miércoles, 25 de noviembre, a las 17:30 (tu hora local).' },
  de: { steps: 'Schritt 2 von 4 — Lieferung', busy: 'Wird geladen', reply: 'Wir antworten bis Mittwoch, 25. November, 17:30 Uhr (Ihre Ortszeit).' },
  fr: { steps: 'Étape 2 sur 4 — Livraison', busy: 'Chargement', reply: 'Nous vous répondrons d’ici le mercredi 25 novembre à 17:30 (votre heure locale).' },
};

const escape = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** Every component under one `lang`, as plain HTML (`dir` for right-to-left pages). */
export function languagesMarkup(lang: string, dir: 'ltr' | 'rtl' = 'ltr'): string {
  const words = page[lang.split('-')[0] as keyof typeof page] ?? page.en;
  const steps = words.steps.map((name, i) => (i === 1 ? `<li aria-current="step">${escape(name)}</li>` : `<li>${escape(name)}</li>`)).join('');
  // A fixed clock and display zone, so the promise always says the same words.
  const promise = replyPromiseStates['Promise (p90)']!;
  return `<div lang="${escape(lang)}" dir="${dir}" class="tp-languages">
  <tp-steps current="2"><ol>${steps}</ol></tp-steps>
  <tp-progress-bar label="${escape(words.upload)}" value="40" show-value></tp-progress-bar>
  <tp-busy busy delay="0"><p>…</p></tp-busy>
  <p><button type="button" id="lang-archive">${escape(words.archive)}</button><tp-tooltip for="lang-archive">${escape(words.archiveTip)}</tp-tooltip></p>
  <p>${escape(words.help)} <tp-toggletip label="${escape(words.help)}">${escape(words.helpText)}</tp-toggletip></p>
  <tp-reply-promise ${replyPromiseAttributes(promise.args)}></tp-reply-promise>
</div>`;
}
