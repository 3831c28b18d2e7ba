// <tp-progress-bar> next to Shoelace's <sl-progress-bar>, against the bare Lit element.
// The same values and labels for every library, so only the component differs.
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
