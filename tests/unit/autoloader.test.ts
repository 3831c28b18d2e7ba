import { afterEach, describe, expect, it, vi } from 'vitest';
import { autoload } from '../../src/autoloader/autoloader.js';
import { loaders } from '../../src/autoloader/loaders.js';
import { defineFiles, importEveryDefine } from '../support/components.js';

describe('the autoloader’s list of tags (src/autoloader/loaders.ts)', () => {
  it('names every tag that a src/*/define.ts registers, and nothing else', async () => {
    const registered = await importEveryDefine();
    expect(registered.length).toBeGreaterThanOrEqual(defineFiles.length);
    expect(Object.keys(loaders).sort()).toEqual([...new Set(registered)].sort());
  });

  // Every tag is already defined above, so check the module itself: it exports the class that <tag> has.
  it.each(Object.keys(loaders))('loads the module that defines <%s>', async (tag) => {
    const module = (await loaders[tag as keyof typeof loaders]()) as Record<string, unknown>;
    expect(Object.values(module)).toContain(customElements.get(tag));
  });
});

describe('autoload()', () => {
  afterEach(() => document.body.replaceChildren());
  const flush = () => new Promise((resolve) => setTimeout(resolve));
  const fakeLoaders = (...tags: string[]) => Object.fromEntries(tags.map((tag) => [tag, vi.fn(async () => {})]));

  it('loads the tags on the page, once each, and nothing for absent tags', async () => {
    document.body.innerHTML = '<tp-fake-a></tp-fake-a><p><tp-fake-a></tp-fake-a><tp-fake-b></tp-fake-b></p>';
    const fake = fakeLoaders('tp-fake-a', 'tp-fake-b', 'tp-fake-c');
    const stop = autoload(document, fake);
    stop();
    expect(fake['tp-fake-a']).toHaveBeenCalledTimes(1);
    expect(fake['tp-fake-b']).toHaveBeenCalledTimes(1);
    expect(fake['tp-fake-c']).not.toHaveBeenCalled();
  });

  it('loads tags added later, nested or not, once each', async () => {
    const fake = fakeLoaders('tp-late-a', 'tp-late-b', 'tp-late-c');
    const stop = autoload(document, fake);
    expect(fake['tp-late-a']).not.toHaveBeenCalled();
    document.body.append(document.createElement('tp-late-a'));
    const box = document.createElement('div');
    box.innerHTML = '<section><tp-late-b></tp-late-b></section>';
    document.body.append(box);
    await flush();
    document.body.append(document.createElement('tp-late-a'));
    await flush();
    stop();
    expect(fake['tp-late-a']).toHaveBeenCalledTimes(1);
    expect(fake['tp-late-b']).toHaveBeenCalledTimes(1);
    expect(fake['tp-late-c']).not.toHaveBeenCalled();
  });

  it('loads a tag once even when two roots hold it, and skips tags already defined', async () => {
    customElements.define('tp-twice-defined', class extends HTMLElement {});
    const host = document.createElement('div');
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<tp-twice></tp-twice><tp-twice-defined></tp-twice-defined>';
    document.body.innerHTML = '<tp-twice></tp-twice>';
    const fake = fakeLoaders('tp-twice', 'tp-twice-defined');
    autoload(document, fake)();
    autoload(shadow, fake)();
    expect(fake['tp-twice']).toHaveBeenCalledTimes(1);
    expect(fake['tp-twice-defined']).not.toHaveBeenCalled();
  });

  it('tries again after a failed load, when the tag is added again', async () => {
    const fake = { 'tp-flaky': vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValue(undefined) };
    document.body.innerHTML = '<tp-flaky></tp-flaky>';
    const stop = autoload(document, fake);
    await flush();
    document.body.append(document.createElement('tp-flaky'));
    await flush();
    stop();
    expect(fake['tp-flaky']).toHaveBeenCalledTimes(2);
  });
});
