import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/tooltip/define.js';
import '../src/toggletip/define.js';
import { PLACEMENTS } from '../src/core/position.js';
import { defineDemoCard, tooltipMarkup, tooltipStates, type TooltipArgs, type TooltipState } from './tooltip.states.js';

const meta: Meta<TooltipArgs> = {
  title: 'Components/Tooltip',
  component: 'tp-tooltip',
  tags: ['autodocs'],
  argTypes: {
    content: { control: 'text', description: 'The text (or put it inside; `slot="content"` when wrapping)' },
    placement: { control: 'select', options: PLACEMENTS, description: 'Side and alignment; flips and shifts to stay on screen' },
    showDelay: { control: 'text', description: 'Milliseconds of hover before showing (0–10000, default 150)' },
    hideDelay: { control: 'text', description: 'Milliseconds after leaving before hiding (0–10000, default 100)' },
    asLabel: { control: 'boolean', description: 'The text names the trigger instead of describing it' },
    arrow: { control: 'boolean', description: 'An arrow pointing at the trigger' },
    open: { control: 'boolean', description: 'Shown without hovering' },
  },
};
export default meta;

type Story = StoryObj<TooltipArgs>;

/**
 * Renders a state with the controls' args. A hidden, never-defined `<tp-story-pending>` stays
 * until an open tooltip has shown (`tp-after-show`), so the axe pass checks the shown state.
 */
let rendered = 0;
function render(state: TooltipState, note = '') {
  return (args: TooltipArgs) => {
    defineDemoCard();
    const root = document.createElement('div');
    root.style.padding = '4rem 1rem';
    // Ids unique per render: the docs page shows every story at once.
    root.setHTMLUnsafe(`${note ? `<p>${note}</p>` : ''}${tooltipMarkup({ ...state, args }, `tt-trigger-${++rendered}`)}`);
    if (args.open) {
      const pending = document.createElement('tp-story-pending');
      pending.hidden = true;
      root.append(pending);
      root.addEventListener('tp-after-show', () => pending.remove());
      // A tooltip that cannot show (a cancelled tp-show, a control changed) must not hold the page.
      setTimeout(() => pending.remove(), 1_000);
    }
    return root;
  };
}

function story(name: keyof typeof tooltipStates, note?: string): Story {
  const state = tooltipStates[name]!;
  return { name, args: state.args, render: render(state, note) };
}

/** `<button id="save">` and `<tp-tooltip for="save">`: the text is the button's accessible description. */
export const SiblingWithFor = story('Sibling with for');
/** The trigger inside, the text in `content`. */
export const WrappingContentAttribute = story('Wrapping, content attribute');
/** The trigger inside, the text in a `slot="content"` element. */
export const WrappingContentSlot = story('Wrapping, content slot');
/** An icon-only button: with `as-label` the text is its accessible name. */
export const IconButtonAsLabel = story('Icon button, as-label');
export const IconButtonAsLabelWithFor = story('Icon button, as-label with for');
export const Open = story('Open');
export const WithArrow = story('With arrow');
/** The bubble is in the top layer: `overflow: hidden; contain: paint` on an ancestor cannot clip it. */
export const InsideAClippingBox = story('Inside overflow hidden and contain paint');
/** Trigger and tooltip inside another component's shadow root: still described, by attribute, no IDREF. */
export const InsideAShadowRoot = story('Inside another component’s shadow root');
export const WrappingInsideAShadowRoot = story('Wrapping inside a shadow root');
/** `-start` and `-end` follow the text direction. */
export const RightToLeft = story('Right to left');
/** Colours follow the page's `color-scheme`. */
export const Dark = story('Dark');
export const HostileTextRendersAsText = story('Hostile text renders as text');

/** On a touch screen (or DevTools device mode): long-press the button; tap elsewhere to hide. A tap still clicks. */
export const Touch: Story = {
  args: { content: 'Long-press showed me; a tap elsewhere hides me', arrow: true },
  render: render(
    { args: {}, attach: 'wrap', triggerText: 'Long-press me', expected: { name: '', description: '' } },
    'Touch screens: long-press the button. A short tap is still a click.',
  ),
};

/**
 * The tooltip never animates: it is readable in the first frame after hover or focus, so
 * `prefers-reduced-motion` has nothing to turn off (the toggletip's 120 ms fade does turn off).
 */
export const ReducedMotion: Story = {
  args: { content: 'Appears at once, with or without reduced motion', open: true },
  render: render(
    { args: {}, attach: 'wrap', triggerText: 'Reduced motion', expected: { name: '', description: '' } },
    'No animation at all: nothing moves or fades, whatever <code>prefers-reduced-motion</code> says.',
  ),
};

/** In forced-colors mode (Windows contrast themes, or DevTools → Rendering) the bubble keeps an outline. */
export const ForcedColors: Story = {
  args: { content: 'System colours, with an outline', open: true, arrow: true },
  render: render(
    { args: {}, attach: 'wrap', triggerText: 'Forced colours', expected: { name: '', description: '' } },
    'Emulate <code>forced-colors: active</code>: the bubble uses system colours and keeps its border.',
  ),
};

/** Escape closes only the topmost layer: the tooltip first, then the toggletip under it. */
export const OverAToggletip: Story = {
  args: { content: 'Escape closes me first' },
  render: (args) => {
    const root = render({ args: {}, attach: 'wrap', triggerText: 'Hover me', expected: { name: '', description: '' } })(args);
    root.insertAdjacentHTML('afterbegin', '<p>Open the toggletip, hover the button, press Escape twice. <tp-toggletip label="About layers">A second layer.</tp-toggletip></p>');
    return root;
  },
};

const placementStory = (placement: string): Story => ({
  name: `Placement ${placement}`,
  args: { content: `placement="${placement}"`, placement, open: true, arrow: true },
  render: (args) => {
    const root = render({ args: {}, attach: 'wrap', triggerText: 'Trigger', expected: { name: '', description: '' } })(args);
    Object.assign(root.style, { display: 'grid', placeItems: 'center', minBlockSize: '12rem' });
    return root;
  },
});

export const PlacementTop = placementStory('top');
export const PlacementTopStart = placementStory('top-start');
export const PlacementTopEnd = placementStory('top-end');
export const PlacementBottom = placementStory('bottom');
export const PlacementBottomStart = placementStory('bottom-start');
export const PlacementBottomEnd = placementStory('bottom-end');
export const PlacementLeft = placementStory('left');
export const PlacementLeftStart = placementStory('left-start');
export const PlacementLeftEnd = placementStory('left-end');
export const PlacementRight = placementStory('right');
export const PlacementRightStart = placementStory('right-start');
export const PlacementRightEnd = placementStory('right-end');
