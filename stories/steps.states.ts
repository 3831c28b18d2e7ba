// Every state of <tp-steps>, shared by the stories and the tests, so what designers see is what is
// checked with axe and in the accessibility tree.

/** The element's attributes, as Storybook args (each is also an attribute for script-tag users). */
export interface StepsArgs {
  current?: string;
  total?: string;
  compact?: boolean;
}

export interface StepsState {
  args: StepsArgs;
  /** The page's own list: step names, and a link (href) on the steps one may go back to. */
  steps: { name: string; href?: string }[];
  dir?: 'rtl';
  lang?: string;
  /** What people get: the position text and the current step's name (null: none is listed). */
  expected: { summary: string; current: string | null; done: string[] };
}

const checkout = [
  { name: 'Cart', href: '#cart' },
  { name: 'Delivery', href: '#delivery' },
  { name: 'Payment', href: '#payment' },
  { name: 'Review', href: '#review' },
];

export const stepsStates: Record<string, StepsState> = {
  Checkout: {
    args: { current: '2' },
    steps: checkout,
    expected: { summary: 'Step 2 of 4 — Delivery', current: 'Delivery', done: ['Cart'] },
  },
  'Checkout, last step': {
    args: { current: '4' },
    steps: checkout,
    expected: { summary: 'Step 4 of 4 — Review', current: 'Review', done: ['Cart', 'Delivery', 'Payment'] },
  },
  Onboarding: {
    args: { current: '3' },
    steps: [
      { name: 'Your account', href: '#account' },
      { name: 'Your team', href: '#team' },
      { name: 'Connect your inbox' },
      { name: 'Invite colleagues' },
      { name: 'Start' },
    ],
    expected: { summary: 'Step 3 of 5 — Connect your inbox', current: 'Connect your inbox', done: ['Your account', 'Your team'] },
  },
  'Unknown total': {
    args: { current: '3', total: 'unknown' },
    steps: [{ name: 'About you', href: '#about' }, { name: 'Your home', href: '#home' }, { name: 'Your heating' }],
    expected: { summary: 'Step 3 — Your heating', current: 'Your heating', done: ['About you', 'Your home'] },
  },
  Compact: {
    args: { current: '2', compact: true },
    steps: checkout,
    expected: { summary: 'Step 2 of 4 — Delivery', current: 'Delivery', done: ['Cart'] },
  },
  'No going back': {
    args: { current: '3' },
    steps: [{ name: 'Details' }, { name: 'Check' }, { name: 'Sign' }],
    expected: { summary: 'Step 3 of 3 — Sign', current: 'Sign', done: ['Details', 'Check'] },
  },
  'Right to left': {
    args: { current: '2' },
    steps: [{ name: 'السلة', href: '#cart' }, { name: 'التوصيل' }, { name: 'الدفع' }],
    dir: 'rtl',
    // Words from the catalogue (English until the site owner adds Arabic), digits from Intl.
    lang: 'ar-EG',
    expected: { summary: 'Step ٢ of ٣ — التوصيل', current: 'التوصيل', done: ['السلة'] },
  },
  'Bad input falls back': {
    args: { current: '9', total: 'lots' },
    steps: checkout,
    expected: { summary: 'Step 4 of 4 — Review', current: 'Review', done: ['Cart', 'Delivery', 'Payment'] },
  },
};

const escape = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** The page's list, as a site owner writes it: it works as a plain list without JavaScript. */
export function stepsList(state: StepsState): string {
  const current = Number(state.args.current);
  const items = state.steps.map(({ name, href }, i) => {
    const here = i + 1 === current ? ' aria-current="step"' : '';
    return `<li${here}>${href ? `<a href="${escape(href)}">${escape(name)}</a>` : escape(name)}</li>`;
  });
  return `<ol>${items.join('')}</ol>`;
}

/** The state as plain HTML. */
export function stepsMarkup(state: StepsState): string {
  const { current, total, compact } = state.args;
  const attributes = [
    current !== undefined && `current="${escape(current)}"`,
    total !== undefined && `total="${escape(total)}"`,
    compact && 'compact',
  ].filter(Boolean);
  const markup = `<tp-steps ${attributes.join(' ')}>${stepsList(state)}</tp-steps>`;
  return state.dir || state.lang ? `<div dir="${state.dir ?? 'ltr'}" lang="${state.lang ?? 'en'}">${markup}</div>` : markup;
}
