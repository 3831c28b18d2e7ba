// Every state of <tp-toggletip>, shared by the stories and the tests.

/** The element's attributes, as Storybook args (each is also an attribute for script-tag users). */
export interface ToggletipArgs {
  label?: string;
  placement?: string;
  arrow?: boolean;
  open?: boolean;
}

export interface ToggletipState {
  args: ToggletipArgs;
  /** The help content, as HTML (links allowed: that is what a toggletip is for). */
  content: string;
  /** Visible text before the button, the way it usually sits next to a form label. */
  context?: string;
  frame?: 'clip' | 'rtl' | 'dark';
}

export const toggletipStates: Record<string, ToggletipState> = {
  Closed: {
    args: { label: 'About delivery times' },
    context: 'Delivery',
    content: 'Orders placed before 2 pm ship the same working day.',
  },
  Open: {
    args: { label: 'About refunds', open: true, placement: 'bottom' },
    context: 'Refunds',
    content: 'Refunds reach your card in 5 to 10 working days. <a href="#refund-policy">Read the refund policy</a>',
  },
  'With arrow': {
    args: { label: 'About your plan', open: true, arrow: true, placement: 'right' },
    context: 'Plan',
    content: 'You can change plans at any time; we charge the difference from the next bill.',
  },
  'Inside overflow hidden and contain paint': {
    args: { label: 'Why we ask', open: true, arrow: true, placement: 'bottom-start' },
    context: 'Phone number',
    content: 'Only to reach you about this order. We never call to sell.',
    frame: 'clip',
  },
  'Right to left': {
    args: { label: 'حول أوقات التوصيل', open: true, placement: 'bottom-start', arrow: true },
    context: 'التوصيل',
    content: 'تُشحن الطلبات في نفس يوم العمل.',
    frame: 'rtl',
  },
  Dark: {
    args: { label: 'About storage', open: true, placement: 'bottom' },
    context: 'Storage',
    content: 'Files are kept for 30 days after you delete them.',
    frame: 'dark',
  },
  'No label (fallback name, dev warning)': {
    args: {},
    context: 'Help without a label',
    content: 'The button falls back to “More information”.',
  },
};

const escape = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** The state as plain HTML, the way a site owner would write it. */
export function toggletipMarkup(state: ToggletipState): string {
  const { label, placement, arrow, open } = state.args;
  const attributes = [
    label !== undefined && `label="${escape(label)}"`,
    placement !== undefined && `placement="${escape(placement)}"`,
    arrow && 'arrow',
    open && 'open',
  ].filter(Boolean);
  const toggletip = `<tp-toggletip ${attributes.join(' ')}>${state.content}</tp-toggletip>`;
  const line = `<p>${state.context ? `${escape(state.context)} ` : ''}${toggletip}</p>`;
  switch (state.frame) {
    case 'clip':
      return `<div class="tt-clip" style="overflow: hidden; contain: paint; inline-size: 14rem; block-size: 4rem; padding: 0.5rem; border: 1px dashed">${line}</div>`;
    case 'rtl':
      return `<div dir="rtl" lang="ar">${line}</div>`;
    case 'dark':
      return `<div style="color-scheme: dark; background: #15181d; color: #e8edf5; padding: 1rem">${line}</div>`;
    default:
      return line;
  }
}
