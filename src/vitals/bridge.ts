// The part of `touchpoint/vitals` that knows nothing of web-vitals' internals: which Touchpoint
// element a node belongs to, what a metric becomes as a telemetry event, and when a metric id's value
// is sent (at each hide, when it changed since it was last sent).
import { shared } from '../core/shared.js';
import { emitTelemetry, type TelemetryDetail, type TelemetryProps } from '../core/telemetry-event.js';

/** What the bridge reads of a web-vitals metric (with attribution): INP, CLS or LCP. */
export interface VitalsMetric {
  name: string;
  value: number;
  rating: string;
  id: string;
  navigationType?: string;
  /** web-vitals' attribution object; the bridge reads a few flat numbers and strings from it. */
  attribution: Record<string, unknown>;
}

/** A Touchpoint element: a `tp-*` custom element, named as its own `track()` names it. */
type Named = Element & { instanceName?: string };

/**
 * `component` for `el`, exactly as the element's own `track()` fills it (src/core/element.ts): its
 * `id`, else `<tag>-<n>` from the page's shared counter, kept on the element under the same field,
 * so the element's own events and its vitals carry the same `component.id`.
 */
function describe(el: Named): TelemetryDetail['component'] {
  const tag = el.localName;
  return { tag, id: el.id || (el.instanceName ??= `${tag}-${++shared().instances}`) };
}

/**
 * The innermost Touchpoint element (`tp-*`) holding `node`: the node itself, an ancestor, or — across
 * shadow roots — a host, so the button inside `<tp-toggletip>`'s shadow root and a button slotted into
 * it both belong to the toggletip. Undefined when no Touchpoint element holds it.
 */
export function touchpointElementOf(node: Node | null | undefined): Element | undefined {
  // A shadow root (nodeType 11) leads to its host; anything else to its parent, up to the document.
  for (let n = node; n; n = n.nodeType == 11 ? (n as ShadowRoot).host : n.parentNode) {
    if ((n as Element).localName?.startsWith('tp-')) return n as Element;
  }
  return undefined;
}

/** A metric's attribution, as flat primitive props (absent values are left out). */
const ATTRIBUTION: Record<string, Record<string, string>> = {
  INP: {
    interaction_type: 'interactionType',
    load_state: 'loadState',
    input_delay: 'inputDelay',
    processing_duration: 'processingDuration',
    presentation_delay: 'presentationDelay',
  },
  CLS: { load_state: 'loadState', largest_shift_value: 'largestShiftValue' },
  LCP: {
    time_to_first_byte: 'timeToFirstByte',
    resource_load_delay: 'resourceLoadDelay',
    resource_load_duration: 'resourceLoadDuration',
    element_render_delay: 'elementRenderDelay',
  },
};

/** The props of a `tp.vitals.<metric>` event: value, rating, ids and the attribution essentials. */
export function propsOf(metric: VitalsMetric): TelemetryProps {
  const props: TelemetryProps = {
    value: metric.value,
    rating: metric.rating,
    metric_id: metric.id,
    navigation_type: metric.navigationType ?? null,
  };
  for (const [prop, key] of Object.entries(ATTRIBUTION[metric.name] ?? {})) {
    const value = metric.attribution[key];
    if (typeof value == 'string' || typeof value == 'number') props[prop] = value;
  }
  return props;
}

/** The attribution field where web-vitals keeps what `generateTarget` returned. */
const TARGET: Record<string, string> = { INP: 'interactionTarget', CLS: 'largestShiftTarget', LCP: 'target' };

export interface VitalsBridge {
  /**
   * web-vitals' `generateTarget`: called with the INP target, the CLS largest shift source or the LCP
   * element while it is still in the page. Returns a key for the Touchpoint element holding it (the
   * element may be gone by the time the metric is reported), or undefined for web-vitals' own selector.
   */
  generateTarget(node: Node | null): string | undefined;
  /** web-vitals' report callback (with `reportAllChanges`): keeps the latest value of each metric id. */
  report(metric: VitalsMetric): void;
  /**
   * The page is being hidden: one `tp.vitals.<metric>` event for each metric id whose latest value
   * differs from the one last sent for it (or was never sent). A page hidden again after the person
   * came back sends an id again only when its value changed meanwhile: the last event per id is its
   * value.
   */
  hidden(): void;
}

/** A metric as last reported: the event to send and where to send it from. */
interface Pending {
  detail: TelemetryDetail;
  el: Element | undefined;
}

/**
 * A bridge from web-vitals' callbacks to `tp-telemetry` events. `emit` is `emitTelemetry` (the same
 * path as every component's `track()`: the hub, consent and sinks decide what leaves the page).
 */
export function createBridge(emit: typeof emitTelemetry = emitTelemetry): VitalsBridge {
  // The element behind each key is held weakly: a long-lived page removes components, and the name
  // is all a report needs once the element is gone.
  const found = new Map<string, { component: TelemetryDetail['component']; ref: WeakRef<Element> }>();
  const pending = new Map<string, Pending>();
  // Metric id → the value last sent for it (a handful per page view: three, and three more per
  // back/forward cache restore).
  const sent = new Map<string, unknown>();
  return {
    generateTarget(node) {
      const el = touchpointElementOf(node);
      if (!el) return undefined;
      const component = describe(el);
      // Never a selector web-vitals would produce (those have no `#` right after a tag name).
      const key = `${component.tag}#${component.id}`;
      found.set(key, { component, ref: new WeakRef(el) });
      return key;
    },
    report(metric) {
      const target = found.get(metric.attribution[TARGET[metric.name]!] as string);
      pending.set(metric.id, {
        el: target?.ref.deref(),
        // Without a Touchpoint element, `component` stays absent, as for the site's own events (the
        // hub and the schema allow it; TelemetryDetail types what components send).
        detail: {
          name: `tp.vitals.${metric.name.toLowerCase()}`,
          component: target?.component,
          props: propsOf(metric),
          time: Date.now(),
        } as TelemetryDetail,
      });
    },
    hidden() {
      for (const [id, { el, detail }] of pending) {
        // Unchanged since it was last sent (web-vitals reports changes only, but a value can change
        // and change back between two hides): the event already sent still says it.
        if (sent.get(id) === detail.props.value) continue;
        sent.set(id, detail.props.value);
        // From the element while it is in the page, so its `data-tp-*` labels apply; else from the document.
        emit(el?.isConnected ? el : document, detail);
      }
      pending.clear();
    },
  };
}
