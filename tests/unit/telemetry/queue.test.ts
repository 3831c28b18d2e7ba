import { describe, expect, it, vi } from 'vitest';
import { setConsent, startTelemetry, track } from '../../../src/telemetry/index.js';
import { memorySink } from '../../../src/telemetry/sinks/memory.js';
import { resetAfterEach } from './helpers.js';

resetAfterEach();

const names = (batch: readonly { name: string }[]) => batch.map((e) => e.name);

describe('batching', () => {
  it('sends a full batch at once and the rest after flushInterval', () => {
    vi.useFakeTimers();
    const sink = memorySink();
    startTelemetry({ sinks: [sink], consent: 'granted', batchSize: 3, flushInterval: 1000 });
    for (let n = 1; n <= 7; n++) track(`site.e${n}`);
    expect(sink.batches.map(names)).toEqual([
      ['site.e1', 'site.e2', 'site.e3'],
      ['site.e4', 'site.e5', 'site.e6'],
    ]);
    vi.advanceTimersByTime(999);
    expect(sink.batches).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(sink.batches.map(names)[2]).toEqual(['site.e7']);
  });

  it('splits a long wait into batches of batchSize when consent arrives', () => {
    const sink = memorySink();
    startTelemetry({ sinks: [sink], batchSize: 4 });
    for (let n = 1; n <= 10; n++) track(`site.e${n}`);
    setConsent('granted');
    expect(sink.batches.map((b) => b.length)).toEqual([4, 4, 2]);
  });

  it('sends what is waiting when the page is hidden (it may never run again)', () => {
    const sink = memorySink();
    startTelemetry({ sinks: [sink], consent: 'granted', flushInterval: 60_000 });
    track('site.last_words');
    document.dispatchEvent(new Event('visibilitychange'));
    expect(names(sink.events)).toEqual(['site.last_words']);
  });

  it('without a sink, keeps events waiting (bounded) until one is added', async () => {
    const hub = startTelemetry({ consent: 'granted', maxQueue: 2 });
    track('site.a');
    track('site.b');
    track('site.c');
    await hub.flush();
    const sink = memorySink();
    startTelemetry({ sinks: [sink] });
    expect(names(sink.events)).toEqual(['site.b', 'site.c', 'tp.telemetry.dropped']);
  });
});

describe('the bounded queue', () => {
  it('keeps the newest maxQueue events while consent is pending and reports the overflow when sending resumes', async () => {
    const sink = memorySink();
    const hub = startTelemetry({ sinks: [sink], maxQueue: 5, batchSize: 100 });
    for (let n = 1; n <= 12; n++) track(`site.e${n}`);
    setConsent('granted');
    await hub.flush();
    expect(names(sink.events)).toEqual(['site.e8', 'site.e9', 'site.e10', 'site.e11', 'site.e12', 'tp.telemetry.dropped']);
    const report = sink.events.at(-1)!;
    expect(report.props).toEqual({ overflow: 7 });
    expect(report.component).toBeUndefined();
  });

  it('counts every reason, reports with the next send, then counts afresh', async () => {
    const sink = memorySink();
    const failing = { name: 'failing', send: () => Promise.reject(new Error('offline')) };
    const hub = startTelemetry({ sinks: [sink, failing], maxQueue: 2, beforeSend: (e) => (e.props.drop ? null : e) });
    // A sink's failure is counted when its promise settles, after the flush that called it.
    const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

    track('site.a');
    track('site.b');
    track('site.c'); // overflow: site.a
    setConsent('denied'); // consent_denied: site.b, site.c
    track('site.d'); // consent_denied
    setConsent('pending');
    track('site.e', { drop: true });
    setConsent('granted'); // sends report 1; then before_send: site.e; the failing sink loses report 1
    await settle();
    track('site.f');
    await hub.flush(); // site.f and report 2; the failing sink loses both
    await settle();
    track('site.g');
    await hub.flush();

    const reports = sink.events.filter((e) => e.name === 'tp.telemetry.dropped').map((e) => e.props);
    expect(reports).toEqual([{ overflow: 1, consent_denied: 3 }, { before_send: 1, sink_error: 1 }, { sink_error: 2 }]);
    expect(names(sink.events).filter((n) => n.startsWith('site.'))).toEqual(['site.f', 'site.g']);
  });
});
