import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/busy/define.js';
import '../src/progress-bar/define.js';
import '../src/reply-promise/define.js';
import '../src/steps/define.js';
import '../src/toggletip/define.js';
import '../src/tooltip/define.js';
import { languagesMarkup } from './languages.states.js';
import { TOKENS } from './tokens.js';

/** One control per `--tp-*` token (empty: the documented default), and the colour scheme. */
type ThemingArgs = { scheme: 'light' | 'dark' } & Record<string, string | undefined>;

const meta: Meta<ThemingArgs> = {
  title: 'Guides/Theming',
  argTypes: {
    scheme: {
      control: 'inline-radio',
      options: ['light', 'dark'],
      description: '`color-scheme` of the page around the elements: they follow it unless `--tp-color-scheme` (what `data-theme` sets) says otherwise',
    },
    ...Object.fromEntries(
      TOKENS.map((t) => [
        t.name,
        { control: t.colour ? 'color' : 'text', description: `${t.what}. Default: \`${t.default}\``, table: { category: 'Tokens' } },
      ]),
    ),
  },
  args: { scheme: 'light' },
  render: (args) => {
    const root = document.createElement('div');
    root.innerHTML = languagesMarkup('en-GB');
    // CSSOM, not a style attribute: the same way a page's stylesheet would set them.
    root.style.setProperty('color-scheme', args.scheme);
    root.style.setProperty('padding', '1rem');
    root.style.setProperty('background', 'light-dark(#fff, #15181d)');
    root.style.setProperty('color', 'light-dark(#15181d, #e8edf5)');
    for (const { name } of TOKENS) if (args[name]) root.style.setProperty(name, args[name]!);
    return root;
  },
};
export default meta;

type Story = StoryObj<ThemingArgs>;

/** Change any token in the controls: every component on the page follows. */
export const Tokens: Story = {};
export const Dark: Story = { args: { scheme: 'dark' } };
/** A brand: one accent, rounder corners, more room. */
export const Brand: Story = {
  args: { '--tp-color-accent': '#6d28d9', '--tp-radius': '0.75rem', '--tp-space': '0.75rem', '--tp-font': '1rem/1.5 Georgia, serif' },
};
