// `touchpoint/jsx`: framework-neutral types for writing Touchpoint tags in JSX. Types only.
// `touchpoint/jsx/react` and `touchpoint/jsx/preact` add them to each framework's intrinsic elements.
import type { LitElement } from 'lit';
// Through the autoloader's list, the declarations of every define module, which add each tag to
// HTMLElementTagNameMap and its events to HTMLElementEventMap (a re-export, because declaration
// files drop `import type {}`).
export type { AutoloadedTag } from '../autoloader/loaders.js';

/** Every Touchpoint tag. */
export type TpTag = Extract<keyof HTMLElementTagNameMap, `tp-${string}`>;

/** Whether property `K` of `E` can be set (a getter without a setter, like `state`, cannot: React would throw). */
type Writable<E, K extends keyof E> =
  (<T>() => T extends { [P in K]: E[K] } ? 1 : 2) extends <T>() => T extends { -readonly [P in K]: E[K] } ? 1 : 2 ? true : false;

/** An element's options: its own settable properties that are not methods, all optional. */
export type TpOptions<E> = {
  [K in Exclude<keyof E, keyof LitElement> as E[K] extends (...args: never[]) => unknown ? never : Writable<E, K> extends true ? K : never]?: E[K];
};

/**
 * `ontp-show={(e) => …}`: React 19 and Preact listen for the event named after `on`. Every `tp-*`
 * event bubbles, so each is accepted on every element (a `<tp-busy>` hears its progress bar's).
 */
export type TpEventProps = {
  [K in keyof HTMLElementEventMap as K extends `tp-${string}` ? `on${K}` : never]?: (event: HTMLElementEventMap[K]) => void;
};

/** The props of `<Tag>` in JSX, given the framework's own attributes type for an element. */
export type TpIntrinsicElements<Attributes extends Record<TpTag, object>> = {
  [T in TpTag]: Attributes[T] & TpOptions<HTMLElementTagNameMap[T]> & TpEventProps;
};
