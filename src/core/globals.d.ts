/** True in dev builds (the `development` export condition, tests, Storybook, touchpoint.dev.js); replaced at build time. */
declare const __TP_DEV__: boolean;
/** The package version, replaced at build time. */
declare const __TP_VERSION__: string;
