/**
 * The impact of a system as a report (SPEC 11): what `integration-manifests impact` prints and
 * the MCP tool `impact` answers. Plain data (JSON) and Markdown of the same facts.
 */
import type { Integration, Manifest, System } from '../model/manifest';
import { landscapeOf } from './graph';
import { impactOf } from './impact';

export interface SystemEntry {
  id: string;
  name: string;
  domain?: string;
  hosting?: string;
}

export interface IntegrationEntry {
  id: string;
  name: string;
  from: string;
  to: string;
  via: string[];
  type?: string;
  twoWay: boolean;
}

export interface ImpactReport {
  system: SystemEntry;
  /** Integrations that bring data to the system. */
  inbound: IntegrationEntry[];
  /** Integrations that take data from it. */
  outbound: IntegrationEntry[];
  /** Integrations that pass through it as middleware. */
  through: IntegrationEntry[];
  /** Systems whose data reaches it, through `via` and onward, nearest first. */
  upstream: SystemEntry[];
  /** Systems its data reaches, nearest first. */
  downstream: SystemEntry[];
  /** Every integration on those paths, and its own. */
  integrations: IntegrationEntry[];
}

/** The report of the system with this id, or undefined when no system has it. */
export function impactReport(manifest: Manifest, systemId: string): ImpactReport | undefined {
  const impact = impactOf(landscapeOf(manifest), systemId);
  if (!impact) return undefined;
  return {
    system: systemEntry(impact.system),
    inbound: impact.inbound.map(integrationEntry),
    outbound: impact.outbound.map(integrationEntry),
    through: impact.through.map(integrationEntry),
    upstream: impact.upstream.map(systemEntry),
    downstream: impact.downstream.map(systemEntry),
    integrations: impact.integrations.map(integrationEntry),
  };
}

function systemEntry(s: System): SystemEntry {
  return { id: s.id, name: s.name ?? s.id, ...(s.domain ? { domain: s.domain } : {}), ...(s.hosting ? { hosting: s.hosting } : {}) };
}

function integrationEntry(i: Integration): IntegrationEntry {
  return { id: i.id, name: i.name ?? i.id, from: i.from?.id ?? '', to: i.to?.id ?? '', via: i.via.map((v) => v.id), ...(i.type ? { type: i.type } : {}), twoWay: i.twoWay };
}

/**
 * The report as Markdown. `inline` and `code` write manifest text so that it shows as written
 * (the caller's, so the CLI and the docs escape alike).
 */
export function impactMarkdown(report: ImpactReport, inline: (text: string) => string, code: (text: string) => string): string {
  const out: string[] = [];
  const s = report.system;
  out.push(`# Impact of ${inline(s.name)} (\`${code(s.id)}\`)`, '');
  const facts = [s.domain ? `domain ${inline(s.domain)}` : '', s.hosting ? `hosted ${s.hosting}` : ''].filter(Boolean).join(', ');
  out.push(
    `${facts ? `${facts[0]!.toUpperCase()}${facts.slice(1)}. ` : ''}${count(report.upstream.length, 'system')} upstream and ${count(report.downstream.length, 'system')} downstream, through ${count(report.integrations.length, 'integration')} (following each integration from end to end, through its \`via\` middleware, and onward).`,
    '',
  );
  const integrations = (title: string, list: IntegrationEntry[]) => {
    out.push(`## ${title} (${list.length})`, '');
    if (!list.length) out.push('None.', '');
    else out.push(...list.map((i) => `- \`${code(i.id)}\` ${inline(i.name)}: ${[i.from, ...i.via, i.to].map((id) => `\`${code(id)}\``).join(i.twoWay ? ' ↔ ' : ' → ')}${i.type ? ` (${i.type})` : ''}`), '');
  };
  const systems = (title: string, list: SystemEntry[]) => {
    out.push(`## ${title} (${list.length})`, '');
    if (!list.length) out.push('None.', '');
    else out.push(...list.map((x) => `- \`${code(x.id)}\` ${inline(x.name)}${x.domain ? ` (${inline(x.domain)})` : ''}`), '');
  };
  integrations('Inbound integrations', report.inbound);
  integrations('Outbound integrations', report.outbound);
  if (report.through.length) integrations('Integrations passing through', report.through);
  systems('Upstream systems', report.upstream);
  systems('Downstream systems', report.downstream);
  return out.join('\n').trimEnd() + '\n';
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
