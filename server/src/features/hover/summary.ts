/** The summary of a system, goal or actor that a reference to it shows (hover and completion). */
import type { Manifest } from '../../model/manifest';
import type { Candidate } from '../completion/candidates';
import { FAMILY_GUIDANCE } from '../guidance/systemKinds';

const cache = new WeakMap<Manifest, Map<string, string[]>>();

/**
 * For each id, the integrations that name it (as an end, in `via`, as system of record, as
 * a goal, in steps). Computed in one pass per analysis and kept while the analysis lives.
 */
export function usageById(manifest: Manifest): Map<string, string[]> {
  const cached = cache.get(manifest);
  if (cached) return cached;
  const usage = new Map<string, string[]>();
  for (const integration of manifest.integrations) {
    const label = integration.id || integration.name || '(no id)';
    const add = (id: string | undefined) => {
      if (id === undefined) return;
      const list = usage.get(id);
      if (!list) usage.set(id, [label]);
      else if (list[list.length - 1] !== label) list.push(label);
    };
    add(integration.from?.id);
    add(integration.to?.id);
    add(integration.systemOfRecord?.id);
    for (const ref of integration.via) add(ref.id);
    for (const ref of integration.goals) add(ref.id);
    for (const step of integration.steps) {
      add(step.from?.id);
      add(step.to?.id);
    }
  }
  cache.set(manifest, usage);
  return usage;
}

const TITLES = { system: 'System', goal: 'Goal', actor: 'Actor', integration: 'Integration' } as const;
const SHOWN = 5;

/**
 * `usedBy`: the integrations of this manifest that name it (undefined leaves the usage line
 * out); `elsewhere`: whether integrations of other manifests of the estate name it too.
 */
export function summaryMarkdown(item: Candidate, usedBy: readonly string[] | undefined, elsewhere = false): string {
  const head = `**${TITLES[item.kind]} \`${item.id}\`**${item.name ? ` — ${item.name}` : ''}`;
  const facts: string[] = [];
  if (item.kind === 'system') {
    if (item.systemKind) facts.push(`Kind: \`${item.systemKind}\`${item.family ? ` (${FAMILY_GUIDANCE[item.family].title})` : ''}`);
    facts.push(`Hosting: ${item.hosting ?? 'not declared'}`);
    if (item.domain) facts.push(`Domain: ${item.domain}`);
    if (item.owner) facts.push(`Owner: ${item.owner}`);
  }
  const parts = [head];
  if (facts.length) parts.push(facts.map((f) => `- ${f}`).join('\n'));
  if (item.description) parts.push(item.description);
  if (item.file) parts.push(`Declared in \`${item.file}\`, which this manifest imports.`);
  if (usedBy) parts.push(usedByLine(item, usedBy, item.file !== undefined || elsewhere));
  if (elsewhere) parts.push(item.kind === 'goal' ? 'Integrations of other manifests of the estate serve it too.' : 'Integrations of other manifests of the estate use it too.');
  return parts.join('\n\n');
}

/** `here`: say "of this manifest", as other manifests may name the item too. */
function usedByLine(item: Candidate, usedBy: readonly string[], here: boolean): string {
  const verb = item.kind === 'goal' ? 'Served by' : 'Used by';
  if (usedBy.length === 0) {
    if (here) return item.kind === 'goal' ? 'No integration of this manifest serves it.' : 'No integration of this manifest uses it.';
    return item.kind === 'goal' ? 'No integration serves this goal yet.' : 'No integration uses it yet.';
  }
  const names = usedBy.slice(0, SHOWN).map((id) => `\`${id}\``).join(', ');
  const more = usedBy.length > SHOWN ? ` and ${usedBy.length - SHOWN} more` : '';
  return `${verb} ${usedBy.length} integration${usedBy.length === 1 ? '' : 's'}${here ? ' of this manifest' : ''}: ${names}${more}.`;
}
