// <tp-steps> (issue 10) against the bare Lit element. No peer library ships a step indicator that
// upgrades the page's own list, so the comparison is with the smallest Lit element: what reading
// the list, the Intl numbers and the per-step template cost on top of rendering. Each element
// gets the same four-step checkout list, at a different step.
const fixture = (file) => new URL(`../fixtures/${file}`, import.meta.url).href;

const list = '<ol><li><a href="#cart">Cart</a></li><li><a href="#delivery">Delivery</a></li><li>Payment</li><li>Review</li></ol>';

export default {
  name: 'steps',
  noun: 'step indicator',
  scenarios: ['render', 'heap', 'leak'],
  touchpoint: {
    entry: 'touchpoint/steps',
    tag: 'tp-steps',
    create: (i) => `<tp-steps current="${(i % 4) + 1}">${list}</tp-steps>`,
  },
  peers: {
    bareLit: {
      entry: fixture('bare-lit.js'),
      tag: 'bare-lit',
      create: (i) => `<bare-lit value="${(i % 4) + 1}"></bare-lit>`,
    },
  },
};
