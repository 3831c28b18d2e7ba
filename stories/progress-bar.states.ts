// Every state of <tp-progress-bar>, shared by the stories and the tests, so what designers see is
// what is checked with axe and in the accessibility tree.
export interface ProgressBarState {
  /** Markup of the state (attributes only: works from a script tag too). */
  markup: string;
  /** What a screen reader gets: the accessibility tree's role, name and value. */
  expected: { name: string; valueNow: number | null; valueText: string | null; valueMax: number };
}

export const progressBarStates: Record<string, ProgressBarState> = {
  Determinate: {
    markup: '<tp-progress-bar label="Uploading 3 files" value="40"></tp-progress-bar>',
    expected: { name: 'Uploading 3 files', valueNow: 40, valueText: '40%', valueMax: 100 },
  },
  'With value shown': {
    markup: '<tp-progress-bar label="Uploading 3 files" value="72" show-value></tp-progress-bar>',
    expected: { name: 'Uploading 3 files', valueNow: 72, valueText: '72%', valueMax: 100 },
  },
  'Custom value text': {
    markup: '<tp-progress-bar label="Copying files" value="3" max="10" value-text="3 of 10 files" show-value></tp-progress-bar>',
    expected: { name: 'Copying files', valueNow: 3, valueText: '3 of 10 files', valueMax: 10 },
  },
  Indeterminate: {
    markup: '<tp-progress-bar label="Preparing your download"></tp-progress-bar>',
    expected: { name: 'Preparing your download', valueNow: null, valueText: null, valueMax: 100 },
  },
  Empty: {
    markup: '<tp-progress-bar label="Waiting to start" value="0" show-value></tp-progress-bar>',
    expected: { name: 'Waiting to start', valueNow: 0, valueText: '0%', valueMax: 100 },
  },
  Complete: {
    markup: '<tp-progress-bar label="Upload complete" value="100" show-value></tp-progress-bar>',
    expected: { name: 'Upload complete', valueNow: 100, valueText: '100%', valueMax: 100 },
  },
  'Slotted label': {
    markup: '<tp-progress-bar value="30">Installing <strong>updates</strong></tp-progress-bar>',
    expected: { name: 'Installing updates', valueNow: 30, valueText: '30%', valueMax: 100 },
  },
  'Named by the page': {
    markup:
      '<h2 id="pb-heading">Backing up photos</h2><tp-progress-bar aria-labelledby="pb-heading" value="55"></tp-progress-bar>',
    expected: { name: 'Backing up photos', valueNow: 55, valueText: '55%', valueMax: 100 },
  },
  'Right to left': {
    markup: '<div dir="rtl" lang="ar"><tp-progress-bar label="جارٍ الرفع" value="25" show-value></tp-progress-bar></div>',
    expected: { name: 'جارٍ الرفع', valueNow: 25, valueText: '٢٥٪؜', valueMax: 100 },
  },
  'Bad input falls back': {
    markup: '<tp-progress-bar label="Syncing" value="abc" max="-4"></tp-progress-bar>',
    expected: { name: 'Syncing', valueNow: null, valueText: null, valueMax: 100 },
  },
};
