// <tp-tooltip> (issue 9) next to Shoelace's <sl-tooltip>, against a bare Lit tooltip. Each one
// wraps a button, so every library renders the same light DOM and keyboard focus lands on it.
const fixture = (file) => new URL(`../fixtures/${file}`, import.meta.url).href;

export default {
  name: 'tooltip',
  noun: 'tooltip',
  scenarios: ['render', 'heap', 'leak', 'latency'],
  touchpoint: {
    entry: 'touchpoint/tooltip',
    tag: 'tp-tooltip',
    // Issue 9's wrapping form; the bubble is the part "body" (a popover in the top layer).
    create: (i) => `<tp-tooltip content="Saves draft ${i}"><button>Save ${i}</button></tp-tooltip>`,
    visible: ['tp-tooltip', '[part~="body"]'],
  },
  peers: {
    shoelace: {
      entry: '@shoelace-style/shoelace/dist/components/tooltip/tooltip.js',
      styles: ['@shoelace-style/shoelace/dist/themes/light.css'],
      tag: 'sl-tooltip',
      create: (i) => `<sl-tooltip content="Saves draft ${i}"><button>Save ${i}</button></sl-tooltip>`,
      visible: ['sl-tooltip', '[part~="body"]'],
    },
    bareLit: {
      entry: fixture('bare-lit-tooltip.js'),
      tag: 'bare-lit-tooltip',
      create: (i) => `<bare-lit-tooltip content="Saves draft ${i}"><button>Save ${i}</button></bare-lit-tooltip>`,
      visible: ['bare-lit-tooltip', '[part~="body"]'],
    },
  },
};
