/** What a hover on a system adds (SPEC 11): its inbound and outbound integrations, and how many systems lie up- and downstream. */
import type { Integration, Manifest } from '../../model/manifest';
import { landscapeOf } from '../../landscape/graph';
import { impactOf } from '../../landscape/impact';

const SHOWN = 5;

export function systemImpactMarkdown(manifest: Manifest, systemId: string): string | undefined {
  const impact = impactOf(landscapeOf(manifest), systemId);
  if (!impact) return undefined;
  const list = (label: string, integrations: Integration[]) => {
    if (!integrations.length) return `${label}: none`;
    const names = integrations.slice(0, SHOWN).map((i) => `\`${i.id}\``).join(', ');
    return `${label} (${integrations.length}): ${names}${integrations.length > SHOWN ? ` and ${integrations.length - SHOWN} more` : ''}`;
  };
  const systems = (n: number) => `${n} system${n === 1 ? '' : 's'}`;
  const lines = [list('Inbound', impact.inbound), list('Outbound', impact.outbound)];
  if (impact.through.length) lines.push(list('Passing through', impact.through));
  lines.push(`Upstream: ${systems(impact.upstream.length)} · downstream: ${systems(impact.downstream.length)} (through \`via\` and onward; the preview's Impact shows them)`);
  return lines.map((l) => `- ${l}`).join('\n');
}
