/**
 * Every tag the autoloader knows, and the define module that registers it. The one list: a unit test
 * (tests/unit/autoloader.test.ts) fails when a `src/<component>/define.ts` registers a tag that is
 * missing here, and the build writes `autoloader.css` from it.
 */
export const loaders = {
  'tp-busy': () => import('../busy/define.js'),
  'tp-progress-bar': () => import('../progress-bar/define.js'),
  'tp-reply-promise': () => import('../reply-promise/define.js'),
  'tp-steps': () => import('../steps/define.js'),
  'tp-submit-confirmation': () => import('../submit-confirmation/define.js'),
  'tp-toggletip': () => import('../toggletip/define.js'),
  'tp-tooltip': () => import('../tooltip/define.js'),
  'tp-unsubscribe': () => import('../unsubscribe/define.js'),
} satisfies Record<`tp-${string}`, () => Promise<unknown>>;

/** The tags the autoloader can load. */
export type AutoloadedTag = keyof typeof loaders;
