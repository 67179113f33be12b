/**
 * What changed between two versions of a manifest, for review: systems and integrations added,
 * removed, renamed and changed (each field before → after), and the findings the change
 * introduces and resolves. Pure: two analyses in, a `ManifestDiff` out.
 *
 * Items are matched by id. An item that disappears under one id while an item of the same kind
 * appears under another, with every other field equal, is a rename; references to a renamed
 * system (`from`, `to`, `via`, `systemOfRecord`) are read under its new id, so integrations that
 * only follow the rename are not "changed". Findings are matched by rule and item (the item's
 * kind and id, renames followed), never by line: moving an integration down the file changes
 * no finding.
 */
import type { Analysis, Problem } from '../analysis/analyze';
import { MAX_ALIAS_COUNT, type ManifestDocument } from '../document/manifestDocument';
import type { Item } from '../model/manifest';

export type DiffKind = 'system' | 'integration';

/** A field of an item, by its path (`security.transport`, `via`, `steps[1].to`), as written before and after; absent on one side when added or removed. */
export interface FieldChange {
  path: string;
  before?: string;
  after?: string;
}

export interface ItemChange {
  kind: DiffKind;
  status: 'added' | 'removed' | 'changed' | 'renamed';
  /** The id in head (for a removed item, in base). */
  id: string;
  /** For a rename: the id in base. */
  previousId?: string;
  /** The name (head's, else base's). */
  name: string | undefined;
  /** For a changed item: the fields that differ, in the order they are written. */
  fields: FieldChange[];
  /** The item in base and in head, where it exists. */
  base?: Item;
  head?: Item;
}

export interface ManifestDiff {
  systems: ItemChange[];
  integrations: ItemChange[];
  /** Findings of head that base did not have. */
  introduced: Problem[];
  /** Findings of base that head no longer has. */
  resolved: Problem[];
}

/** Keys whose values name systems: read under a renamed system's new id. */
const SYSTEM_REFERENCES = new Set(['from', 'to', 'via', 'systemOfRecord']);

/**
 * The change from `base` to `head`. `base` undefined means the manifest did not exist before
 * (a new file): everything in head is added, and every finding introduced.
 */
export function diffManifests(base: Analysis | undefined, head: Analysis): ManifestDiff {
  const side = (a: Analysis | undefined, list: 'systems' | 'integrations'): Side => ({ items: a ? a.manifest[list] : [], document: a?.document });
  const systems = diffItems('system', side(base, 'systems'), side(head, 'systems'), new Map());
  const renamedSystems = new Map(systems.filter((c) => c.status === 'renamed').map((c) => [c.previousId!, c.id]));
  const integrations = diffItems('integration', side(base, 'integrations'), side(head, 'integrations'), renamedSystems);
  const renamed = new Map<string, string>();
  for (const c of [...systems, ...integrations]) if (c.status === 'renamed') renamed.set(`${c.kind} ${c.previousId!}`, `${c.kind} ${c.id}`);
  const { introduced, resolved } = diffFindings(base?.problems ?? [], head.problems, renamed);
  return { systems, integrations, introduced, resolved };
}

/** True when nothing changed: no item and no finding. */
export function isEmptyDiff(diff: ManifestDiff): boolean {
  return !diff.systems.length && !diff.integrations.length && !diff.introduced.length && !diff.resolved.length;
}

interface Side {
  items: readonly Item[];
  document: ManifestDocument | undefined;
}

interface Flat {
  item: Item;
  fields: Map<string, string>;
}

function diffItems(kind: DiffKind, base: Side, head: Side, renamedSystems: ReadonlyMap<string, string>): ItemChange[] {
  const before = byId(base.items, base.document, renamedSystems);
  const after = byId(head.items, head.document, new Map());
  const changes: ItemChange[] = [];
  const removed = [...before.keys()].filter((id) => !after.has(id));
  const added = [...after.keys()].filter((id) => !before.has(id));
  const renamedFrom = new Map<string, string>();
  for (const id of added) {
    const head = after.get(id)!;
    const match = removed.find((old) => !renamedFrom.has(old) && sameFields(before.get(old)!.fields, head.fields));
    if (match !== undefined) renamedFrom.set(match, id);
  }
  const previousOf = new Map([...renamedFrom].map(([old, id]) => [id, old]));
  // In head's order, then what was removed, in base's order.
  for (const [id, head] of after) {
    const previousId = previousOf.get(id);
    const base = before.get(previousId ?? id);
    if (previousId !== undefined) changes.push({ kind, status: 'renamed', id, previousId, name: head.item.name, fields: [], base: base!.item, head: head.item });
    else if (!base) changes.push({ kind, status: 'added', id, name: head.item.name, fields: [], head: head.item });
    else {
      const fields = fieldChanges(base.fields, head.fields);
      if (fields.length) changes.push({ kind, status: 'changed', id, name: head.item.name ?? base.item.name, fields, base: base.item, head: head.item });
    }
  }
  for (const id of removed) if (!renamedFrom.has(id)) changes.push({ kind, status: 'removed', id, name: before.get(id)!.item.name, fields: [], base: before.get(id)!.item });
  return changes;
}

/** Items with an id, the first of each id (a duplicate is duplicate-id's finding), with their fields. */
function byId(items: readonly Item[], document: ManifestDocument | undefined, renamedSystems: ReadonlyMap<string, string>): Map<string, Flat> {
  const out = new Map<string, Flat>();
  for (const item of items) if (item.id && !out.has(item.id)) out.set(item.id, { item, fields: flatten(document ? plain(item, document) : {}, renamedSystems) });
  return out;
}

/** The item as plain data, aliases followed. */
function plain(item: Item, document: ManifestDocument): unknown {
  try {
    return item.node.toJS(document.yaml, { maxAliasCount: MAX_ALIAS_COUNT }) as unknown;
  } catch {
    return {}; // an alias bomb: the manifest's own finding; compared as empty
  }
}

/** Every field but `id` as `path → value as written in YAML flow style`. Lists of scalars are one field; maps and lists of maps are walked. */
function flatten(value: unknown, renamedSystems: ReadonlyMap<string, string>, path = '', out = new Map<string, string>()): Map<string, string> {
  if (Array.isArray(value) && value.some((v) => v !== null && typeof v === 'object')) {
    value.forEach((v, i) => flatten(v, renamedSystems, `${path}[${i}]`, out));
  } else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      if (!path && key === 'id') continue;
      flatten(SYSTEM_REFERENCES.has(key) ? followRenames(v, renamedSystems) : v, renamedSystems, path ? `${path}.${key}` : key, out);
    }
  } else if (path) {
    out.set(path, written(value));
  }
  return out;
}

function followRenames(value: unknown, renamed: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') return renamed.get(value) ?? value;
  if (Array.isArray(value)) return value.map((v) => followRenames(v, renamed));
  return value;
}

function written(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(written).join(', ')}]`;
  if (value === null || value === undefined) return 'null';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function sameFields(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean {
  return a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);
}

function fieldChanges(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const [path, value] of after) {
    const old = before.get(path);
    if (old === undefined) changes.push({ path, after: value });
    else if (old !== value) changes.push({ path, before: old, after: value });
  }
  for (const [path, old] of before) if (!after.has(path)) changes.push({ path, before: old });
  return changes;
}

/**
 * Findings matched by rule and item (renames followed); a finding on no item by rule and
 * message. Within one rule and item, the same message matches first; the rest pair up in
 * order, and what is left over is introduced (head) or resolved (base).
 */
function diffFindings(base: readonly Problem[], head: readonly Problem[], renamed: ReadonlyMap<string, string>): { introduced: Problem[]; resolved: Problem[] } {
  const keyOf = (p: Problem, rename: boolean) => {
    if (!p.item) return `${p.rule} | ${p.message.replace(/\d+/g, '#')}`;
    const item = `${p.item.kind} ${p.item.id}`;
    return `${p.rule} ${rename ? (renamed.get(item) ?? item) : item}`;
  };
  const groups = new Map<string, { base: Problem[]; head: Problem[] }>();
  const group = (key: string) => groups.get(key) ?? groups.set(key, { base: [], head: [] }).get(key)!;
  for (const p of base) group(keyOf(p, true)).base.push(p);
  for (const p of head) group(keyOf(p, false)).head.push(p);
  const introduced: Problem[] = [];
  const resolved: Problem[] = [];
  for (const { base: b, head: h } of groups.values()) {
    const left = [...b];
    const unmatched = h.filter((p) => {
      const i = left.findIndex((q) => q.message === p.message);
      if (i < 0) return true;
      left.splice(i, 1);
      return false;
    });
    const paired = Math.min(left.length, unmatched.length);
    introduced.push(...unmatched.slice(paired));
    resolved.push(...left.slice(paired));
  }
  const order = (a: Problem, b: Problem) => a.span.start - b.span.start;
  return { introduced: introduced.sort(order), resolved: resolved.sort(order) };
}
