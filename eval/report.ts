import type { CaseResult, EvalRun, Way } from './run-eval';
import { WAYS } from './run-eval';

const LABEL: Record<Way, string> = { slots: '(a) slots', utterance: '(b) utterance', text: '(c) free text' };

/** Exact on the ways CI enforces: every case's slot and free-text forms pass. */
export function strictlyExact(results: readonly CaseResult[]): boolean {
  return results.every((r) => r.ways.slots.pass !== false && r.ways.text.pass !== false);
}

function rate(results: readonly CaseResult[], way: Way): string {
  const asked = results.filter((r) => r.ways[way].pass !== undefined);
  if (asked.length === 0) return '—';
  const passed = asked.filter((r) => r.ways[way].pass === true).length;
  return `${passed}/${asked.length} ${((100 * passed) / asked.length).toFixed(0)}%`;
}

/** Failing queries in full, then exact-match rates per category and overall, per way. */
export function formatReport(run: EvalRun): string {
  const lines: string[] = [`Acceptance library: ${run.libraryRoot}`];
  if (run.notIndexed.length > 0)
    lines.push(`Not found by a search for everything: ${run.notIndexed.join(', ')}`);
  lines.push('');
  const failing = run.results.filter((r) => WAYS.some((w) => r.ways[w].pass === false));
  lines.push(`Failing queries (${failing.length} of ${run.results.length}):`);
  for (const r of failing) {
    lines.push(`- ${r.id} [${r.category}] expected ${r.expected}`);
    for (const way of WAYS) {
      const w = r.ways[way];
      if (w.pass !== false) continue;
      lines.push(`    ${LABEL[way]}: got ${w.got ?? ''}${w.detail ? `\n      ${w.detail}` : ''}`);
    }
  }
  lines.push('', 'Exact-match rate per category:');
  const categories = [...new Set(run.results.map((r) => r.category))];
  const rows = [
    ['category', 'queries', ...WAYS.map((w) => LABEL[w])],
    ...categories.map((category) => {
      const results = run.results.filter((r) => r.category === category);
      return [category, String(results.length), ...WAYS.map((w) => rate(results, w))];
    }),
    ['ALL', String(run.results.length), ...WAYS.map((w) => rate(run.results, w))],
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  for (const row of rows) lines.push(row.map((cell, i) => cell.padEnd(widths[i]!)).join('  '));
  lines.push('', 'Failing query ids per category and way:');
  for (const category of categories) {
    for (const way of WAYS) {
      const ids = run.results
        .filter((r) => r.category === category && r.ways[way].pass === false)
        .map((r) => r.id);
      if (ids.length > 0) lines.push(`  ${category} ${LABEL[way]}: ${ids.join(', ')}`);
    }
  }
  // Not 'N queries in N s': that is the shape of pytest's closing line, and the CI reader took it for a test run
  // that counted nothing ('ran no test').
  lines.push('', `eval done: ${run.results.length} queries asked, ${run.seconds.toFixed(1)} seconds`);
  return `${lines.join('\n')}\n`;
}
