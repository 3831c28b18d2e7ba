// <tp-reply-promise> (issue 8) against the bare Lit element. No peer library makes reply promises,
// so the comparison is with the smallest Lit element: what the schedule, the business-time sum
// and the Intl dates cost on top of rendering. Each element parses the same inline statistics.
import { readFileSync } from 'node:fs';

const fixture = (file) => new URL(`../fixtures/${file}`, import.meta.url).href;
const stats = readFileSync(new URL('../../examples/data/reply-stats.json', import.meta.url), 'utf8')
  .replace(/\s+/g, '')
  .replace(/'/g, '&#39;');

export default {
  name: 'reply-promise',
  noun: 'reply promise',
  scenarios: ['render', 'heap', 'leak'],
  touchpoint: {
    entry: 'touchpoint/reply-promise',
    tag: 'tp-reply-promise',
    // A different clock per element (minutes apart), so no two compute the same promise.
    create: (i) =>
      `<tp-reply-promise stats='${stats}' target="2 business days" now="${1795514400000 + i * 60_000}"></tp-reply-promise>`,
  },
  peers: {
    bareLit: {
      entry: fixture('bare-lit.js'),
      tag: 'bare-lit',
      create: (i) => `<bare-lit value="${i}"></bare-lit>`,
    },
  },
};
