import type { LintFinding } from './lintResult';
import { visible } from './safeText';

/**
 * ESLint-like output: grouped by file, one line per finding, `line:column  severity  message  rule`.
 * File names, messages and rule ids are escaped (`visible`) before they are coloured, so the
 * only control characters in the output are the colour codes and the line ends written here.
 */
export function formatStylish(findings: readonly LintFinding[], files: readonly string[], color: boolean): string {
  const paint = (code: string, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const out: string[] = [];
  for (const file of files) {
    const mine = findings.filter((f) => f.file === file);
    if (!mine.length) continue;
    out.push(paint('4', visible(file)));
    const rows = mine.map((f) => [`${f.line}:${f.column}`, f.severity, visible(f.message), visible(f.rule)]);
    const width = [0, 1].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
    rows.forEach(([pos, severity, message, rule], i) => {
      const sev = severity!.padEnd(width[1]!);
      const colored = severity === 'error' ? paint('31', sev) : severity === 'warning' ? paint('33', sev) : paint('36', sev);
      out.push(`  ${pos!.padEnd(width[0]!)}  ${colored}  ${message}  ${paint('2', rule!)}`);
      // The other places it is about, under it: `see shared/systems.integration.yaml:10:9`.
      for (const r of mine[i]!.related ?? []) out.push(`  ${' '.repeat(width[0]!)}  ${' '.repeat(width[1]!)}  ${paint('2', `see ${visible(r.file)}:${r.line}:${r.column}`)}`);
    });
    out.push('');
  }
  const count = (s: string) => findings.filter((f) => f.severity === s).length;
  const total = findings.length;
  if (total === 0) out.push(`No problems found in ${plural(files.length, 'file')}.`);
  else {
    const summary = `${plural(total, 'problem')} (${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${count('info')} info, ${plural(count('hint'), 'hint')}) in ${plural(files.length, 'file')}`;
    out.push(count('error') ? paint('31;1', summary) : count('warning') ? paint('33;1', summary) : summary);
  }
  return out.join('\n') + '\n';
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
