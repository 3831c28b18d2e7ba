// Runs inside every benchmark page, next to one library's bundle. The Node side
// (bench/lib/scenarios.mjs) calls these through page.evaluate, so every library is driven by the
// same lines of code and only the markup differs.

const stage = () => document.getElementById('stage');

/** Resolves after the next paint: the first callback runs before that frame paints, the second after. */
const afterNextPaint = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));

const nextTask = () => new Promise((done) => setTimeout(done, 0));

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/** Lit elements (all three libraries) finish rendering in a microtask; anything else gets one too. */
const rendered = (element) => element?.updateComplete ?? Promise.resolve();

/** Follows `path` (CSS selectors) from the document, stepping into each match's shadow root. */
const find = (path) => path.reduce((scope, selector) => scope && (scope.shadowRoot ?? scope).querySelector(selector), document);

/** Painted with some opacity and some size: the flat-tree ancestors' opacity and visibility count too. */
const isVisible = (element) => {
  const box = element.getBoundingClientRect();
  return element.checkVisibility({ opacityProperty: true, visibilityProperty: true }) && box.width > 0 && box.height > 0;
};

/** Animations of `root` and of every shadow root inside it: document.getAnimations() stops at shadow boundaries. */
const allAnimations = (root) => [
  ...root.getAnimations(),
  ...[...root.querySelectorAll('*')].flatMap((el) => (el.shadowRoot ? allAnimations(el.shadowRoot) : [])),
];

/** No CSS transition or Web Animation still running anywhere, shadow roots included. */
const animationsSettled = () => allAnimations(document).every((a) => !a.pending && a.playState !== 'running');

window.bench = {
  isDefined: (tag) => customElements.get(tag) !== undefined,

  /** Creates the elements from markup and times it until the frame that shows them has painted. */
  async renderMany(markup) {
    const start = performance.now();
    stage().innerHTML = markup;
    await afterNextPaint();
    return performance.now() - start;
  },

  /** Mounts one element and waits until it has rendered and painted (the latency scenario's starting point). */
  async mountOne(markup) {
    stage().innerHTML = markup;
    await rendered(stage().firstElementChild);
    await afterNextPaint();
  },

  /** Mounts, renders and removes each element in turn: the leak check's cycles. */
  async mountUnmount(markups) {
    const host = stage();
    for (const markup of markups) {
      host.innerHTML = markup;
      await rendered(host.firstElementChild);
      host.replaceChildren();
    }
  },

  /**
   * Arms the latency probe: from the next focusin, counts animation frames until the element at
   * `path` is visible, then until no animation runs. Frame N is the Nth requestAnimationFrame
   * callback after focus; what it sees is what that frame paints. Resolves `{ focused: false }`
   * when nothing takes focus within `timeoutMs`, so a broken adapter fails instead of hanging.
   */
  armLatency(path, maxFrames, timeoutMs) {
    this.latency = new Promise((resolve) => {
      const timeout = setTimeout(() => resolve({ focused: false }), timeoutMs);
      document.addEventListener(
        'focusin',
        () => {
          clearTimeout(timeout);
          const focusedAt = performance.now();
          let frames = 0;
          let visible;
          const tick = () => {
            frames += 1;
            const at = { frames, ms: performance.now() - focusedAt };
            const target = find(path);
            if (!visible && target && isVisible(target)) visible = at;
            const settled = visible !== undefined && animationsSettled();
            if (settled || frames === maxFrames) return resolve({ focused: true, visible, settled: settled ? at : undefined });
            requestAnimationFrame(tick);
          };
          requestAnimationFrame(tick);
        },
        { once: true },
      );
    });
  },

  /**
   * Telemetry cost, through the `benchTrack(name, props)` hook the library's bundle installs.
   * Per call: `count` calls timed `perTask` at a time, the median of the chunks' per-call times —
   * the median cost the budget names; a chunk the machine's other processes interrupt
   * does not move it (timers are 5 µs under cross-origin isolation, ~1% of a chunk). Long tasks:
   * the same number of events again, `perTask` per task as a busy page would emit them, watched
   * until the hub has had a second to batch and send.
   */
  async telemetry(count, perTask) {
    const track = window.benchTrack;
    const perCallUs = [];
    for (let i = 0; i < count; i += perTask) {
      const end = Math.min(count, i + perTask);
      const start = performance.now();
      for (let j = i; j < end; j++) track('bench.tick', { i: j });
      perCallUs.push(((performance.now() - start) * 1000) / (end - i));
    }
    const trackUs = perCallUs.sort((a, b) => a - b)[perCallUs.length >> 1];
    await sleep(1000);

    const longTasks = [];
    const observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries()));
    observer.observe({ type: 'longtask' });
    for (let i = 0; i < count; i += perTask) {
      for (let j = i; j < Math.min(count, i + perTask); j++) track('bench.burst', { i: j });
      await nextTask();
    }
    await sleep(1000);
    longTasks.push(...observer.takeRecords());
    observer.disconnect();
    return { trackUs, longTasks: longTasks.length };
  },
};
