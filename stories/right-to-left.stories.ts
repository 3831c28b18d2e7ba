import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/busy/define.js';
import '../src/progress-bar/define.js';
import '../src/reply-promise/define.js';
import '../src/steps/define.js';
import '../src/toggletip/define.js';
import '../src/tooltip/define.js';
import { languagesMarkup } from './languages.states.js';

/**
 * Every component on a right-to-left page (`dir="rtl"`, Hebrew or Arabic `lang`): bars fill from
 * the right, steps run right to left, popovers and their text follow the page's direction. This
 * checks directions, not translation: without a Hebrew pack the components' own words are English
 * (add them with `setMessages('he', { … })`), while the page's words are Hebrew.
 */
const meta: Meta<{ lang: string }> = {
  title: 'Guides/Right to left',
  argTypes: { lang: { control: 'select', options: ['he', 'ar'], description: 'The `lang` of the right-to-left page' } },
  args: { lang: 'he' },
  render: ({ lang }) => {
    const root = document.createElement('div');
    root.innerHTML = languagesMarkup(lang, 'rtl');
    return root;
  },
};
export default meta;

export const Hebrew: StoryObj<{ lang: string }> = {};
export const Arabic: StoryObj<{ lang: string }> = { args: { lang: 'ar' } };
