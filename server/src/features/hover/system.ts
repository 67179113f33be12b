/**
 * What a system's hover adds to its summary: what it costs a month (`model/cost.ts`) and, for a
 * Dataverse app, how much the integrations write into it outside batches, per identity they sign
 * in as, against the service protection threshold (`model/capacity.ts`, rule dataverse-capacity).
 */
import { effectiveConfig, manifestRuleSettings } from '../../analysis/config';
import { capacityPools } from '../../model/capacity';
import { formatEstimate, integrationsThrough, systemEstimate } from '../../model/cost';
import { findSystem, type Manifest } from '../../model/manifest';
import { formatPerHour } from '../../model/rate';
import { findRule } from '../../rules';
import { PAID_MIDDLEWARE } from '../../rules/cost-estimated';

export function systemDetails(manifest: Manifest, id: string): string | undefined {
  const system = findSystem(manifest, id);
  if (!system) return undefined;
  const lines: string[] = [];
  const estimate = systemEstimate(manifest, system);
  if (estimate) {
    const through = integrationsThrough(manifest, system).length;
    const how = system.cost?.perMillion !== undefined ? ` (${system.cost.currency} ${system.cost.perMillion} per million messages, over the ${through} integration${through === 1 ? '' : 's'} through it)` : '';
    lines.push(`Cost: ${formatEstimate(estimate) ?? 'not priced'}${how}`);
    for (const u of estimate.unpriced) lines.push(`Not priced: ${u}`);
  } else if (system.systemKind && PAID_MIDDLEWARE.includes(system.systemKind)) lines.push('Cost: not estimated (add `cost: { monthly, currency }` or `{ perMillion, currency }`)');
  if (system.family === 'dataverse') lines.push(capacityLine(manifest, id));
  return lines.length ? lines.map((l) => `- ${l}`).join('\n') : undefined;
}

function capacityLine(manifest: Manifest, id: string): string {
  const rule = findRule('dataverse-capacity');
  const threshold = rule ? effectiveConfig(rule, manifestRuleSettings(manifest), {}).threshold : undefined;
  const limit = threshold !== undefined ? ` (threshold ${formatPerHour(threshold)} per identity)` : '';
  const pools = capacityPools(manifest).get(id) ?? [];
  if (!pools.length) return `Capacity: no integration writes into it outside batches at a declared rate${limit}.`;
  const parts = pools.map((p) => `${formatPerHour(p.perHour)} ${p.identity ? `as \`${p.identity}\`` : 'with no declared identity'} (${p.integrations.length} integration${p.integrations.length === 1 ? '' : 's'})`);
  return `Capacity: written into outside batches at ${parts.join('; ')}${limit}.`;
}
