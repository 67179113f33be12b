/**
 * A manifest drawn with everything it imports (SPEC 10): the root manifest of an estate draws
 * the estate. The diagram generators take the manifest `withImports` gives: the imported
 * systems, integrations, goals and actors join its lists as copies marked with `origin` (the
 * application diagram draws such a system with a dotted border), and every place in them points
 * at the `imports:` value they came through, so that a click in the preview selects a place in
 * the drawn manifest, never an offset of another file.
 */
import type { Analysis, Problem } from '../analysis/analyze';
import type { Span } from '../document/range';
import type { Origin } from '../model/estate';
import type { Item, ItemList, Manifest } from '../model/manifest';

/** A manifest the drawn one imports (directly or through others), analysed. */
export interface DrawnImport {
  analysis: Analysis;
  /** The file as people read it, and its URI. */
  file: string;
  uri: string;
  /** The value of the drawn manifest's `imports:` it was reached through. */
  through: Span;
}

const LISTS: readonly ItemList[] = ['actors', 'goals', 'systems', 'integrations'];

/**
 * The analysis with the items of `imports` added to its manifest's lists (after its own, an id
 * it declares itself left out), and their errors and warnings, so each imported integration
 * shows its own. The analysis given is not changed.
 */
export function withImports(analysis: Analysis, imports: readonly DrawnImport[]): Analysis {
  if (imports.length === 0) return analysis;
  const own = analysis.manifest;
  const lists = new Map<ItemList, Item[]>(LISTS.map((list) => [list, [...(own[list] as Item[])]]));
  const taken = new Set(own.byId.keys());
  const problems: Problem[] = [...analysis.problems];
  for (const drawn of imports) {
    const copies = new Map<Item, Item>();
    for (const list of LISTS)
      for (const item of drawn.analysis.manifest[list] as Item[]) {
        if (!item.id || taken.has(item.id)) continue;
        taken.add(item.id);
        const { lines } = drawn.analysis.document;
        const origin: Origin = { origin: true, uri: drawn.uri, file: drawn.file, span: { ...item.idSpan }, range: { start: lines.positionAt(item.idSpan.start), end: lines.positionAt(item.idSpan.end) } };
        const copy = { ...(relocated(item, drawn.through) as Item), node: item.node, origin };
        copies.set(item, copy);
        lists.get(list)!.push(copy);
      }
    for (const p of drawn.analysis.problems) {
      const item = p.item && copies.get(p.item);
      if (item && (p.severity === 'error' || p.severity === 'warning')) problems.push({ rule: p.rule, severity: p.severity, message: p.message, data: p.data, ...(p.related ? { related: p.related } : {}), span: { ...drawn.through }, item });
    }
  }
  const manifest = Object.create(own, {
    ...Object.fromEntries(LISTS.map((list) => [list, { value: lists.get(list), enumerable: true }])),
    byId: { value: byIdOf(lists), enumerable: true },
  }) as Manifest;
  return { document: analysis.document, manifest, problems };
}

function byIdOf(lists: Map<ItemList, Item[]>): Map<string, Item[]> {
  const byId = new Map<string, Item[]>();
  for (const list of LISTS) for (const item of lists.get(list)!) if (item.id) (byId.get(item.id) ?? byId.set(item.id, []).get(item.id)!).push(item);
  return byId;
}

/** A copy of `value` in which every span is `span` (the YAML node is left out: it belongs to the other file). */
function relocated(value: unknown, span: Span): unknown {
  if (!value || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => relocated(v, span));
  const record = value as Record<string, unknown>;
  if (typeof record['start'] === 'number' && typeof record['end'] === 'number') return { ...span };
  const copy: Record<string, unknown> = {};
  for (const key in record) if (key !== 'node' && key !== 'origin') copy[key] = relocated(record[key], span);
  return copy;
}
