/**
 * What an integration amounts to, derived from the model: inbound or outbound relative to
 * Dynamics 365 and Dataverse, its rate per hour, whether it crosses the cloud boundary, its
 * path through middleware, and the findings on it.
 */
import type { Analysis, Problem } from '../../analysis/analyze';
import { findSystem, isWritten, type Integration, type Manifest, type System } from '../../model/manifest';
import { formatEstimate, integrationEstimate } from '../../model/cost';
import { formatPerHour, writtenWithHourly } from '../../model/rate';
import type { SystemFamily } from '../../model/vocabulary';
import { ruleDocsUrl } from '../../../../shared/src/product';
import { SEVERITY_ORDER, SEVERITY_RANK } from '../../rules/types';

const DYNAMICS: readonly SystemFamily[] = ['dataverse', 'finance-operations', 'business-central'];

const isDynamics = (s: System | undefined) => s?.family !== undefined && DYNAMICS.includes(s.family);
const label = (s: System | undefined, id: string | undefined) => (s?.name ? `${s.name} (\`${s.id}\`)` : `\`${id ?? '?'}\``);

export function integrationMarkdown(analysis: Analysis, integration: Integration): string {
  const { manifest } = analysis;
  const title = `**Integration \`${integration.id || '(no id)'}\`**${integration.name ? ` — ${integration.name}` : ''}`;
  const traits = [integration.type, integration.mode, integration.trigger, integration.frequency, integration.pattern].filter(Boolean);
  const facts = [direction(manifest, integration), rate(integration), boundary(manifest, integration), path(manifest, integration)];
  const monthly = cost(manifest, integration);
  if (monthly) facts.push(monthly);
  const goals = integration.goals.map((g) => manifest.byId.get(g.id)?.find((i) => i.kind === 'goal')?.name ?? g.id);
  if (goals.length) facts.push(`Serves: ${goals.join('; ')}`);
  const waiting = isWritten(integration, manifest)
    ? undefined
    : 'Its design is checked against the guidance once it has an `id`, a `name`, a `type`, and `from` and `to` naming declared systems.';
  return [title, traits.length ? traits.map((t) => `\`${t}\``).join(' · ') : undefined, facts.map((f) => `- ${f}`).join('\n'), findings(analysis, integration), waiting]
    .filter((p): p is string => p !== undefined)
    .join('\n\n');
}

function direction(manifest: Manifest, integration: Integration): string {
  const from = findSystem(manifest, integration.from?.id);
  const to = findSystem(manifest, integration.to?.id);
  if (!from || !to) return 'Direction: not known until `from` and `to` both name declared systems.';
  const back = integration.twoWay ? ' Two-way: data also flows back.' : '';
  const fromD = isDynamics(from);
  const toD = isDynamics(to);
  if (!fromD && toD) return `**Inbound** to Dynamics 365: ${label(from, from.id)} sends to ${label(to, to.id)}.${back}`;
  if (fromD && !toD) return `**Outbound** from Dynamics 365: ${label(from, from.id)} sends to ${label(to, to.id)}.${back}`;
  if (fromD && toD) {
    if (from.family === 'dataverse' && to.family === 'dataverse') return `Between two Dataverse apps, which already share one data layer.${back}`;
    return `Between two Dynamics 365 apps: ${from.family} to ${to.family}.${back}`;
  }
  return `Outside Dynamics 365: neither end is a Dynamics 365 or Dataverse system.${back}`;
}

/** The rate as written, with the per-hour figure the rules compare beside it. */
function rate(integration: Integration): string {
  if (integration.ratePerHour === undefined) return 'Rate: not declared (give `volume` or `peak`, such as `500/hour`).';
  return `Rate: ${writtenWithHourly(integration) ?? formatPerHour(integration.ratePerHour)}`;
}

/** What the integration costs a month (its own cost and its share of middleware priced per message), when estimated. */
function cost(manifest: Manifest, integration: Integration): string | undefined {
  const estimate = integrationEstimate(manifest, integration);
  const line = formatEstimate(estimate);
  return line ? `Cost: ${line}` : undefined;
}

function boundary(manifest: Manifest, integration: Integration): string {
  const from = findSystem(manifest, integration.from?.id);
  const to = findSystem(manifest, integration.to?.id);
  if (!from?.hosting || !to?.hosting) return 'Boundary: the hosting of an end is not declared.';
  if (from.hosting !== to.hosting)
    return `**Crosses the cloud / on-premises boundary**: \`${from.id}\` is ${from.hosting}, \`${to.id}\` is ${to.hosting}.`;
  return `Stays ${from.hosting === 'cloud' ? 'in the cloud' : 'on-premises'}: both ends are ${from.hosting}.`;
}

function path(manifest: Manifest, integration: Integration): string {
  const hops = [integration.from?.id ?? '?', ...integration.via.map((v) => v.id), integration.to?.id ?? '?'];
  const arrow = integration.twoWay ? ' ⇄ ' : ' → ';
  const through = integration.via.length
    ? integration.via.map((v) => findSystem(manifest, v.id)?.systemKind ?? 'undeclared').join(', ')
    : 'no middleware: point to point';
  return `Path: ${hops.map((h) => `\`${h}\``).join(arrow)} (${through})`;
}

function findings(analysis: Analysis, integration: Integration): string {
  if (analysis.problemsReady === false) return '**Findings**: still being checked. Hover again in a moment to see them.';
  const inside = analysis.problems
    .filter((p) => p.span.start >= integration.span.start && p.span.end <= integration.span.end)
    .sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
  if (inside.length === 0) return 'No findings.';
  const counts = SEVERITY_ORDER.map((s) => [s, inside.filter((p) => p.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}${n === 1 ? '' : s === 'info' ? '' : 's'}`);
  return [`**Findings**: ${counts.join(', ')}`, ...inside.map(findingLine)].join('\n');
}

function findingLine(p: Problem): string {
  return `- ${p.severity} [\`${p.rule}\`](${ruleDocsUrl(p.rule)}): ${p.message}`;
}
