import { afterEach, describe, expect, it, vi } from 'vitest';
import { warn, warnAttribute } from '../../../src/core/warn.js';

afterEach(() => vi.restoreAllMocks());

describe('dev warnings', () => {
  it('name the element, attribute, value, what is accepted and the fallback — once', () => {
    const spy = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const el = document.createElement('tp-thing');
    el.id = 'upload';
    warnAttribute(el, 'max', '-5', 'a finite number above 0', '100');
    warnAttribute(el, 'max', '-5', 'a finite number above 0', '100');
    expect(spy).toHaveBeenCalledOnce();
    expect(spy.mock.calls[0]![0]).toBe(
      '[touchpoint] <tp-thing#upload>: max="-5" is not accepted (expected a finite number above 0); using 100.',
    );
    warn(el, 'something else');
    expect(spy).toHaveBeenCalledTimes(2);
  });
});
