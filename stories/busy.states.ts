// Every state of <tp-busy>, shared by the stories and the tests.

export interface BusyArgs {
  busy?: boolean;
  label?: string;
  value?: string;
  max?: string;
  delay?: string;
  estimateAfter?: string;
  doneText?: string;
}

export interface BusyState {
  args: BusyArgs;
  /** The region's content (plain HTML written by the page). */
  region: string;
  dir?: 'rtl';
  lang?: string;
  /** What a screen reader gets: the progress bar (null: none shown) and whether the region is busy. */
  expected: { bar: { name: string; valueNow: number | null } | null; busy: boolean };
}

const results = '<ul aria-label="Search results"><li>Blue kettle</li><li>Steel kettle</li></ul>';

export const busyStates: Record<string, BusyState> = {
  'Waiting (indeterminate)': {
    args: { busy: true, label: 'Loading search results', delay: '0' },
    region: results,
    expected: { bar: { name: 'Loading search results', valueNow: null }, busy: true },
  },
  'Progress known': {
    args: { busy: true, label: 'Uploading 3 files', value: '40', delay: '0', estimateAfter: '0' },
    region: '<p>Your files will appear here.</p>',
    expected: { bar: { name: 'Uploading 3 files', valueNow: 40 }, busy: true },
  },
  'Not busy': {
    args: { label: 'Loading search results' },
    region: results,
    expected: { bar: null, busy: false },
  },
  'Right to left': {
    args: { busy: true, label: 'جارٍ التحميل', value: '25', delay: '0', estimateAfter: '0' },
    region: '<p>النتائج</p>',
    dir: 'rtl',
    lang: 'ar',
    expected: { bar: { name: 'جارٍ التحميل', valueNow: 25 }, busy: true },
  },
  'Bad input falls back': {
    args: { busy: true, label: 'Exporting', value: '150', max: '0', delay: 'soon', estimateAfter: '0' },
    region: '<p>Your export</p>',
    // delay="soon" falls back to one second.
    expected: { bar: { name: 'Exporting', valueNow: 100 }, busy: true },
  },
};

const escape = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export function busyMarkup(state: BusyState): string {
  const { busy, label, value, max, delay, estimateAfter, doneText } = state.args;
  const attributes = [
    busy && 'busy',
    label !== undefined && `label="${escape(label)}"`,
    value !== undefined && `value="${escape(value)}"`,
    max !== undefined && `max="${escape(max)}"`,
    delay !== undefined && `delay="${escape(delay)}"`,
    estimateAfter !== undefined && `estimate-after="${escape(estimateAfter)}"`,
    doneText !== undefined && `done-text="${escape(doneText)}"`,
  ].filter(Boolean);
  const markup = `<tp-busy ${attributes.join(' ')}>${state.region}</tp-busy>`;
  return state.dir || state.lang ? `<div dir="${state.dir ?? 'ltr'}" lang="${state.lang ?? 'en'}">${markup}</div>` : markup;
}
