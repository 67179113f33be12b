/**
 * The changed part of the application diagram, as Mermaid that GitHub and Azure DevOps render
 * in Markdown as it is (a plain `flowchart`, classes and `linkStyle`, no edge ids or newer
 * syntax): the systems that changed and the ends and middleware of the integrations that
 * changed. Added in green, removed in red and dashed, changed or renamed in orange, what only
 * gives context in grey. Pure: a `ManifestDiff` in, Mermaid text out.
 */
import { findSystem, type Integration, type Manifest, type System } from '../model/manifest';
import { flowchartText, mermaidId } from '../../../shared/src/mermaidText';
import type { ItemChange, ManifestDiff } from './model';

export const CHANGE_COLORS = { added: '#1a7f37', removed: '#cf222e', changed: '#bc4c00', context: '#8c8c8c' } as const;

type Status = ItemChange['status'] | 'context';

const CLASS_STYLES = {
  added: `fill:#dafbe1,stroke:${CHANGE_COLORS.added},stroke-width:3px,color:#0a3d1c`,
  removed: `fill:#ffebe9,stroke:${CHANGE_COLORS.removed},stroke-width:3px,stroke-dasharray:6 4,color:#5c0a0a`,
  changed: `fill:#fff1e5,stroke:${CHANGE_COLORS.changed},stroke-width:3px,color:#4a1f00`,
  context: `fill:#f6f8fa,stroke:${CHANGE_COLORS.context},stroke-width:1px,color:#24292f`,
} as const;

/** The classes by status: a rename is a change. */
const CLASS_OF: Record<Status, keyof typeof CLASS_STYLES> = { added: 'added', removed: 'removed', changed: 'changed', renamed: 'changed', context: 'context' };

const EDGE_STYLES: Record<keyof typeof CLASS_STYLES, string> = {
  added: `stroke:${CHANGE_COLORS.added},stroke-width:3px`,
  removed: `stroke:${CHANGE_COLORS.removed},stroke-width:3px,stroke-dasharray:6 4`,
  changed: `stroke:${CHANGE_COLORS.changed},stroke-width:3px`,
  context: `stroke:${CHANGE_COLORS.context},stroke-width:1px`,
};

/** The Mermaid of the change, or undefined when no system or integration changed. */
export function changeDiagram(diff: ManifestDiff, sides: { base: Manifest | undefined; head: Manifest }): string | undefined {
  if (!diff.systems.length && !diff.integrations.length) return undefined;
  const nodes = new Map<string, { id: string; system: System | undefined; status: Status; label: string }>();
  const systemStatus = new Map(diff.systems.map((c) => [c.id, c]));
  // A removed or renamed system keeps its own node under its old id: references in base name it so.
  const oldIds = new Map(diff.systems.filter((c) => c.status === 'renamed').map((c) => [c.previousId!, c.id]));

  const node = (systemId: string, system: System | undefined, status: Status): string => {
    const existing = nodes.get(systemId);
    if (existing) return existing.id;
    const id = mermaidId('s', nodes.size);
    nodes.set(systemId, { id, system, status, label: systemLabel(systemId, system, systemStatus.get(systemId)) });
    return id;
  };
  for (const c of diff.systems) node(c.id, (c.head ?? c.base) as System | undefined, c.status);

  const edges: string[] = [];
  const edgeClasses = new Map<keyof typeof CLASS_STYLES, number[]>();
  for (const c of diff.integrations) {
    const integration = (c.head ?? c.base) as Integration | undefined;
    if (!integration?.from || !integration.to) continue;
    // A removed integration is drawn between its ends as they were (a renamed end under its new id).
    const ends = [integration.from, ...integration.via, integration.to].map((ref) => {
      const id = c.status === 'removed' ? (oldIds.get(ref.id) ?? ref.id) : ref.id;
      return node(id, findSystem(sides.head, id) ?? (sides.base && findSystem(sides.base, ref.id)), 'context');
    });
    const cls = CLASS_OF[c.status];
    const arrow = c.status === 'removed' ? '-.->' : '-->';
    for (let k = 0; k + 1 < ends.length; k++) {
      const label = k === 0 ? `|"${integrationLabel(c)}"|` : '';
      edgeClasses.set(cls, [...(edgeClasses.get(cls) ?? []), edges.length]);
      edges.push(`  ${ends[k]} ${arrow}${label} ${ends[k + 1]}`);
    }
  }

  const lines = ['flowchart LR'];
  for (const { id, system, label } of nodes.values()) lines.push(`  ${id}${system?.family === 'middleware' ? `{{"${label}"}}` : `["${label}"]`}`);
  lines.push(...edges);
  for (const [cls, indexes] of edgeClasses) lines.push(`  linkStyle ${indexes.join(',')} ${EDGE_STYLES[cls]}`);
  const byClass = new Map<keyof typeof CLASS_STYLES, string[]>();
  for (const { id, status } of nodes.values()) byClass.set(CLASS_OF[status], [...(byClass.get(CLASS_OF[status]) ?? []), id]);
  for (const [cls, ids] of byClass) lines.push(`  classDef ${cls} ${CLASS_STYLES[cls]}`, `  class ${ids.join(',')} ${cls}`);
  return lines.join('\n') + '\n';
}

function systemLabel(id: string, system: System | undefined, change: ItemChange | undefined): string {
  const name = flowchartText(system?.name ?? id) || flowchartText(id) || 'unnamed system';
  const what = change ? statusWord(change) : undefined;
  const kind = system?.systemKind ? flowchartText(system.systemKind) : undefined;
  return [name, [kind, what].filter(Boolean).join(' · ')].filter(Boolean).join('<br/>');
}

function integrationLabel(c: ItemChange): string {
  const name = flowchartText(c.name ?? c.id, 48) || flowchartText(c.id) || 'unnamed integration';
  return `${name}<br/>${statusWord(c)}`;
}

function statusWord(c: ItemChange): string {
  if (c.status === 'renamed') return `renamed from ${flowchartText(c.previousId, 32)}`;
  if (c.status === 'changed') return `changed: ${c.fields.slice(0, 3).map((f) => flowchartText(f.path, 24)).join(', ')}${c.fields.length > 3 ? ', …' : ''}`;
  return c.status;
}
