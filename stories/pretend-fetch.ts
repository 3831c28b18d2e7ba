// The pretend back ends of the stories and browser tests (submit-confirmation, unsubscribe): a
// `fetch` that answers by the request's path, so an element is driven through its states for real.

type Respond = (answer: string) => Promise<Response>;

/**
 * Answers `fetch` calls to `<prefix><answer>` with `respond(answer)`, and `<prefix>hang` never (until
 * the request is aborted); everything else goes to the real fetch. One wrapper per page, never
 * removed, so several stories and back ends on one page share it; the longest matching prefix answers.
 */
export function pretendFetch(prefix: string, respond: Respond): void {
  const w = window as unknown as { fetch: typeof fetch; tpPretendFetch?: Map<string, Respond> };
  if (!w.tpPretendFetch) {
    const backEnds = (w.tpPretendFetch = new Map());
    const real = w.fetch.bind(window);
    w.fetch = (input, init) => {
      const path = new URL(String(input instanceof Request ? input.url : input), location.href).pathname;
      const [match] = [...backEnds.keys()].filter((p) => path.startsWith(p)).sort((a, b) => b.length - a.length);
      if (match === undefined) return real(input, init);
      const answer = path.slice(match.length);
      if (answer === 'hang') {
        return new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)));
      }
      return backEnds.get(match)!(answer);
    };
  }
  w.tpPretendFetch.set(prefix, respond);
}
