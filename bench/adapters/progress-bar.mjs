// <tp-progress-bar> next to Shoelace's <sl-progress-bar>, against the bare Lit element.
// The same values and labels for every library, so only the component differs. One difference
// stays, against Touchpoint: Shoelace's `label` is only the accessible name (nothing is shown),
// while Touchpoint's is shown above the bar, so Touchpoint also lays out 1000 lines of text (about
// a quarter of its main-thread time here; with `aria-label` instead it measured level with Shoelace).
const fixture = (file) => new URL(`../fixtures/${file}`, import.meta.url).href;

export default {
  name: 'progress-bar',
  noun: 'progress bar',
  scenarios: ['render', 'heap', 'leak'],
  touchpoint: {
    entry: 'touchpoint/progress-bar',
    tag: 'tp-progress-bar',
    create: (i) => `<tp-progress-bar value="${i % 101}" label="Upload ${i}"></tp-progress-bar>`,
  },
  peers: {
    shoelace: {
      entry: '@shoelace-style/shoelace/dist/components/progress-bar/progress-bar.js',
      // Shoelace pages load its theme; without it the component renders without its design tokens.
      styles: ['@shoelace-style/shoelace/dist/themes/light.css'],
      tag: 'sl-progress-bar',
      create: (i) => `<sl-progress-bar value="${i % 101}" label="Upload ${i}"></sl-progress-bar>`,
    },
    bareLit: {
      entry: fixture('bare-lit.js'),
      tag: 'bare-lit',
      create: (i) => `<bare-lit value="${i % 101}"></bare-lit>`,
    },
  },
};
