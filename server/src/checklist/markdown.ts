/**
 * The checklist as Markdown (`integration-manifests checklist --format markdown`): a summary,
 * then one table per section of the guidance's checklist, the findings that put items at risk,
 * and the operating costs per system and per currency.
 */
import { costSection, inline } from '../diagram/markdown';
import type { Manifest } from '../model/manifest';
import type { Checklist, ChecklistStatus } from './checklist';

export const STATUS_LABELS: Readonly<Record<ChecklistStatus, string>> = { met: 'Met', 'at-risk': 'At risk', open: 'Open', manual: 'Manual' };

export function checklistMarkdown(checklist: Checklist, manifest: Manifest, source: string): string {
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
  const costs = costSection(manifest);
  out.push(...(costs.length ? costs : ['## Operating costs', '', 'No `cost` is estimated on any system or integration.', '']));
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

/** Markdown from the engine (keys in backticks) kept, pipes and line breaks made safe for a table cell. */
function cell(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
