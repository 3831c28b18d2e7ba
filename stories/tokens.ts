// Every `--tp-*` design token with its default: the theming page and its controls are drawn from
// this list, and tests/unit/tokens.test.ts checks it against the components' styles and the README.

export interface Token {
  name: string;
  what: string;
  /** The default as the styles write it (`light-dark(light, dark)` for colours). */
  default: string;
  colour?: boolean;
  usedBy: string[];
}

export const TOKENS: Token[] = [
  { name: '--tp-color-scheme', what: 'Colour scheme of the elements, `light` or `dark` (what `data-theme` sets)', default: 'unset (the page\'s color-scheme)', usedBy: ['progress-bar', 'busy', 'reply-promise', 'steps', 'submit-confirmation', 'tooltip', 'toggletip', 'unsubscribe'] },
  { name: '--tp-color-accent', what: 'Accent: bar fill, done steps, the toggletip button', default: 'light-dark(#1d5bd6, #8ab4ff)', colour: true, usedBy: ['progress-bar', 'busy', 'steps', 'toggletip'] },
  { name: '--tp-color-track', what: 'The empty part of a bar', default: 'light-dark(#d9dee7, #3b4452)', colour: true, usedBy: ['progress-bar', 'busy'] },
  { name: '--tp-color-muted', what: 'Secondary text (time remaining)', default: 'light-dark(#4a5363, #b6bfcc)', colour: true, usedBy: ['busy'] },
  { name: '--tp-color-text', what: 'Text of the reply promise', default: 'inherit', colour: true, usedBy: ['reply-promise'] },
  { name: '--tp-color-success', what: 'Border of a confirmation', default: 'light-dark(#1b6e3a, #8fd8a6)', colour: true, usedBy: ['submit-confirmation', 'unsubscribe'] },
  { name: '--tp-color-danger', what: 'Border of an error summary', default: 'light-dark(#b3261e, #ffb4ab)', colour: true, usedBy: ['submit-confirmation', 'unsubscribe'] },
  { name: '--tp-tooltip-background', what: 'Tooltip bubble', default: 'light-dark(#1f2430, #e8edf5)', colour: true, usedBy: ['tooltip'] },
  { name: '--tp-tooltip-color', what: 'Tooltip text', default: 'light-dark(#fff, #15181d)', colour: true, usedBy: ['tooltip'] },
  { name: '--tp-toggletip-background', what: 'Toggletip popover', default: 'light-dark(#fff, #1f2430)', colour: true, usedBy: ['toggletip'] },
  { name: '--tp-toggletip-color', what: 'Toggletip text', default: 'light-dark(#15181d, #e8edf5)', colour: true, usedBy: ['toggletip'] },
  { name: '--tp-toggletip-border', what: 'Toggletip border', default: 'light-dark(#c4cad4, #4a5361)', colour: true, usedBy: ['toggletip'] },
  { name: '--tp-font', what: 'Font shorthand', default: 'inherit; popovers 0.875rem/1.4 system-ui (tooltip), 0.875rem/1.5 system-ui (toggletip)', usedBy: ['progress-bar', 'busy', 'reply-promise', 'submit-confirmation', 'tooltip', 'toggletip', 'unsubscribe'] },
  { name: '--tp-radius', what: 'Corner radius', default: '999px bar, 0.375rem tooltip, 0.5rem toggletip, 0.25rem confirmation', usedBy: ['progress-bar', 'tooltip', 'toggletip', 'submit-confirmation', 'unsubscribe'] },
  { name: '--tp-space', what: 'Padding and gaps', default: '0.25rem bar and reply promise, 0.5rem busy, 0.75rem toggletip, 1rem confirmation', usedBy: ['progress-bar', 'busy', 'reply-promise', 'toggletip', 'submit-confirmation', 'unsubscribe'] },
  { name: '--tp-motion-duration', what: 'Transitions (none under reduced motion)', default: '200ms bar; 120ms toggletip fade, capped at 150ms', usedBy: ['progress-bar', 'toggletip'] },
  { name: '--tp-progress-height', what: 'Thickness of a bar', default: '0.5rem', usedBy: ['progress-bar', 'busy'] },
  { name: '--tp-tooltip-max-width', what: 'Widest a tooltip gets (never wider than the viewport)', default: '20rem', usedBy: ['tooltip'] },
  { name: '--tp-toggletip-max-width', what: 'Widest a toggletip gets (never wider than the viewport)', default: '22rem', usedBy: ['toggletip'] },
];
