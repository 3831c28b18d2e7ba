import { afterEach, describe, expect, it, vi } from 'vitest';
import { isTopLayer, pushLayer } from '../../../src/core/dismiss-stack.js';

const removers: (() => void)[] = [];
function layer(name: string, log: string[], refuse = false) {
  let remove = () => {};
  const dismiss = () => {
    log.push(name);
    if (!refuse) remove();
  };
  remove = pushLayer(dismiss);
  removers.push(remove);
  return { dismiss, remove };
}

function press(key: string, target: EventTarget = document.body): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, composed: true });
  target.dispatchEvent(event);
  return event;
}

afterEach(() => {
  for (const remove of removers.splice(0)) remove();
});

describe('the dismiss stack', () => {
  it('closes only the topmost layer per Escape, newest first, and takes the key', () => {
    const log: string[] = [];
    const first = layer('first', log);
    const second = layer('second', log);
    expect(isTopLayer(second.dismiss)).toBe(true);
    const event = press('Escape');
    expect(log).toEqual(['second']);
    expect(event.defaultPrevented).toBe(true);
    expect(isTopLayer(first.dismiss)).toBe(true);
    press('Escape');
    expect(log).toEqual(['second', 'first']);
    // Nothing left: Escape is the page's again.
    expect(press('Escape').defaultPrevented).toBe(false);
  });

  it('lets other keys through, and leaves an Escape another control already handled', () => {
    const log: string[] = [];
    layer('open', log);
    expect(press('Enter').defaultPrevented).toBe(false);
    const input = document.createElement('input');
    document.body.append(input);
    input.addEventListener('keydown', (e) => e.preventDefault(), { once: true });
    press('Escape', input);
    expect(log).toEqual([]);
    press('Escape');
    expect(log).toEqual(['open']);
    input.remove();
  });

  it('removes a layer closed some other way, wherever it is in the stack; removing twice is harmless', () => {
    const log: string[] = [];
    layer('bottom', log);
    const middle = layer('middle', log);
    layer('top', log);
    middle.remove();
    middle.remove();
    press('Escape');
    press('Escape');
    expect(log).toEqual(['top', 'bottom']);
  });

  it('keeps a layer that refuses to close on top, so Escape does not skip past it', () => {
    const log: string[] = [];
    layer('below', log);
    layer('stubborn', log, true);
    press('Escape');
    press('Escape');
    expect(log).toEqual(['stubborn', 'stubborn']);
  });

  it('is one stack per page, with one key listener, even when a second copy of the module loads', async () => {
    const log: string[] = [];
    const spy = vi.spyOn(document, 'addEventListener');
    layer('from copy one', log);
    vi.resetModules();
    // @ts-expect-error A query string makes a second module instance: a second copy of Touchpoint.
    const copy: typeof import('../../../src/core/dismiss-stack.js') = await import('../../../src/core/dismiss-stack.js?copy-two');
    const remove = copy.pushLayer(() => {
      log.push('from copy two');
      remove();
    });
    expect(spy.mock.calls.filter(([type]) => type === 'keydown')).toEqual([]);
    press('Escape');
    press('Escape');
    expect(log).toEqual(['from copy two', 'from copy one']);
    spy.mockRestore();
  });
});
