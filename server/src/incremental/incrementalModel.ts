/**
 * The model of a document assembled from units: items and plain data are kept per unit and
 * reused while the unit's text is unchanged (its spans moved with it); only the lists,
 * the id index and the top-level facts are rebuilt. Equal to `buildModel` of the document.
 */
import { isScalar, type Document, type Node, type Pair, type Scalar, type YAMLSeq } from 'yaml';
import { MAX_ALIAS_COUNT, type ManifestDocument } from '../document/manifestDocument';
import type { Span } from '../document/range';
import { valueText } from '../document/nodes';
import { buildModel, readItem, type Item, type ItemList, type Manifest } from '../model/manifest';

const ITEM_LISTS: readonly string[] = ['systems', 'integrations', 'goals', 'actors'] satisfies ItemList[];
import type { PiecewiseParse } from './incrementalParser';
import type { UnitParse } from './unitParse';

/**
 * Every span (`{ start, end }`) inside a model item. The item's YAML node moves with the
 * parser's unit; everything else in an item is plain data whose spans move with it.
 */
function collectSpans(value: unknown, seen: Set<object>, into: Span[]): void {
  if (!value || typeof value !== 'object' || seen.has(value)) return;
  seen.add(value);
  if (Array.isArray(value)) {
    for (const v of value) collectSpans(v, seen, into);
    return;
  }
  const record = value as Record<string, unknown>;
  if (typeof record['start'] === 'number' && typeof record['end'] === 'number') {
    into.push(record as unknown as Span);
    return;
  }
  for (const key in record) if (key !== 'node') collectSpans(record[key], seen, into);
}

/** The items of a unit (of list `list`) that now starts at `offset`. */
function itemsOf(unit: UnitParse, list: ItemList, offset: number): Item[] {
  const kept = unit.items;
  if (kept?.list === list) {
    // Moved with the unit since they were last read: their spans follow now.
    const delta = offset - kept.at;
    if (delta !== 0) {
      for (const span of kept.spans) {
        span.start += delta;
        span.end += delta;
      }
      kept.at = offset;
    }
    return kept.items;
  }
  const items: Item[] = [];
  for (const node of unit.nodes) {
    const item = readItem(list, node);
    if (!item) continue;
    // The id is a slice of the unit's source text; a flat copy (the same string) makes the id
    // index, rebuilt on every version, several times faster to fill.
    item.id = flat(item.id);
    items.push(item);
  }
  const spans: Span[] = [];
  const seen = new Set<object>();
  for (const item of items) collectSpans(item, seen, spans);
  unit.items = { list, items, spans, at: offset };
  return items;
}

function flat(s: string): string {
  return (' ' + s).slice(1);
}

function dataOf(unit: UnitParse, doc: Document.Parsed): unknown[] {
  if (unit.data) return unit.data;
  const toJS = (node: unknown): unknown =>
    node && typeof (node as Node).toJS === 'function' ? ((node as Node).toJS(doc, { maxAliasCount: MAX_ALIAS_COUNT }) as unknown) : (node ?? null);
  unit.data = unit.kind === 'item' ? unit.nodes.map(toJS) : (unit.nodes as Pair[]).map((p) => toJS(p.value));
  return unit.data;
}

/** `buildModel(document)`, reusing the items and plain data of units that did not change. */
export function modelOf(document: ManifestDocument, parse: PiecewiseParse): Manifest {
  const { layout, units } = parse;
  if (!layout || !units) return buildModel(document);
  // The list (in the assembled document) each section's items hang on, and where their units are.
  const itemUnits = new Map<YAMLSeq, { from: number; count: number }>();
  let index = 0;
  for (const section of layout.sections) {
    const head = units[index++]!;
    const count = section.items.length;
    if (count === 0) continue;
    const pairs = head.nodes as Pair[];
    const key = pairs[pairs.length - 1]!.key;
    const seq = (document.yaml.contents as { items: Pair[] }).items.find((p) => p.key === key)?.value as YAMLSeq;
    itemUnits.set(seq, { from: index, count });
    index += count;
  }
  // A key that is a list or map is stringified by yaml's own rules: leave such a document to it.
  const plainKeys = (document.yaml.contents as { items: Pair[] }).items.every((p) => isScalar(p.key));
  return buildModel(document, {
    lazy: true,
    items(list, seq) {
      const from = itemUnits.get(seq);
      if (!from) return seq.items.map((node) => readItem(list, node)).filter((i): i is Item => i !== undefined);
      const items: Item[] = [];
      for (let i = from.from; i < from.from + from.count; i++) for (const item of itemsOf(units[i]!, list, layout.units[i]!.start)) items.push(item);
      return items;
    },
    ...(plainKeys ? { data: () => ({ data: plainData(document.yaml, layout.sections, units), error: undefined }) } : {}),
  });
}

/** `doc.toJS()` of an assembled document, from the plain data each unit keeps. */
function plainData(doc: Document.Parsed, sections: readonly { items: readonly unknown[] }[], units: UnitParse[]): unknown {
  const result: Record<string, unknown> = {};
  const set = (key: unknown, value: unknown) => {
    // As eemeli/yaml adds a pair to a plain object (a key that shadows a prototype member is defined).
    const name = key === null || key === undefined ? '' : valueText(key);
    if (name in result) Object.defineProperty(result, name, { value, writable: true, enumerable: true, configurable: true });
    else result[name] = value;
  };
  let index = 0;
  for (const section of sections) {
    const head = units[index++]!;
    const pairs = head.nodes as Pair[];
    const values = dataOf(head, doc);
    const listed = section.items.length > 0;
    for (let i = 0; i < pairs.length; i++) {
      const key = pairs[i]!.key;
      const jsKey: unknown = (key as Scalar).toJS(doc);
      if (listed && i === pairs.length - 1) {
        const list: unknown[] = [];
        for (let k = 0; k < section.items.length; k++) for (const v of dataOf(units[index + k]!, doc)) list.push(v);
        set(jsKey, list);
      } else set(jsKey, values[i]);
    }
    index += section.items.length;
  }
  return result;
}

/**
 * Reads, a unit at a step, what the lazy model of `modelOf` reads at once on first use: each
 * unit's items and (with `data`) its plain data, kept with the unit. The model then only
 * gathers them, so a large manifest's first use does not hold the thread for seconds.
 */
export function* warmModel(document: ManifestDocument, parse: PiecewiseParse, data: boolean): Generator<void, void> {
  const { layout, units } = parse;
  if (!layout || !units) return;
  let index = 0;
  for (const section of layout.sections) {
    const head = units[index++]!;
    if (data) dataOf(head, document.yaml);
    const pairs = head.nodes as Pair[];
    const key = pairs[pairs.length - 1]?.key;
    const list = section.items.length > 0 && isScalar(key) && ITEM_LISTS.includes(key.value as string) ? (key.value as ItemList) : undefined;
    yield;
    for (let i = 0; i < section.items.length; i++) {
      const at = layout.units[index]!.start;
      const unit = units[index++]!;
      if (list) itemsOf(unit, list, at);
      if (data) dataOf(unit, document.yaml);
      yield;
    }
  }
}
