/**
 * The checklist as Markdown (`integration-manifests checklist --format markdown`): a summary,
 * then one table per section of the guidance's checklist, the findings that put items at risk,
 * and the operating costs per system and per currency.
 */
import { inline } from '../diagram/markdown';
import { formatEstimate } from '../model/cost';
import { totalsLine, type Checklist, type ChecklistStatus } from './checklist';

export const STATUS_LABELS: Readonly<Record<ChecklistStatus, string>> = { met: 'Met', 'at-risk': 'At risk', open: 'Open', manual: 'Manual' };

export function checklistMarkdown(checklist: Checklist, source: string): string {
  const out: string[] = [];
  const title = checklist.solution?.trim() || 'Integration manifest';
  out.push(`# Integration strategy checklist: ${inline(title)}`, '');
  out.push(`Drawn from \`${source.replace(/`/g, 'ˋ')}\` against the integration guidance's checklist.`, '');
  const { counts } = checklist;
  out.push(`${counts.met} met, ${counts['at-risk']} at risk, ${counts.open} open, ${counts.manual} to answer by hand (of ${checklist.items.length} items).`, '');
  for (const section of [...new Set(checklist.items.map((i) => i.sectionTitle))]) {
    out.push(`## ${section}`, '', '| Item | Status | Evidence |', '| --- | --- | --- |');
    for (const item of checklist.items.filter((i) => i.sectionTitle === section)) {
      const evidence = [...item.evidence, ...item.findings.map((f) => `${f.severity} ${f.rule} (line ${f.line}): ${f.message}`)];
      out.push(`| ${cell(item.text)} (\`${item.id}\`) | ${STATUS_LABELS[item.status]} | ${evidence.map(cell).join('<br>') || ' '} |`);
    }
    out.push('');
  }
  out.push('## Operating costs', '');
  out.push(`Estimated monthly total: ${totalsLine(checklist.costs.totals)}. Amounts in different currencies are not added together; a price per million messages is counted at each integration's volume, and at its peak.`, '');
  if (checklist.costs.systems.length) {
    out.push('| System | Kind | Per month |', '| --- | --- | --- |');
    for (const s of checklist.costs.systems) out.push(`| ${cell(s.name)} (\`${s.id}\`) | ${cell(s.kind ?? '')} | ${cell(formatEstimate({ amounts: s.amounts, unpriced: [] }) ?? 'not priced')} |`);
    out.push('');
  }
  for (const u of checklist.costs.unpriced) out.push(`- Not priced: ${u}.`);
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

/** Markdown from the engine (keys in backticks) kept, pipes and line breaks made safe for a table cell. */
function cell(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
