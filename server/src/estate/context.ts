/**
 * From an estate read by `loadEstate` to what the analysis of one of its manifests needs: its
 * `EstateContext` (plain data, passed in `AnalysisOptions.estate`, to the worker thread too).
 */
import type { Span } from '../document/range';
import type { EstateContext, EstateItem, EstateLocation } from '../model/estate';
import type { Item } from '../model/manifest';
import type { Estate, EstateImport, EstateNode } from './load';
import { runToEnd } from '../analysis/analyze';
import type { Pacer } from '../incremental/slices';

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

/**
 * The estates of an estate read: each manifest's estate (the members in the order read) and who
 * imports each manifest. Made once per `Estate`, in one pass over its imports, and kept with it:
 * the language server asks for the estate of a manifest on every change, the command line for
 * each of the files it judges, and a walk per question would cost the whole workspace each time
 * (3,000 manifests asked about one by one).
 */
interface Partition {
  /** Per manifest, the members of its estate; manifests of one estate share the list. */
  members: Map<string, readonly string[]>;
  /** Per manifest, the manifests whose imports name it (refused ones too). */
  importers: Map<string, string[]>;
}

const partitions = new WeakMap<Estate, Partition>();

function partitionOf(estate: Estate): Partition {
  return partitions.get(estate) ?? runToEnd(partitionSteps(estate));
}

/** `partitionOf`, a step per manifest (made after a read between pauses: thousands of manifests take tens of milliseconds). */
function* partitionSteps(estate: Estate): Generator<void, Partition> {
  const known = partitions.get(estate);
  if (known) return known;
  const neighbours = new Map<string, string[]>();
  const importers = new Map<string, string[]>();
  const link = (a: string, b: string) => (neighbours.get(a) ?? neighbours.set(a, []).get(a)!).push(b);
  for (const node of estate.nodes.values()) {
    yield;
    for (const edge of node.imports)
      if (edge.target) {
        link(node.path, edge.target);
        link(edge.target, node.path);
        (importers.get(edge.target) ?? importers.set(edge.target, []).get(edge.target)!).push(node.path);
      }
  }
  const component = new Map<string, number>();
  let count = 0;
  for (const start of estate.nodes.keys()) {
    if (component.has(start)) continue;
    component.set(start, count);
    const queue = [start];
    for (let at = 0; at < queue.length; at++) {
      yield;
      for (const next of neighbours.get(queue[at]!) ?? [])
        if (!component.has(next)) {
          component.set(next, count);
          queue.push(next);
        }
    }
    count++;
  }
  // Each list in the order read: one pass over the manifests, each appended to its estate's.
  const lists = Array.from({ length: count }, () => [] as string[]);
  for (const path of estate.nodes.keys()) lists[component.get(path)!]!.push(path);
  const members = new Map<string, readonly string[]>();
  for (const [path, n] of component) members.set(path, lists[n]!);
  const partition = { members, importers };
  partitions.set(estate, partition);
  return partition;
}

/** The estate of `path`: every manifest connected to it by imports, in either direction (itself included), in the order read; empty for a path not read. */
export function estateOf(estate: Estate, path: string): readonly string[] {
  return partitionOf(estate).members.get(path) ?? [];
}

/** The estates of the manifests read: each manifest in exactly one, in the order read. */
export function estatesOf(estate: Estate): (readonly string[])[] {
  return [...new Set(partitionOf(estate).members.values())];
}

/** What one manifest gives the contexts of the others: made once per parse of it (a manifest typed in elsewhere keeps the others'). */
interface Contribution {
  /** Its items as the others see them: in the namespace of those that import it, not of the others (read only, shared by every context). */
  imported: EstateItem[];
  notImported: EstateItem[];
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
  const contribution = {
    imported: items.map((item) => ({ ...item, imported: true })),
    notImported: items.map((item) => ({ ...item, imported: false })),
    systems: part.systems,
    goals: part.goals,
    direct,
    digest: digest(JSON.stringify(part)),
  };
  contributions.set(node.document, contribution);
  return contribution;
}

/**
 * What every member of an estate gives the contexts, put together once per estate read: a
 * manifest's context is this without its own part (and with the items of what it imports
 * marked so), a few copies rather than a walk of every member. In an estate of thousands of
 * manifests, a change anywhere makes the context of each open manifest again.
 */
interface Whole {
  /** Every member's items as not imported, in the order read, and where each member's lie. */
  items: EstateItem[];
  itemsAt: Map<string, [number, number]>;
  /** How many members name each system and goal, in the order first named. */
  systems: Map<string, number>;
  goals: Map<string, number>;
  /** Every member's integrations without middleware, by the system at an end, in the order read. */
  direct: Record<string, string[]>;
  /** Each member's digest, one line each. */
  digests: MemberLines;
}

/** One line per member of an estate, in order, and where each member's lies: `withoutMember` gives the text less one member's line as a copy, not a walk of the members. */
export interface MemberLines {
  text: string;
  at: Map<string, [number, number]>;
}

/** The lines of `members` (`lineOf` ends each with a newline), a step after each. */
export function* memberLinesSteps(members: readonly string[], lineOf: (path: string) => string): Generator<void, MemberLines> {
  const at = new Map<string, [number, number]>();
  const lines: string[] = [];
  let length = 0;
  for (const path of members) {
    const line = lineOf(path);
    at.set(path, [length, length + line.length]);
    lines.push(line);
    length += line.length;
    yield;
  }
  return { text: lines.join(''), at };
}

/** The text of `lines` without the line of `path` (all of it when `path` has none). */
export function withoutMember(lines: MemberLines, path: string): string {
  const [start, end] = lines.at.get(path) ?? [0, 0];
  return lines.text.slice(0, start) + lines.text.slice(end);
}

const wholes = new WeakMap<Estate, WeakMap<readonly string[], Whole>>();

function wholeOf(estate: Estate, members: readonly string[]): Whole {
  return runToEnd(wholeSteps(estate, members));
}

/** `wholeOf`, a member at a time: it yields after each (a whole of thousands of members takes tens of milliseconds). */
function* wholeSteps(estate: Estate, members: readonly string[]): Generator<void, Whole> {
  const known = wholes.get(estate)?.get(members);
  if (known) return known;
  const whole: Whole = { items: [], itemsAt: new Map(), systems: new Map(), goals: new Map(), direct: {}, digests: { text: '', at: new Map() } };
  for (const path of members) {
    const part = contributionOf(estate.nodes.get(path)!);
    whole.itemsAt.set(path, [whole.items.length, whole.items.length + part.notImported.length]);
    for (const item of part.notImported) whole.items.push(item);
    for (const id of part.systems) whole.systems.set(id, (whole.systems.get(id) ?? 0) + 1);
    for (const id of part.goals) whole.goals.set(id, (whole.goals.get(id) ?? 0) + 1);
    for (const [system, integration] of part.direct) (whole.direct[system] ??= []).push(integration);
    yield;
  }
  // Each part is kept per parse: the second pass reads the digests made in the first.
  whole.digests = yield* memberLinesSteps(members, (path) => `${path}=${contributionOf(estate.nodes.get(path)!).digest}\n`);
  (wholes.get(estate) ?? wholes.set(estate, new WeakMap()).get(estate)!).set(members, whole);
  return whole;
}

/** Makes each manifest's part of the contexts ahead (`contributionOf`), and each estate's whole, pausing when `pacing` says so: the contexts are then made quickly on request. */
export async function prepareContexts(estate: Estate, pacing: Pacer): Promise<void> {
  await pacing.steps(partitionSteps(estate));
  for (const node of estate.nodes.values()) {
    if (pacing.due()) await pacing.pause();
    contributionOf(node);
  }
  for (const members of new Set(partitionOf(estate).members.values())) {
    if (members.length < 2) continue;
    await pacing.steps(wholeSteps(estate, members));
  }
}

/**
 * The context of the manifest at `path` within its estate; undefined when the estate has no
 * such manifest. Each other manifest's part is made once per parse of it, and put together
 * once per estate read, so that the context of a manifest is made again quickly when another
 * one is typed in.
 */
export function estateContextOf(estate: Estate, path: string): EstateContext | undefined {
  const self = estate.nodes.get(path);
  if (!self) return undefined;
  const imported = importsOf(estate, path);
  const whole = wholeOf(estate, estateOf(estate, path));
  const own = contributionOf(self);
  // The items of the others: the whole without this manifest's, those of the manifests it imports marked so.
  const [start, end] = whole.itemsAt.get(path)!;
  const items = whole.items.slice(0, start).concat(whole.items.slice(end));
  for (const member of imported.keys()) {
    const [from] = whole.itemsAt.get(member)!;
    const at = from < start ? from : from - (end - start);
    contributionOf(estate.nodes.get(member)!).imported.forEach((item, n) => (items[at + n] = item));
  }
  const others = (counts: Map<string, number>, mine: readonly string[]) => {
    const named = new Set(mine);
    return [...counts].filter(([id, count]) => count > (named.has(id) ? 1 : 0)).map(([id]) => id);
  };
  const direct = { ...whole.direct };
  for (const system of new Set(own.direct.map(([system]) => system))) {
    const mine = new Set(own.direct.flatMap(([at, integration]) => (at === system ? [integration] : [])));
    const left = direct[system]!.filter((integration) => !mine.has(integration));
    if (left.length) direct[system] = left;
    else delete direct[system];
  }
  const importers = [...new Set(partitionOf(estate).importers.get(path) ?? [])].map((p) => estate.nodes.get(p)!.file);
  const context: Omit<EstateContext, 'key'> = {
    file: self.file,
    imports: self.imports.map((edge) => {
      const target = edge.target ? estate.nodes.get(edge.target) : undefined;
      return { path: edge.path, ...(edge.refused ? { refused: edge.refused } : {}), ...(target ? { target: { uri: target.uri, file: target.file } } : {}) };
    }),
    importedBy: importers,
    items,
    elsewhere: { systems: others(whole.systems, own.systems), goals: others(whole.goals, own.goals), direct },
  };
  // The key covers everything above: this manifest's imports and importers, each other manifest's part (its digest) and which are imported.
  return { key: digest(JSON.stringify([context.file, context.imports, importers, withoutMember(whole.digests, path), [...imported.keys()]])), ...context };
}

/** Whether the manifest stands alone: it imports nothing and nothing imports it (its analysis needs no estate context). */
export function standsAlone(estate: Estate, path: string): boolean {
  const node = estate.nodes.get(path);
  if (!node || node.imports.length > 0) return !node;
  return !partitionOf(estate).importers.has(path);
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
