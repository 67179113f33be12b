/**
 * From an estate read by `loadEstate` to what the analysis of one of its manifests needs: its
 * `EstateContext` (plain data, passed in `AnalysisOptions.estate`, to the worker thread too).
 */
import type { Span } from '../document/range';
import type { EstateContext, EstateItem, EstateLocation } from '../model/estate';
import type { Item } from '../model/manifest';
import type { Estate, EstateImport, EstateNode } from './load';

/**
 * The manifests `path` imports, directly or through others (itself left out), by imports that
 * resolved, nearest first: each with the import of `path` it is reached through.
 */
export function importsOf(estate: Estate, path: string): Map<string, EstateImport> {
  const through = new Map<string, EstateImport>();
  const queue: [string, EstateImport | undefined][] = [[path, undefined]];
  while (queue.length > 0) {
    const [at, first] = queue.shift()!;
    for (const edge of estate.nodes.get(at)?.imports ?? [])
      if (edge.target && !edge.refused && edge.target !== path && !through.has(edge.target)) {
        through.set(edge.target, first ?? edge);
        queue.push([edge.target, first ?? edge]);
      }
  }
  return through;
}

/** The estate of `path`: every manifest connected to it by imports, in either direction (itself included), in the order read. */
export function estateOf(estate: Estate, path: string): string[] {
  const neighbours = new Map<string, string[]>();
  const link = (a: string, b: string) => (neighbours.get(a) ?? neighbours.set(a, []).get(a)!).push(b);
  for (const node of estate.nodes.values())
    for (const edge of node.imports)
      if (edge.target) {
        link(node.path, edge.target);
        link(edge.target, node.path);
      }
  const seen = new Set<string>([path]);
  const queue = [path];
  while (queue.length > 0)
    for (const next of neighbours.get(queue.shift()!) ?? [])
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
  return [...estate.nodes.keys()].filter((p) => seen.has(p));
}

/** The estates of the manifests read: each manifest in exactly one, in the order read. */
export function estatesOf(estate: Estate): string[][] {
  const placed = new Set<string>();
  const estates: string[][] = [];
  for (const path of estate.nodes.keys()) {
    if (placed.has(path)) continue;
    const members = estateOf(estate, path);
    for (const m of members) placed.add(m);
    estates.push(members);
  }
  return estates;
}

/** What one manifest gives the contexts of the others: made once per parse of it (a manifest typed in elsewhere keeps the others'). */
interface Contribution {
  items: Omit<EstateItem, 'imported'>[];
  systems: string[];
  goals: string[];
  direct: [system: string, integration: string][];
  /** Changes when any of the above does. */
  digest: string;
}

const contributions = new WeakMap<EstateNode['document'], Contribution>();

function contributionOf(node: EstateNode): Contribution {
  const known = contributions.get(node.document);
  if (known) return known;
  const { manifest } = node;
  const items: Omit<EstateItem, 'imported'>[] = [];
  for (const item of [...manifest.actors, ...manifest.goals, ...manifest.systems, ...manifest.integrations] as Item[]) if (item.id) items.push(estateItem(node, item));
  const systems = new Set<string>();
  const goals = new Set<string>();
  const direct: [string, string][] = [];
  for (const i of manifest.integrations) {
    for (const ref of [i.from, i.to, i.systemOfRecord, ...i.via, ...i.steps.flatMap((s) => [s.from, s.to])]) if (ref) systems.add(ref.id);
    for (const g of i.goals) goals.add(g.id);
    if (i.via.length === 0) for (const end of new Set([i.from?.id, i.to?.id])) if (end !== undefined) direct.push([end, `${node.file}: ${i.id || '(no id)'}`]);
  }
  const part = { items, systems: [...systems], goals: [...goals], direct };
  const contribution = { ...part, digest: digest(JSON.stringify(part)) };
  contributions.set(node.document, contribution);
  return contribution;
}

/** Makes each manifest's part of the contexts ahead (`contributionOf`), pausing when `pacing` says so: the contexts are then made quickly on request. */
export async function prepareContexts(estate: Estate, pacing: { due(): boolean; pause(): Promise<void> }): Promise<void> {
  for (const node of estate.nodes.values()) {
    if (pacing.due()) await pacing.pause();
    contributionOf(node);
  }
}

/**
 * The context of the manifest at `path` within its estate; undefined when the estate has no
 * such manifest. Each other manifest's part is made once per parse of it, so that the context
 * of a manifest is made again quickly when another one is typed in.
 */
export function estateContextOf(estate: Estate, path: string): EstateContext | undefined {
  const self = estate.nodes.get(path);
  if (!self) return undefined;
  const imported = importsOf(estate, path);
  const items: EstateItem[] = [];
  const systems = new Set<string>();
  const goals = new Set<string>();
  const direct: Record<string, string[]> = {};
  const importers: string[] = [];
  const parts: string[] = [];
  for (const member of estateOf(estate, path)) {
    if (member === path) continue;
    const node = estate.nodes.get(member)!;
    if (node.imports.some((edge) => edge.target === path)) importers.push(node.file);
    const part = contributionOf(node);
    const isImported = imported.has(member);
    parts.push(`${part.digest}${isImported ? '+' : '-'}`);
    for (const item of part.items) items.push({ ...item, imported: isImported });
    for (const id of part.systems) systems.add(id);
    for (const id of part.goals) goals.add(id);
    for (const [system, integration] of part.direct) (direct[system] ??= []).push(integration);
  }
  const context: Omit<EstateContext, 'key'> = {
    file: self.file,
    imports: self.imports.map((edge) => {
      const target = edge.target ? estate.nodes.get(edge.target) : undefined;
      return { path: edge.path, ...(edge.refused ? { refused: edge.refused } : {}), ...(target ? { target: { uri: target.uri, file: target.file } } : {}) };
    }),
    importedBy: importers,
    items,
    elsewhere: { systems: [...systems], goals: [...goals], direct },
  };
  // The key covers everything above: this manifest's imports and importers, and each other manifest's part (its digest) and whether it is imported.
  return { key: digest(JSON.stringify([context.file, context.imports, importers, parts])), ...context };
}

/** Whether the manifest stands alone: it imports nothing and nothing imports it (its analysis needs no estate context). */
export function standsAlone(estate: Estate, path: string): boolean {
  const node = estate.nodes.get(path);
  if (!node || node.imports.length > 0) return !node;
  for (const other of estate.nodes.values()) if (other.imports.some((edge) => edge.target === path)) return false;
  return true;
}

function estateItem(node: EstateNode, item: Item): Omit<EstateItem, 'imported'> {
  const e: Omit<EstateItem, 'imported'> = { kind: item.kind, id: item.id, at: locationIn(node, item.idSpan) };
  if (item.name !== undefined) e.name = item.name;
  if (item.description !== undefined) e.description = item.description;
  if (item.kind === 'system') {
    if (item.systemKind !== undefined) e.systemKind = item.systemKind;
    if (item.hosting !== undefined) e.hosting = item.hosting;
    if (item.owner !== undefined) e.owner = item.owner;
    if (item.domain !== undefined) e.domain = item.domain;
    if (item.tags.length > 0) e.tags = [...item.tags];
    if (item.cost) {
      const { span: _span, ...cost } = item.cost;
      e.cost = cost;
    }
  }
  if (item.kind === 'goal' && item.metric !== undefined) e.metric = item.metric;
  return e;
}

/** A place in a manifest of the estate, with its line and character. */
export function locationIn(node: EstateNode, span: Span): EstateLocation {
  const lines = node.document.lines;
  return { uri: node.uri, file: node.file, span: { ...span }, range: { start: lines.positionAt(span.start), end: lines.positionAt(span.end) } };
}

/** FNV-1a over the text, in hex: a short key that changes when the context does. */
function digest(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return `${(h1 >>> 0).toString(16)}${(h2 >>> 0).toString(16)}:${text.length}`;
}
