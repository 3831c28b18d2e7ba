import { afterEach, describe, expect, it, vi } from 'vitest';
import { announce, ensureAnnouncer } from '../../../src/core/announcer.js';

afterEach(() => {
  vi.useRealTimers();
  document.body.replaceChildren();
});

describe('announcer', () => {
  it('keeps one polite region per page and writes only after it exists', () => {
    vi.useFakeTimers();
    announce('Saved');
    const regions = document.querySelectorAll('[aria-live]');
    expect(regions).toHaveLength(1);
    expect(regions[0]!.getAttribute('aria-live')).toBe('polite');
    expect(regions[0]!.textContent).toBe('');
    vi.advanceTimersByTime(200);
    expect(regions[0]!.textContent).toBe('Saved');
    announce('Saved again');
    expect(document.querySelectorAll('[aria-live]')).toHaveLength(1);
    vi.advanceTimersByTime(200);
    expect(regions[0]!.textContent).toBe('Saved again');
  });

  it('reuses a region another copy of Touchpoint created', () => {
    const first = ensureAnnouncer()!;
    expect(first.created).toBe(true);
    expect(ensureAnnouncer()!.region).toBe(first.region);
    expect(ensureAnnouncer()!.created).toBe(false);
  });
});
