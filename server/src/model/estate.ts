/**
 * What a manifest's analysis knows of the other manifests of its estate: the manifests it
 * imports (their items join its namespace) and every manifest connected to it by imports in
 * either direction (ids are unique across them; some rules judge over all of them).
 *
 * An `EstateContext` is plain data: it is made by `server/src/estate/` (which reads the
 * files) and travels in `AnalysisOptions.estate`, to the rules' worker thread too. Nothing
 * here reads a file.
 */
import { YAMLMap } from 'yaml';
import type { Position } from '../document/lineIndex';
import type { Span } from '../document/range';
import type { Hosting } from './vocabulary';
import { familyOf } from './vocabulary';
import type { Cost, Item, ItemKind, Manifest } from './manifest';

/** A place in another manifest of the estate. */
export interface EstateLocation {
  /** The file's URI, as the caller's file access names it (`EstateFiles.uriOf`). */
  uri: string;
  /** The file as a person reads it: its path relative to the root (the workspace folder, the CLI's directory). */
  file: string;
  span: Span;
  range: { start: Position; end: Position };
}

/** An item with an id in another manifest of the estate, with the facts the rules read of it. */
export interface EstateItem {
  kind: ItemKind;
  id: string;
  name?: string;
  description?: string;
  /** Where its id is written. */
  at: EstateLocation;
  /** True when this manifest imports the item's file (directly or through others): the item is in its namespace. */
  imported: boolean;
  /** A system's `kind`, `hosting`, `owner`, `domain`, `tags` and `cost` (without its place); a goal's `metric`. */
  systemKind?: string;
  cost?: Omit<Cost, 'span'>;
  hosting?: Hosting;
  owner?: string;
  domain?: string;
  tags?: string[];
  metric?: string;
}

/** How one value of `imports:` resolved. */
export interface ImportResolution {
  /** The value as written. */
  path: string;
  /** Why it is refused (a sentence in Markdown), or undefined when it resolved to a manifest. */
  refused?: string;
  /** The manifest it names, when it resolved. */
  target?: { uri: string; file: string };
}

export interface EstateContext {
  /** Equal for equal contexts: the incremental analyzer compares it to decide whether kept findings still hold. */
  key: string;
  /** This manifest as a person reads it (path relative to the root). */
  file: string;
  /** Each value of this manifest's `imports:`, in order. */
  imports: ImportResolution[];
  /** The manifests that import this one directly (as people read them). A manifest that is imported needs no `solution`. */
  importedBy: string[];
  /** Every item with an id in the other manifests of the estate. */
  items: EstateItem[];
  /** What the integrations of the other manifests of the estate use. */
  elsewhere: {
    /** System ids their integrations name (ends, middleware, system of record, steps). */
    systems: string[];
    /** Goal ids their integrations serve. */
    goals: string[];
    /** Per system id, the integrations (as `file: id`) that reach it point to point (no `via`). */
    direct: Record<string, string[]>;
  };
}

/** Where an item of another manifest lives; set on the items `importedItems` makes. */
export interface Origin extends EstateLocation {
  readonly origin: true;
}

const importedCache = new WeakMap<EstateContext, Map<string, Item[]>>();

/**
 * The items of the manifests `manifest` imports, by id, as model items: they answer
 * `findSystem`, `findItem` and the rules that read an end's kind or hosting. Such an item
 * has `origin` (its file and place); its `span` and `idSpan` are offsets in that file, and
 * its `node` is an empty map (nothing of its text is here).
 */
export function importedItems(estate: EstateContext | undefined): Map<string, Item[]> {
  if (!estate) return new Map();
  // Made once per context: each version of a manifest typed in keeps the same context (read only).
  const known = importedCache.get(estate);
  if (known) return known;
  const byId = new Map<string, Item[]>();
  importedCache.set(estate, byId);
  for (const e of estate.items) {
    if (!e.imported) continue;
    const item = modelItem(e);
    const same = byId.get(e.id);
    if (same) same.push(item);
    else byId.set(e.id, [item]);
  }
  return byId;
}

/** The base fields go last in each literal, as in model/manifest.ts's readers (a leading spread is costly in V8). */
function modelItem(e: EstateItem): Item {
  const base = {
    id: e.id,
    idSpan: { ...e.at.span },
    span: { ...e.at.span },
    node: new YAMLMap(),
    name: e.name,
    description: e.description,
    waivers: [],
    origin: { ...e.at, origin: true as const },
  };
  switch (e.kind) {
    case 'system':
      return { kind: 'system', systemKind: e.systemKind, family: familyOf(e.systemKind), hosting: e.hosting, owner: e.owner, domain: e.domain, tags: [...(e.tags ?? [])], cost: e.cost && ({ ...e.cost, span: { ...e.at.span } } as Cost), ...base };
    case 'goal':
      return { kind: 'goal', metric: e.metric, ...base };
    case 'actor':
      return { kind: 'actor', ...base };
    case 'integration':
      return importedIntegration(base);
  }
}

/** An imported integration as a namespace entry: its id and where it is, no design (rules never judge it here). */
function importedIntegration(base: Omit<Item, 'kind'>): Item {
  return {
    kind: 'integration',
    type: undefined,
    from: undefined,
    to: undefined,
    twoWay: false,
    mode: undefined,
    trigger: undefined,
    frequency: undefined,
    volume: undefined,
    peak: undefined,
    ratePerHour: undefined,
    pattern: undefined,
    via: [],
    systemOfRecord: undefined,
    goals: [],
    owner: undefined,
    data: { present: false, pii: undefined, entities: [], format: undefined, mapping: [] },
    security: { present: false, authentication: undefined, secrets: undefined, transport: undefined, identity: undefined },
    monitoring: { present: false, tool: undefined, alerts: undefined, audit: undefined },
    errorHandling: { present: false, retryAttempts: undefined, backoff: undefined, deadLetter: undefined, notify: undefined },
    testing: { present: false, load: undefined, endToEnd: undefined },
    steps: [],
    tags: [],
    cost: undefined,
    ...base,
  };
}

/** The manifest with the estate's imported items in its namespace (`manifest.imported`); the same object. */
export function withEstate(manifest: Manifest, estate: EstateContext | undefined): Manifest {
  if (manifest.estate === estate) return manifest;
  manifest.estate = estate;
  manifest.imported = importedItems(estate);
  return manifest;
}

/** The id of every item in the namespace: the manifest's own and those it imports. */
export function namespaceIds(manifest: Manifest): Set<string> {
  return new Set([...manifest.byId.keys(), ...manifest.imported.keys()]);
}
