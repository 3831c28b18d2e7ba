import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/toggletip/define.js';
import { PLACEMENTS } from '../src/core/position.js';
import { toggletipMarkup, toggletipStates, type ToggletipArgs, type ToggletipState } from './toggletip.states.js';

const meta: Meta<ToggletipArgs> = {
  title: 'Components/Toggletip',
  component: 'tp-toggletip',
  tags: ['autodocs'],
  argTypes: {
    label: { control: 'text', description: 'The button’s accessible name (required)' },
    placement: { control: 'select', options: PLACEMENTS, description: 'Side and alignment; flips and shifts to stay on screen' },
    arrow: { control: 'boolean', description: 'An arrow pointing at the button' },
    open: { control: 'boolean', description: 'Open without clicking' },
  },
};
export default meta;

type Story = StoryObj<ToggletipArgs>;

/**
 * Renders a state with the controls' args. An open toggletip fades in: a hidden, never-defined
 * `<tp-story-pending>` stays until it has, so the axe pass checks the finished state.
 */
function render(state: ToggletipState) {
  return (args: ToggletipArgs) => {
    const root = document.createElement('div');
    root.style.padding = '1rem 1rem 8rem';
    root.innerHTML = toggletipMarkup({ ...state, args });
    if (args.open) {
      const pending = document.createElement('tp-story-pending');
      pending.hidden = true;
      root.append(pending);
      root.addEventListener('tp-after-show', () => pending.remove());
      setTimeout(() => pending.remove(), 1_000);
    }
    return root;
  };
}

function story(name: keyof typeof toggletipStates): Story {
  const state = toggletipStates[name]!;
  return { name, args: state.args, render: render(state) };
}

/** Click, Enter or Space opens it; the content is announced politely; Escape or a click outside closes it. */
export const Closed = story('Closed');
/** Links and controls are fine here (unlike in a tooltip): Tab reaches them after the button. */
export const Open = story('Open');
export const WithArrow = story('With arrow');
/** In the top layer: a clipping ancestor cannot cut it off. */
export const InsideAClippingBox = story('Inside overflow hidden and contain paint');
export const RightToLeft = story('Right to left');
export const Dark = story('Dark');
/** Without `label` the button is called "More information" (localised) and dev builds warn. */
export const NoLabel = story('No label (fallback name, dev warning)');
