import { LitElement } from 'lit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { define, type VersionedElement } from '../../../src/core/define.js';

afterEach(() => vi.restoreAllMocks());

describe('define()', () => {
  it('registers a tag once and never throws when a second copy registers it again', () => {
    class First extends LitElement {}
    class Second extends LitElement {}
    define('tp-define-twice', First);
    expect(() => define('tp-define-twice', Second)).not.toThrow();
    expect(customElements.get('tp-define-twice')).toBe(First);
  });

  it('warns once per page in dev builds when a second copy registers, naming both versions', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    class Old extends LitElement {}
    customElements.define('tp-define-old', Old);
    (Old as VersionedElement).tpVersion = '0.0.1';
    class New extends LitElement {}
    class Other extends LitElement {}
    customElements.define('tp-define-other', Other);
    (Other as VersionedElement).tpVersion = '0.0.1';
    define('tp-define-old', New);
    define('tp-define-other', New);
    expect(warn).toHaveBeenCalledOnce();
    expect(warn.mock.calls[0]![0]).toMatch(/Touchpoint \S+ loaded a second time; .* defined by Touchpoint 0\.0\.1/);
  });

  it('stays silent when the same class is registered again (the same copy imported twice)', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    class A extends LitElement {}
    define('tp-define-same', A);
    define('tp-define-same', A);
    expect(warn).not.toHaveBeenCalled();
  });
});
