// Every state of <tp-progress-bar>, shared by the stories and the tests, so what designers see is
// what is checked with axe and in the accessibility tree.

/** The element's attributes, as Storybook args (each is also an attribute for script-tag users). */
export interface ProgressBarArgs {
  label?: string;
  value?: string;
  max?: string;
  valueText?: string;
  showValue?: boolean;
}

export interface ProgressBarState {
  args: ProgressBarArgs;
  /** Label text placed inside the element (the default slot), escaped as text. */
  slotText?: string;
  /** A heading that names the bar through aria-labelledby. */
  labelledBy?: string;
  /** Text direction and language of a wrapper. */
  dir?: 'rtl';
  lang?: string;
  /** What a screen reader gets: the accessibility tree's name and value (null: indeterminate). */
  expected: { name: string; valueNow: number | null; valueMax: number };
}

export const progressBarStates: Record<string, ProgressBarState> = {
  Determinate: {
    args: { label: 'Uploading 3 files', value: '40' },
    expected: { name: 'Uploading 3 files', valueNow: 40, valueMax: 100 },
  },
  'With value shown': {
    args: { label: 'Uploading 3 files', value: '72', showValue: true },
    expected: { name: 'Uploading 3 files', valueNow: 72, valueMax: 100 },
  },
  'Custom value text': {
    args: { label: 'Copying files', value: '3', max: '10', valueText: '3 of 10 files', showValue: true },
    expected: { name: 'Copying files', valueNow: 3, valueMax: 10 },
  },
  Indeterminate: {
    args: { label: 'Preparing your download' },
    expected: { name: 'Preparing your download', valueNow: null, valueMax: 100 },
  },
  Empty: {
    args: { label: 'Waiting to start', value: '0', showValue: true },
    expected: { name: 'Waiting to start', valueNow: 0, valueMax: 100 },
  },
  Complete: {
    args: { label: 'Upload complete', value: '100', showValue: true },
    expected: { name: 'Upload complete', valueNow: 100, valueMax: 100 },
  },
  'Slotted label': {
    args: { value: '30' },
    slotText: 'Installing updates',
    expected: { name: 'Installing updates', valueNow: 30, valueMax: 100 },
  },
  'Named by the page': {
    args: { value: '55' },
    labelledBy: 'Backing up photos',
    expected: { name: 'Backing up photos', valueNow: 55, valueMax: 100 },
  },
  'Right to left': {
    args: { label: 'جارٍ الرفع', value: '25', showValue: true },
    dir: 'rtl',
    lang: 'ar',
    expected: { name: 'جارٍ الرفع', valueNow: 25, valueMax: 100 },
  },
  'Bad input falls back': {
    args: { label: 'Syncing', value: 'abc', max: '-4' },
    expected: { name: 'Syncing', valueNow: null, valueMax: 100 },
  },
};

const escape = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** The state as plain HTML, the way a site owner would write it. */
export function progressBarMarkup(state: ProgressBarState): string {
  const { label, value, max, valueText, showValue } = state.args;
  const attributes = [
    label !== undefined && `label="${escape(label)}"`,
    value !== undefined && `value="${escape(value)}"`,
    max !== undefined && `max="${escape(max)}"`,
    valueText !== undefined && `value-text="${escape(valueText)}"`,
    showValue && 'show-value',
    state.labelledBy && 'aria-labelledby="pb-heading"',
  ].filter(Boolean);
  let markup = `<tp-progress-bar ${attributes.join(' ')}>${escape(state.slotText ?? '')}</tp-progress-bar>`;
  if (state.labelledBy) markup = `<h2 id="pb-heading">${escape(state.labelledBy)}</h2>${markup}`;
  if (state.dir || state.lang) markup = `<div dir="${state.dir ?? 'ltr'}" lang="${state.lang ?? 'en'}">${markup}</div>`;
  return markup;
}
