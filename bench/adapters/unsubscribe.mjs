// <tp-unsubscribe> (issue 11) against the bare Lit element. No peer library ships an unsubscribe
// page, so the comparison is with the smallest Lit element: what the first screen, reading the
// outbox for a kept choice and the listeners cost on top of rendering. No `auto` and no kept
// choice: nothing is sent, so the numbers are the element's, not the network's.
const fixture = (file) => new URL(`../fixtures/${file}`, import.meta.url).href;

export default {
  name: 'unsubscribe',
  noun: 'unsubscribe page',
  scenarios: ['render', 'heap', 'leak'],
  touchpoint: {
    entry: 'touchpoint/unsubscribe',
    tag: 'tp-unsubscribe',
    create: (i) => `<tp-unsubscribe endpoint="/bench/unsubscribe" token="token-${i}" contact="help@example.com"></tp-unsubscribe>`,
  },
  peers: {
    bareLit: {
      entry: fixture('bare-lit.js'),
      tag: 'bare-lit',
      create: (i) => `<bare-lit value="${i}"></bare-lit>`,
    },
  },
};
