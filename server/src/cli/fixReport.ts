/**
 * What `lint --fix` did, for the person who ran it (on stderr, so that json and sarif output on
 * stdout stay parseable): per file, each fix applied (its rule, item and title), a file left
 * alone for its YAML errors, and in the end what remains.
 */
import { fixableProblems, MAX_FIX_PASSES, type FixAllResult } from '../analysis/fixAll';
import { plainText } from '../analysis/plainText';
import { plural } from '../diagram/markdown';

export interface FixReport {
  file: string;
  result: FixAllResult;
}

/** The report's lines (each written to stderr on its own: stderr escapes all but the newline that ends a message). */
export function fixReport(reports: readonly FixReport[]): string[] {
  const lines: string[] = [];
  let fixes = 0;
  let files = 0;
  let remaining = 0;
  let stillFixable = 0;
  for (const { file, result } of reports) {
    remaining += result.analysis.problems.length;
    if (result.yamlErrors) {
      lines.push(`${file}: not fixed: it has YAML syntax errors, and a fix could land in the wrong place. Correct them first (listed below).`);
      continue;
    }
    stillFixable += fixableProblems(result.analysis).length;
    if (!result.applied.length) continue;
    files++;
    fixes += result.applied.length;
    lines.push(`${file}: ${fixCount(result.applied.length)} applied${result.passes > 1 ? ` in ${result.passes} passes` : ''}:`);
    for (const a of result.applied) lines.push(`  ${a.rule}${a.item ? ` (${a.item.kind} ${a.item.id || 'without id'})` : ''}: ${plainText(a.title)}`);
  }
  const done = fixes ? `Applied ${fixCount(fixes)} in ${plural(files, 'file')}.` : 'Nothing to fix.';
  const still = stillFixable ? `, ${stillFixable} of them with a fix that did not apply within ${MAX_FIX_PASSES} passes: run lint --fix again` : ' without a recommended fix: each rule’s page says what to do';
  const left = remaining ? ` ${plural(remaining, 'finding')} remain${remaining === 1 ? 's' : ''}${still}.` : ' No finding remains.';
  lines.push(done + left);
  return lines;
}

function fixCount(n: number): string {
  return `${n} fix${n === 1 ? '' : 'es'}`;
}
