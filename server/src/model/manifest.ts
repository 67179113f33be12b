/**
 * The typed manifest model: what rules, features and diagrams read. Built leniently from
 * the YAML tree: a value of the wrong shape reads as absent (the schema reports it), so a
 * half-written manifest still yields a model.
 */
import type { YAMLMap, YAMLSeq } from 'yaml';
import { MAX_ALIAS_COUNT, type ManifestDocument } from '../document/manifestDocument';
import { asMap, asSeq, booleanAt, keySpan, numberAt, pairOf, scalarText, spanOf, stringAt, valueOf } from '../document/nodes';
import type { Span } from '../document/range';
import { ratePerHour } from './rate';
import { familyOf, type Hosting, type IntegrationType, type Mode, type SystemFamily } from './vocabulary';

export type ItemKind = 'system' | 'integration' | 'goal' | 'actor';

/** A reference to another item: the id as written and where it is written. */
export interface Ref {
  id: string;
  span: Span;
}

export interface Waiver {
  rule: string | undefined;
  reason: string | undefined;
  expires: string | undefined;
  /** The waiver's map in the list. */
  span: Span;
  ruleSpan: Span;
}

export interface ItemBase {
  kind: ItemKind;
  /** The id, or '' when missing. */
  id: string;
  /** Where the id value is written, or the item's start when it has none. */
  idSpan: Span;
  node: YAMLMap;
  span: Span;
  /** `name`, or `title` for goals. */
  name: string | undefined;
  description: string | undefined;
  waivers: Waiver[];
}

export interface System extends ItemBase {
  kind: 'system';
  systemKind: string | undefined;
  family: SystemFamily | undefined;
  hosting: Hosting | undefined;
  owner: string | undefined;
}

export interface Goal extends ItemBase {
  kind: 'goal';
  metric: string | undefined;
}

export interface Actor extends ItemBase {
  kind: 'actor';
}

export interface Step {
  from: Ref | undefined;
  to: Ref | undefined;
  action: string | undefined;
  async: boolean;
  span: Span;
}

export interface Mapping {
  from: string | undefined;
  to: string | undefined;
  transform: string | undefined;
}

export interface Integration extends ItemBase {
  kind: 'integration';
  type: IntegrationType | undefined;
  from: Ref | undefined;
  to: Ref | undefined;
  twoWay: boolean;
  mode: Mode | undefined;
  trigger: string | undefined;
  frequency: string | undefined;
  volume: string | undefined;
  peak: string | undefined;
  /** `peak` per hour when given, else `volume` per hour; undefined when neither parses. */
  ratePerHour: number | undefined;
  pattern: string | undefined;
  via: Ref[];
  systemOfRecord: Ref | undefined;
  goals: Ref[];
  owner: string | undefined;
  data: { present: boolean; pii: boolean | undefined; entities: string[]; format: string | undefined; mapping: Mapping[] };
  security: { present: boolean; authentication: string | undefined; secrets: string | undefined; transport: string | undefined };
  monitoring: { present: boolean; tool: string | undefined; alerts: boolean | undefined; audit: boolean | undefined };
  errorHandling: {
    present: boolean;
    retryAttempts: number | undefined;
    backoff: string | undefined;
    deadLetter: boolean | undefined;
    notify: string | undefined;
  };
  testing: { present: boolean; load: string | undefined; endToEnd: string | undefined };
  steps: Step[];
}

export type Item = System | Integration | Goal | Actor;

export interface Governance {
  present: boolean;
  alm: string | undefined;
  versionControl: boolean | undefined;
}

export interface Manifest {
  document: ManifestDocument;
  root: YAMLMap | undefined;
  solutionName: string | undefined;
  systems: System[];
  integrations: Integration[];
  goals: Goal[];
  actors: Actor[];
  governance: Governance;
  /** Every item with an id, by id; more than one entry means a duplicate id. */
  byId: Map<string, Item[]>;
  /** The document as plain data (what the schema validates), or undefined when it cannot be expanded. */
  data: unknown;
  /** Why the document could not be expanded to plain data (an alias bomb), if so. */
  dataError: string | undefined;
}

export function findSystem(manifest: Manifest, id: string | undefined): System | undefined {
  if (id === undefined) return undefined;
  return manifest.byId.get(id)?.find((i): i is System => i.kind === 'system');
}

export function findItem(manifest: Manifest, id: string | undefined): Item | undefined {
  return id === undefined ? undefined : manifest.byId.get(id)?.[0];
}

/** Span of a top-level key, or of `integrationManifest` (or the document start) when it is missing. */
export function topLevelSpan(manifest: Manifest, key: string): Span {
  return (
    keySpan(pairOf(manifest.root, key)) ??
    keySpan(pairOf(manifest.root, 'integrationManifest')) ?? { start: 0, end: Math.min(1, manifest.document.text.length) }
  );
}

/** The lists of items, by their top-level key. */
export type ItemList = 'systems' | 'integrations' | 'goals' | 'actors';

/**
 * What `buildModel` may be handed instead of reading it from the document: an incremental
 * analyzer passes the items and plain data it kept from unchanged parts of the text. Each
 * must equal what `buildModel` would compute itself.
 */
export interface ModelParts {
  /** The items of one list, as `readItem` reads each of `seq`'s items. */
  items?(list: ItemList, seq: YAMLSeq): Item[];
  /** The document as plain data (`document.yaml.toJS`), or the reason it could not be expanded. */
  data?(): { data: unknown; error: string | undefined };
  /**
   * Compute the lists, `byId`, `data` and `dataError` on first read rather than at once (the
   * same values): the language server's main thread, which runs no rules, seldom reads them.
   */
  lazy?: boolean;
}

export function buildModel(document: ManifestDocument, parts: ModelParts = {}): Manifest {
  const root = asMap(document.yaml.contents);
  const eager = !parts.lazy;
  const manifest: Manifest = {
    document,
    root,
    solutionName: stringAt(valueOf(root, 'solution'), 'name'),
    systems: eager ? (items(root, 'systems', parts) as System[]) : [],
    integrations: eager ? (items(root, 'integrations', parts) as Integration[]) : [],
    goals: eager ? (items(root, 'goals', parts) as Goal[]) : [],
    actors: eager ? (items(root, 'actors', parts) as Actor[]) : [],
    governance: readGovernance(valueOf(root, 'governance')),
    byId: new Map(),
    data: undefined,
    dataError: undefined,
  };
  const plain = () => parts.data?.() ?? plainData(document);
  if (parts.lazy) {
    let byId: Map<string, Item[]> | undefined;
    let data: { data: unknown; error: string | undefined } | undefined;
    const lists = new Map<ItemList, Item[]>();
    const list = (name: ItemList) => lists.get(name) ?? lists.set(name, items(root, name, parts)).get(name)!;
    Object.defineProperties(manifest, {
      systems: { get: () => list('systems'), enumerable: true, configurable: true },
      integrations: { get: () => list('integrations'), enumerable: true, configurable: true },
      goals: { get: () => list('goals'), enumerable: true, configurable: true },
      actors: { get: () => list('actors'), enumerable: true, configurable: true },
      byId: { get: () => (byId ??= indexById(manifest)), enumerable: true, configurable: true },
      data: { get: () => (data ??= plain()).data, enumerable: true, configurable: true },
      dataError: { get: () => (data ??= plain()).error, enumerable: true, configurable: true },
    });
    return manifest;
  }
  const { data, error } = plain();
  manifest.data = data;
  manifest.dataError = error;
  manifest.byId = indexById(manifest);
  return manifest;
}

/** Every item with an id, by id, in the order of the lists: actors, goals, systems, integrations. */
function indexById(manifest: Manifest): Map<string, Item[]> {
  const byId = new Map<string, Item[]>();
  for (const list of [manifest.actors, manifest.goals, manifest.systems, manifest.integrations] as Item[][]) {
    for (const item of list) {
      if (!item.id) continue;
      const same = byId.get(item.id);
      if (same) same.push(item);
      else byId.set(item.id, [item]);
    }
  }
  return byId;
}

function plainData(document: ManifestDocument): { data: unknown; error: string | undefined } {
  try {
    return { data: document.yaml.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), error: undefined };
  } catch (e) {
    return { data: undefined, error: e instanceof Error ? e.message : String(e) };
  }
}

type Base = Omit<ItemBase, 'kind'>;

function items(root: YAMLMap | undefined, list: ItemList, parts: ModelParts): Item[] {
  const seq = asSeq(valueOf(root, list));
  if (!seq) return [];
  if (parts.items) return parts.items(list, seq);
  const result: Item[] = [];
  for (const node of seq.items) {
    const item = readItem(list, node);
    if (item) result.push(item);
  }
  return result;
}

const READERS: { [L in ItemList]: (base: Base) => Item } = {
  systems: readSystem,
  integrations: readIntegration,
  goals: (base) => ({ ...base, kind: 'goal', metric: stringAt(base.node, 'metric') }),
  actors: (base) => ({ ...base, kind: 'actor' }),
};

/** One item of a list as the model reads it; undefined for anything but a map. */
export function readItem(list: ItemList, node: unknown): Item | undefined {
  const map = asMap(node);
  if (!map) return undefined;
  const span = spanOf(map)!;
  const idNode = valueOf(map, 'id');
  const id = scalarText(idNode) ?? '';
  return READERS[list]({
    id,
    idSpan: (id && spanOf(idNode)) || keySpan(pairOf(map, 'id')) || { start: span.start, end: span.start },
    node: map,
    span,
    name: stringAt(map, 'name') ?? stringAt(map, 'title'),
    description: stringAt(map, 'description'),
    waivers: readWaivers(map),
  });
}

function readSystem(base: Base): System {
  const systemKind = stringAt(base.node, 'kind');
  const hosting = stringAt(base.node, 'hosting');
  return {
    ...base,
    kind: 'system',
    systemKind,
    family: familyOf(systemKind),
    hosting: hosting === 'cloud' || hosting === 'on-premises' ? hosting : undefined,
    owner: stringAt(base.node, 'owner'),
  };
}

function ref(node: unknown): Ref | undefined {
  const id = scalarText(node);
  const span = spanOf(node);
  return id && span ? { id, span } : undefined;
}

function refs(node: unknown): Ref[] {
  const seq = asSeq(node);
  if (!seq) {
    const single = ref(node);
    return single ? [single] : [];
  }
  return seq.items.map(ref).filter((r): r is Ref => r !== undefined);
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[]): T | undefined {
  return allowed.includes(value as T) ? (value as T) : undefined;
}

function readIntegration(base: Base): Integration {
  const n = base.node;
  const volume = stringAt(n, 'volume');
  const peak = stringAt(n, 'peak');
  const data = asMap(valueOf(n, 'data'));
  const security = asMap(valueOf(n, 'security'));
  const monitoring = asMap(valueOf(n, 'monitoring'));
  const errorHandling = asMap(valueOf(n, 'errorHandling'));
  const retry = asMap(valueOf(errorHandling, 'retry'));
  const testing = asMap(valueOf(n, 'testing'));
  return {
    ...base,
    kind: 'integration',
    type: oneOf(stringAt(n, 'type'), ['ui', 'data', 'process'] as const),
    from: ref(valueOf(n, 'from')),
    to: ref(valueOf(n, 'to')),
    twoWay: stringAt(n, 'direction') === 'two-way',
    mode: oneOf(stringAt(n, 'mode'), ['sync', 'async', 'batch'] as const),
    trigger: stringAt(n, 'trigger'),
    frequency: stringAt(n, 'frequency'),
    volume,
    peak,
    ratePerHour: ratePerHour(peak) ?? ratePerHour(volume),
    pattern: stringAt(n, 'pattern'),
    via: refs(valueOf(n, 'via')),
    systemOfRecord: ref(valueOf(n, 'systemOfRecord')),
    goals: refs(valueOf(n, 'goals')),
    owner: stringAt(n, 'owner'),
    data: {
      present: data !== undefined,
      pii: booleanAt(data, 'pii'),
      entities: (asSeq(valueOf(data, 'entities'))?.items ?? []).map(scalarText).filter((s): s is string => s !== undefined),
      format: stringAt(data, 'format'),
      mapping: (asSeq(valueOf(data, 'mapping'))?.items ?? []).map(asMap).filter((m): m is YAMLMap => m !== undefined).map((m) => ({
        from: stringAt(m, 'from'),
        to: stringAt(m, 'to'),
        transform: stringAt(m, 'transform'),
      })),
    },
    security: {
      present: security !== undefined,
      authentication: stringAt(security, 'authentication'),
      secrets: stringAt(security, 'secrets'),
      transport: stringAt(security, 'transport'),
    },
    monitoring: {
      present: monitoring !== undefined,
      tool: stringAt(monitoring, 'tool'),
      alerts: booleanAt(monitoring, 'alerts'),
      audit: booleanAt(monitoring, 'audit'),
    },
    errorHandling: {
      present: errorHandling !== undefined,
      retryAttempts: numberAt(retry, 'attempts'),
      backoff: stringAt(retry, 'backoff'),
      deadLetter: booleanAt(errorHandling, 'deadLetter'),
      notify: stringAt(errorHandling, 'notify'),
    },
    testing: { present: testing !== undefined, load: stringAt(testing, 'load'), endToEnd: stringAt(testing, 'endToEnd') },
    steps: (asSeq(valueOf(n, 'steps'))?.items ?? []).map(asMap).filter((m): m is YAMLMap => m !== undefined).map((m) => ({
      from: ref(valueOf(m, 'from')),
      to: ref(valueOf(m, 'to')),
      action: stringAt(m, 'action'),
      async: booleanAt(m, 'async') === true,
      span: spanOf(m)!,
    })),
  };
}

function readWaivers(map: YAMLMap): Waiver[] {
  const seq = asSeq(valueOf(map, 'waivers'));
  if (!seq) return [];
  const result: Waiver[] = [];
  for (const node of seq.items) {
    const w = asMap(node);
    if (!w) continue;
    const span = spanOf(w)!;
    const reason = stringAt(w, 'reason');
    result.push({
      rule: stringAt(w, 'rule'),
      reason: reason?.trim() ? reason : undefined,
      expires: stringAt(w, 'expires'),
      span,
      ruleSpan: spanOf(valueOf(w, 'rule')) ?? keySpan(pairOf(w, 'rule')) ?? span,
    });
  }
  return result;
}

function readGovernance(node: unknown): Governance {
  const map = asMap(node);
  return { present: map !== undefined, alm: stringAt(map, 'alm'), versionControl: booleanAt(map, 'versionControl') };
}
