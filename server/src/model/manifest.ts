/**
 * The typed manifest model: what rules, features and diagrams read. Built leniently from
 * the YAML tree: a value of the wrong shape reads as absent (the schema reports it), so a
 * half-written manifest still yields a model.
 */
import { isAlias, isScalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { MAX_ALIAS_COUNT, type ManifestDocument } from '../document/manifestDocument';
import { asMap, asSeq, booleanAt, keySpan, keyText, numberAt, pairOf, resolved, scalarText, spanOf, stringAt, valueOf, writtenValueOf } from '../document/nodes';
import type { Span } from '../document/range';
import type { EstateContext, Origin } from './estate';
import { ratePerHour } from './rate';
import { familyOf, type Hosting, type IntegrationType, type Mode, type SystemFamily } from './vocabulary';

export type ItemKind = 'system' | 'integration' | 'goal' | 'actor';

/**
 * A reference to another item: the id and where it is written. Read through an alias
 * (`from: *erp`, or `via: *route` of a list), `span` is the alias, in the item that uses it,
 * and `source` is the anchored scalar that holds the id.
 */
export interface Ref {
  id: string;
  span: Span;
  /** Where the id's characters are, when not at `span`: the anchored scalar an alias stands for. Rename edits it there, once. */
  source?: Span;
}

export interface Waiver {
  rule: string | undefined;
  reason: string | undefined;
  expires: string | undefined;
  /** The waiver's map in the list (for a waiver read through an alias, the alias). */
  span: Span;
  ruleSpan: Span;
  /** Where `expires` is written: its value, else the waiver. */
  expiresSpan: Span;
}

export interface ItemBase {
  kind: ItemKind;
  /** The id, or '' when missing. */
  id: string;
  /** Where the id value is written, or the item's start when it has none. */
  idSpan: Span;
  /** The item's map; for an item written as an alias (`- *shared`), the anchored map it stands for. */
  node: YAMLMap;
  /** Where the item is written (for an alias, the alias). */
  span: Span;
  /** `name`, or `title` for goals. */
  name: string | undefined;
  description: string | undefined;
  waivers: Waiver[];
  /** Set on an item of another manifest that this one imports (`manifest.imported`): its file, and where its id is there. Its spans are in that file. */
  origin?: Origin;
}

/**
 * What a system or an integration costs to run, as written: a fixed `monthly` amount or an
 * amount `perMillion` messages, in a currency. Read only when it has a currency and exactly one
 * amount that is a number of zero or more (the schema says what is wrong otherwise).
 */
export type Cost = { currency: string; span: Span } & ({ monthly: number; perMillion?: undefined } | { perMillion: number; monthly?: undefined });

export interface System extends ItemBase {
  kind: 'system';
  systemKind: string | undefined;
  family: SystemFamily | undefined;
  hosting: Hosting | undefined;
  owner: string | undefined;
  cost: Cost | undefined;
  /** The business domain, trimmed; undefined when absent or blank. */
  domain: string | undefined;
  tags: string[];
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
  security: { present: boolean; authentication: string | undefined; secrets: string | undefined; transport: string | undefined; identity: string | undefined };
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
  cost: Cost | undefined;
  tags: string[];
}

/** A text value of a list, with where it is written (a domain or a tag in a view's `include`). */
export interface Written {
  value: string;
  span: Span;
}

/** A saved view (`views:`): which part of the landscape it shows and how. Not an item: its id names it among views only. */
export interface View {
  id: string;
  idSpan: Span;
  title: string | undefined;
  description: string | undefined;
  span: Span;
  include: {
    domains: Written[];
    systems: Ref[];
    types: string[];
    patterns: string[];
    goals: Ref[];
    tags: string[];
  };
  groupBy: 'hosting' | 'domain' | 'none';
  neighbours: number;
}

export type Item = System | Integration | Goal | Actor;

export interface Governance {
  present: boolean;
  alm: string | undefined;
  versionControl: boolean | undefined;
  availability: string | undefined;
  disasterRecovery: string | undefined;
}

/** An answer recorded under `checklist:` for one item of the integration strategy checklist. */
export interface ChecklistAnswer {
  status: 'met' | 'at-risk' | 'open' | undefined;
  note: string | undefined;
  /** Where the item's id is written. */
  span: Span;
}

/** One value of `imports:`: a path to another manifest, relative to this one. */
export interface Import {
  path: string;
  span: Span;
}

export interface Manifest {
  document: ManifestDocument;
  root: YAMLMap | undefined;
  solutionName: string | undefined;
  /** The values of `imports:` that are text, in order. */
  imports: Import[];
  systems: System[];
  integrations: Integration[];
  goals: Goal[];
  actors: Actor[];
  governance: Governance;
  /** The answers recorded under `checklist:`, by item id (ids the checklist does not know included: the schema reports them). */
  checklist: Map<string, ChecklistAnswer>;
  views: View[];
  /** Every item with an id, by id; more than one entry means a duplicate id. */
  byId: Map<string, Item[]>;
  /**
   * The items of the manifests this one imports, by id (`withEstate` in model/estate.ts sets
   * it from the estate context); empty when analysed alone. `findSystem` and `findItem` look
   * here after `byId`.
   */
  imported: Map<string, Item[]>;
  /** The estate context this manifest was analysed with, if any (`withEstate`). */
  estate: EstateContext | undefined;
  /** The document as plain data (what the schema validates), or undefined when it cannot be expanded. */
  data: unknown;
  /** Why the document could not be expanded to plain data (an alias bomb), if so. */
  dataError: string | undefined;
}

/** An id as the schema allows it: a letter, then letters, digits, `-` and `_`. */
export const ID_PATTERN = /^[A-Za-z][A-Za-z0-9_-]*$/;

/** Whether `key` of `map` holds text (a string, not a number, a list or nothing), as the schema asks of names and ids. */
function holdsText(map: YAMLMap, key: string): string | undefined {
  const node = valueOf(map, key);
  return isScalar(node) && typeof node.value === 'string' && node.value.trim() !== '' ? node.value : undefined;
}

/**
 * Whether an integration is written far enough for its design to be judged: an `id` that is a
 * valid id, a `name`, a known `type`, and both ends (`from`, `to`) naming declared systems (so
 * `to: d`, half-typed, is not yet an end). Until then the guidance rules' findings on it wait
 * (see `RuleCategory`); what is missing is the schema's to say, and a wrong end
 * unknown-reference's. Depends on the integration's own text and the declared systems, which
 * the per-integration cache counts as context (a change to them re-checks every integration).
 */
export function isWritten(integration: Integration, manifest: Manifest): boolean {
  const id = holdsText(integration.node, 'id');
  return (
    id !== undefined &&
    ID_PATTERN.test(id) &&
    holdsText(integration.node, 'name') !== undefined &&
    integration.type !== undefined &&
    findSystem(manifest, integration.from?.id) !== undefined &&
    findSystem(manifest, integration.to?.id) !== undefined
  );
}

/** The system with this id: the manifest's own, else one it imports. */
export function findSystem(manifest: Manifest, id: string | undefined): System | undefined {
  if (id === undefined) return undefined;
  const isSystem = (i: Item): i is System => i.kind === 'system';
  return manifest.byId.get(id)?.find(isSystem) ?? manifest.imported.get(id)?.find(isSystem);
}

/** The item with this id: the manifest's own, else one it imports. */
export function findItem(manifest: Manifest, id: string | undefined): Item | undefined {
  return id === undefined ? undefined : (manifest.byId.get(id)?.[0] ?? manifest.imported.get(id)?.[0]);
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
    imports: readImports(valueOf(root, 'imports')),
    systems: eager ? (items(root, 'systems', parts) as System[]) : [],
    integrations: eager ? (items(root, 'integrations', parts) as Integration[]) : [],
    goals: eager ? (items(root, 'goals', parts) as Goal[]) : [],
    actors: eager ? (items(root, 'actors', parts) as Actor[]) : [],
    governance: readGovernance(valueOf(root, 'governance')),
    checklist: readChecklist(valueOf(root, 'checklist')),
    views: readViews(valueOf(root, 'views')),
    byId: new Map(),
    imported: new Map(),
    estate: undefined,
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
  // What toJS would throw on, or loop on: said without expanding anything (yaml-syntax reports each).
  const { tooMany, problems } = document.aliases;
  if (tooMany) return { data: undefined, error: 'Excessive alias count indicates a resource exhaustion attack' };
  const cycle = problems.find((p) => p.kind === 'cycle');
  if (cycle) return { data: undefined, error: `The alias *${cycle.alias.source} lies inside the node it names` };
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

/**
 * `through`: the alias an item is written as (`- *shared`), where everything about it is shown.
 *
 * Each reader writes the base fields last (`...base` at the end of the literal). V8 makes a
 * literal that starts with a spread by adding every later property one at a time, and for the
 * 35 fields of an integration that left some 15 KB of garbage per item, promoted to the old
 * generation before it died (17 MB after opening 1,000 integrations); with the spread last
 * the literal is made in one piece. No reader sets a base field, so the values are the same.
 */
const READERS: { [L in ItemList]: (base: Base, through: Span | undefined) => Item } = {
  systems: readSystem,
  integrations: readIntegration,
  goals: (base) => ({ kind: 'goal', metric: stringAt(base.node, 'metric'), ...base }),
  actors: (base) => ({ kind: 'actor', ...base }),
};

/**
 * One item of a list as the model reads it; undefined for anything but a map. An item written
 * as an alias (`- *shared`) reads as the map it stands for, and is shown on the alias.
 */
export function readItem(list: ItemList, node: unknown): Item | undefined {
  const map = asMap(node);
  if (!map) return undefined;
  const span = spanOf(node)!;
  const through = isAlias(node) ? span : undefined;
  const idNode = writtenValueOf(map, 'id');
  const id = scalarText(idNode) ?? '';
  const base: Base = {
    id,
    idSpan: through ? { ...through } : (id && spanOf(idNode)) || keySpan(pairOf(map, 'id')) || { start: span.start, end: span.start },
    node: map,
    span,
    name: stringAt(map, 'name') ?? stringAt(map, 'title'),
    description: stringAt(map, 'description'),
    waivers: readWaivers(map, through),
  };
  return READERS[list](base, through);
}

function readSystem(base: Base): System {
  const systemKind = stringAt(base.node, 'kind');
  const hosting = stringAt(base.node, 'hosting');
  return {
    kind: 'system',
    systemKind,
    family: familyOf(systemKind),
    hosting: hosting === 'cloud' || hosting === 'on-premises' ? hosting : undefined,
    owner: stringAt(base.node, 'owner'),
    cost: readCost(base.node),
    domain: stringAt(base.node, 'domain')?.trim() || undefined,
    tags: texts(valueOf(base.node, 'tags')),
    ...base,
  };
}

/** The text items of a list (anything else is left out: the schema reports it). */
function texts(node: unknown): string[] {
  return (asSeq(node)?.items ?? []).map(scalarText).filter((s): s is string => s !== undefined);
}

function readViews(node: unknown): View[] {
  return mapItems(node).map(({ map, at }) => {
    const include = asMap(valueOf(map, 'include'));
    const idNode = writtenValueOf(map, 'id');
    const id = scalarText(idNode) ?? '';
    const groupBy = stringAt(map, 'groupBy');
    const neighbours = numberAt(map, 'neighbours');
    return {
      id,
      idSpan: (id && spanOf(idNode)) || keySpan(pairOf(map, 'id')) || { start: at.start, end: at.start },
      title: stringAt(map, 'title'),
      description: stringAt(map, 'description'),
      span: at,
      include: {
        domains: listItems(writtenValueOf(include, 'domains')).flatMap(({ node, at: span }) => {
          const value = scalarText(node)?.trim();
          return value && span ? [{ value, span }] : [];
        }),
        systems: refs(writtenValueOf(include, 'systems')),
        types: texts(valueOf(include, 'types')),
        patterns: texts(valueOf(include, 'patterns')),
        goals: refs(writtenValueOf(include, 'goals')),
        tags: texts(valueOf(include, 'tags')),
      },
      groupBy: groupBy === 'domain' || groupBy === 'none' ? groupBy : 'hosting',
      neighbours: neighbours !== undefined && Number.isInteger(neighbours) && neighbours > 0 ? Math.min(neighbours, 5) : 0,
    };
  });

}

function readCost(item: YAMLMap): Cost | undefined {
  const map = asMap(valueOf(item, 'cost'));
  const currency = stringAt(map, 'currency')?.trim();
  const span = spanOf(valueOf(item, 'cost'));
  if (!map || !currency || !span) return undefined;
  const monthly = numberAt(map, 'monthly');
  const perMillion = numberAt(map, 'perMillion');
  const amount = (n: number | undefined) => n !== undefined && Number.isFinite(n) && n >= 0;
  if (pairOf(map, 'monthly') && pairOf(map, 'perMillion')) return undefined;
  if (amount(monthly)) return { currency, span, monthly: monthly! };
  if (amount(perMillion)) return { currency, span, perMillion: perMillion! };
  return undefined;
}

/**
 * The items of a list written at `written` (a list, or an alias to one), each with where it is
 * shown: the list's alias when the list is one (every item of a shared list is shown on the
 * alias that uses it), else the item as written (itself maybe an alias).
 */
function listItems(written: unknown, outer?: Span): { node: unknown; at: Span | undefined; aliased: boolean }[] {
  const seq = asSeq(written);
  if (!seq) return [];
  const through = outer ?? (isAlias(written) ? spanOf(written) : undefined);
  return seq.items.map((node) => ({ node, at: through ? { ...through } : spanOf(node), aliased: through !== undefined || isAlias(node) }));
}

/** A reference written at `written` (maybe an alias), shown at `at` (see `listItems`) or where it is written. */
function ref(written: unknown, at: Span | undefined = spanOf(written)): Ref | undefined {
  const id = scalarText(written);
  if (!id || !at) return undefined;
  const target = resolved(written);
  const own = spanOf(target);
  return own && (own.start !== at.start || own.end !== at.end) ? { id, span: at, source: own } : { id, span: at };
}

function refs(written: unknown, through?: Span): Ref[] {
  if (!asSeq(written)) {
    const single = ref(written, through ? { ...through } : spanOf(written));
    return single ? [single] : [];
  }
  return listItems(written, through)
    .map(({ node, at }) => ref(node, at))
    .filter((r): r is Ref => r !== undefined);
}

/** The maps of a list written at `written`, each with where it is shown (see `listItems`). */
function mapItems(written: unknown, through?: Span): { map: YAMLMap; at: Span; aliased: boolean }[] {
  const maps: { map: YAMLMap; at: Span; aliased: boolean }[] = [];
  for (const { node, at, aliased } of listItems(written, through)) {
    const map = asMap(node);
    if (map && at) maps.push({ map, at, aliased });
  }
  return maps;
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[]): T | undefined {
  return allowed.includes(value as T) ? (value as T) : undefined;
}

function readIntegration(base: Base, through: Span | undefined): Integration {
  const n = base.node;
  const one = (written: unknown) => ref(written, through ? { ...through } : spanOf(written));
  const volume = stringAt(n, 'volume');
  const peak = stringAt(n, 'peak');
  const data = asMap(valueOf(n, 'data'));
  const security = asMap(valueOf(n, 'security'));
  const monitoring = asMap(valueOf(n, 'monitoring'));
  const errorHandling = asMap(valueOf(n, 'errorHandling'));
  const retry = asMap(valueOf(errorHandling, 'retry'));
  const testing = asMap(valueOf(n, 'testing'));
  return {
    kind: 'integration',
    type: oneOf(stringAt(n, 'type'), ['ui', 'data', 'process'] as const),
    from: one(writtenValueOf(n, 'from')),
    to: one(writtenValueOf(n, 'to')),
    twoWay: stringAt(n, 'direction') === 'two-way',
    mode: oneOf(stringAt(n, 'mode'), ['sync', 'async', 'batch'] as const),
    trigger: stringAt(n, 'trigger'),
    frequency: stringAt(n, 'frequency'),
    volume,
    peak,
    ratePerHour: ratePerHour(peak) ?? ratePerHour(volume),
    pattern: stringAt(n, 'pattern'),
    via: refs(writtenValueOf(n, 'via'), through),
    systemOfRecord: one(writtenValueOf(n, 'systemOfRecord')),
    goals: refs(writtenValueOf(n, 'goals'), through),
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
      identity: stringAt(security, 'identity')?.trim() || undefined,
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
    tags: texts(valueOf(n, 'tags')),
    steps: mapItems(writtenValueOf(n, 'steps'), through).map(({ map: m, at, aliased }) => ({
      from: aliased ? ref(writtenValueOf(m, 'from'), { ...at }) : ref(writtenValueOf(m, 'from')),
      to: aliased ? ref(writtenValueOf(m, 'to'), { ...at }) : ref(writtenValueOf(m, 'to')),
      action: stringAt(m, 'action'),
      async: booleanAt(m, 'async') === true,
      span: at,
    })),
    cost: readCost(n),
    ...base,
  };
}

function readWaivers(map: YAMLMap, through: Span | undefined): Waiver[] {
  return mapItems(writtenValueOf(map, 'waivers'), through).map(({ map: w, at: span, aliased }) => {
    const reason = stringAt(w, 'reason');
    return {
      rule: stringAt(w, 'rule'),
      reason: reason?.trim() ? reason : undefined,
      // Written but not text (null, a list, a map): kept as '' so that it is no date and silences nothing.
      expires: pairOf(w, 'expires') ? (stringAt(w, 'expires') ?? '') : undefined,
      span,
      ruleSpan: aliased ? { ...span } : (spanOf(writtenValueOf(w, 'rule')) ?? keySpan(pairOf(w, 'rule')) ?? { ...span }),
      expiresSpan: aliased ? { ...span } : (spanOf(writtenValueOf(w, 'expires')) ?? { ...span }),
    };
  });
}

function readImports(node: unknown): Import[] {
  const imports: Import[] = [];
  for (const item of asSeq(node)?.items ?? []) {
    const value = resolved(item);
    const span = spanOf(item);
    if (isScalar(value) && typeof value.value === 'string' && span) imports.push({ path: value.value, span });
  }
  return imports;
}

function readGovernance(node: unknown): Governance {
  const map = asMap(node);
  const text = (key: string) => stringAt(map, key)?.trim() || undefined;
  return {
    present: map !== undefined,
    alm: stringAt(map, 'alm'),
    versionControl: booleanAt(map, 'versionControl'),
    availability: text('availability'),
    disasterRecovery: text('disasterRecovery'),
  };
}

function readChecklist(node: unknown): Map<string, ChecklistAnswer> {
  const answers = new Map<string, ChecklistAnswer>();
  for (const pair of asMap(node)?.items ?? []) {
    const id = keyText(pair);
    const span = keySpan(pair);
    if (id === undefined || !span || answers.has(id)) continue;
    const status = stringAt(pair.value, 'status');
    answers.set(id, { status: oneOf(status, ['met', 'at-risk', 'open'] as const), note: stringAt(pair.value, 'note')?.trim() || undefined, span });
  }
  return answers;
}
