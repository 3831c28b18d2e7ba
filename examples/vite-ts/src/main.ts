// Everything is typed: document.querySelector('tp-progress-bar') is a TpProgressBar, and each event's
// `detail` has its own type (HTMLElementEventMap) — no casts.
import 'touchpoint/progress-bar';
import 'touchpoint/tooltip';
import { startTelemetry } from 'touchpoint/telemetry';
import { httpSink } from 'touchpoint/telemetry/http';

// The site owner's page: consent is granted up front, and batches go to the local collector.
startTelemetry({ sinks: [httpSink({ endpoint: '/collect' })], consent: 'granted', flushInterval: 500 });

const bar = document.querySelector('tp-progress-bar')!;
const tip = document.querySelector('tp-tooltip')!;
const start = document.querySelector<HTMLButtonElement>('#start')!;
const status = document.querySelector<HTMLElement>('#status')!;
const list = document.querySelector<HTMLUListElement>('#events')!;

// `event.detail` is a TelemetryDetail: name, component { tag, id }, props, time.
document.addEventListener('tp-telemetry', (event) => {
  const item = document.createElement('li');
  item.textContent = `${event.detail.name} from <${event.detail.component.tag}>`;
  list.append(item);
});

// tp-show is cancelable: no tooltip while the export runs (the status says what is happening).
tip.addEventListener('tp-show', (event) => {
  if (bar.value != null && bar.value < 100) event.preventDefault();
});

start.addEventListener('click', () => {
  start.disabled = true;
  status.textContent = '';
  bar.value = 0;
  const timer = setInterval(() => {
    bar.value = Math.min(100, (bar.value ?? 0) + 20);
    if (bar.value < 100) return;
    clearInterval(timer);
    start.disabled = false;
    status.textContent = 'Your export is ready.';
  }, 200);
});
