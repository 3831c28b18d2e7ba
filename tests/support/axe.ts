// axe-core in the page under test (browser project). Fails with the rule ids and targets, so a
// violation reads as what to fix.
import axe from 'axe-core';

export async function axeViolations(context: Element | Document = document): Promise<string[]> {
  const result = await axe.run(context, { resultTypes: ['violations'] });
  return result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}
