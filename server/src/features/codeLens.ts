/**
 * Code lenses: a summary over each integration (`type · mode · rate as written (per hour) ·
 * monthly cost · N findings`) and "Open diagram" over the `integrations:` key.
 */
import type { CodeLens } from 'vscode-languageserver';
import type { Analysis } from '../analysis/analyze';
import { keySpan, pairOf } from '../document/nodes';
import { formatEstimate, integrationEstimate } from '../model/cost';
import type { Integration, Manifest } from '../model/manifest';
import { writtenWithHourly } from '../model/rate';
import { COMMANDS } from '../../../shared/src/names';
import { toRange } from './protocol';

/** The client command that opens the diagram preview beside the editor (argument: the document URI). */

export function codeLenses(analysis: Analysis): CodeLens[] {
  const { manifest, document } = analysis;
  const lenses: CodeLens[] = [];
  const key = keySpan(pairOf(manifest.root, 'integrations'));
  if (key)
    lenses.push({
      range: toRange(document, key),
      command: { title: 'Open diagram', command: COMMANDS.openPreview, arguments: [document.uri] },
    });
  const findings = findingsPerIntegration(analysis);
  for (const integration of manifest.integrations) {
    const start = toRange(document, integration.span).start;
    lenses.push({
      range: { start, end: start },
      // An empty command id makes the lens a label: it informs, it does not act.
      command: { title: summary(manifest, integration, findings.get(integration) ?? 0), command: '' },
    });
  }
  return lenses;
}

/** The rate as written with the per-hour figure beside it, and the monthly cost when one is estimated (`model/cost.ts`). */
export function summary(manifest: Manifest, integration: Integration, findings: number): string {
  const cost = formatEstimate(integrationEstimate(manifest, integration));
  return [
    integration.type ?? 'no type',
    integration.mode ?? 'no mode',
    writtenWithHourly(integration) ?? 'no rate',
    ...(cost ? [cost] : []),
    findings === 0 ? 'no findings' : findings === 1 ? '1 finding' : `${findings} findings`,
  ].join(' · ');
}

/** Findings inside each integration's text (both are sorted by position: one pass). */
function findingsPerIntegration(analysis: Analysis): Map<Integration, number> {
  const counts = new Map<Integration, number>();
  const integrations = analysis.manifest.integrations;
  let i = 0;
  for (const problem of analysis.problems) {
    while (i < integrations.length && integrations[i]!.span.end < problem.span.start) i++;
    const integration = integrations[i];
    if (integration && problem.span.start >= integration.span.start) counts.set(integration, (counts.get(integration) ?? 0) + 1);
  }
  return counts;
}
