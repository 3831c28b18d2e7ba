import type { Sink, TelemetryEvent } from '../schema.js';

const row = ({ name, seq, component, page, props, labels }: TelemetryEvent) => ({
  name,
  seq,
  component: component ? `${component.tag}#${component.id}` : '',
  page,
  // As JSON so the table shows them in full instead of as "Object".
  props: JSON.stringify(props),
  labels: JSON.stringify(labels),
});

/**
 * A sink for development: each batch is one collapsed console group with a table of its events
 * (name, seq, component, page, props, labels), followed by the events themselves to expand.
 */
export function consoleSink(): Sink {
  return {
    name: 'console',
    send(batch) {
      console.groupCollapsed(`[touchpoint] ${batch.length} telemetry event${batch.length === 1 ? '' : 's'}`);
      console.table(batch.map(row));
      console.log(batch);
      console.groupEnd();
    },
  };
}
