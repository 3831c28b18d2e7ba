import type { Sink } from '../schema.js';

export interface DataLayerOptions {
  /** The global array to push to. Default `dataLayer`, Google Tag Manager's. */
  name?: string;
}

/**
 * A sink that pushes each event to `window.dataLayer` (Google Tag Manager's convention) as
 * `{ event: 'tp.progress_bar.completed', touchpoint: <the event>, _clear: true }`. In GTM, trigger on
 * the custom event name and read fields with Data Layer Variables such as `touchpoint.props.duration_ms`
 * or `touchpoint.labels.variant`. `_clear` stops GTM merging this event's props into the previous one's.
 */
export function dataLayerSink({ name = 'dataLayer' }: DataLayerOptions = {}): Sink {
  return {
    name: 'data-layer',
    send(batch) {
      // Created when missing, as GTM's own snippet does, so the order of loading does not matter.
      const layer = ((window as unknown as Record<string, unknown[] | undefined>)[name] ??= []);
      for (const event of batch) layer.push({ event: event.name, touchpoint: event, _clear: true });
    },
  };
}
