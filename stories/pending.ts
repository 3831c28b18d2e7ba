// Shared by stories whose state is reached by acting on the element (a pretend back end, the clicks
// a person would make): the axe pass over the stories must check the state, not the way there.

/**
 * A story root with `markup`, on which `reach(root)` runs once the root is in the page. A hidden,
 * never-defined `<tp-story-pending>` stays in the root until `reach` has settled, so anything that
 * waits for every element to be defined (the axe pass over the stories) checks the reached state.
 */
export function renderReached(markup: string, reach: (root: HTMLElement) => Promise<unknown>): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = `${markup}<tp-story-pending hidden></tp-story-pending>`;
  const start = () => (root.isConnected ? reach(root).then(() => root.querySelector('tp-story-pending')?.remove()) : requestAnimationFrame(start));
  requestAnimationFrame(start);
  return root;
}
