import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/busy/define.js';
import '../src/locales/de.js';
import '../src/locales/es.js';
import '../src/locales/fr.js';
import '../src/progress-bar/define.js';
import '../src/reply-promise/define.js';
import '../src/steps/define.js';
import '../src/toggletip/define.js';
import '../src/tooltip/define.js';
import { LANGUAGES, languagesMarkup, type Language } from './languages.states.js';

interface LanguageArgs {
  lang: Language;
}

/**
 * Every component speaks the language of its closest `lang` attribute (or the script tag's
 * `data-locale`): English built in, Spanish, German and French from `import 'touchpoint/locales/es'`
 * (the script tag, `touchpoint.min.js`, carries all three). A region falls back to its language
 * (`es-MX` reads Spanish) and then to English; dates and numbers come from `Intl` in the full tag.
 * Change **lang** below: the elements are drawn again in that language.
 */
const meta: Meta<LanguageArgs> = {
  title: 'Guides/Languages',
  argTypes: {
    lang: { control: 'select', options: [...LANGUAGES], description: 'The `lang` attribute around the components' },
  },
  args: { lang: 'es' },
  render: ({ lang }) => {
    const root = document.createElement('div');
    root.innerHTML = languagesMarkup(lang);
    return root;
  },
};
export default meta;

type Story = StoryObj<LanguageArgs>;

/** Switch **lang** in the controls to see each language. */
export const SwitchLanguage: Story = { name: 'Switch language' };
export const German: Story = { args: { lang: 'de-AT' } };
export const French: Story = { args: { lang: 'fr' } };
