/** The outline: Systems, Integrations, Goals and Actors, each with its items. */
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { Analysis } from '../analysis/analyze';
import { keySpan, pairOf, spanOf } from '../document/nodes';
import type { Span } from '../document/range';
import type { Item, Manifest } from '../model/manifest';
import { toRange } from './protocol';

interface Group {
  key: 'systems' | 'integrations' | 'goals' | 'actors';
  title: string;
  kind: SymbolKind;
  items: (manifest: Manifest) => readonly Item[];
}

const GROUPS: readonly Group[] = [
  { key: 'systems', title: 'Systems', kind: SymbolKind.Class, items: (m) => m.systems },
  { key: 'integrations', title: 'Integrations', kind: SymbolKind.Event, items: (m) => m.integrations },
  { key: 'goals', title: 'Goals', kind: SymbolKind.Boolean, items: (m) => m.goals },
  { key: 'actors', title: 'Actors', kind: SymbolKind.Object, items: (m) => m.actors },
];

export function documentSymbols(analysis: Analysis): DocumentSymbol[] {
  const { manifest, document } = analysis;
  const result: DocumentSymbol[] = [];
  for (const group of GROUPS) {
    const pair = pairOf(manifest.root, group.key);
    const key = keySpan(pair);
    if (!pair || !key) continue;
    const whole = trimmed(document.text, { start: key.start, end: Math.max(key.end, spanOf(pair.value)?.end ?? key.end) });
    const items = group.items(manifest);
    result.push({
      name: group.title,
      detail: `${items.length}`,
      kind: SymbolKind.Namespace,
      range: toRange(document, whole),
      selectionRange: toRange(document, key),
      children: items.map((item) => ({
        name: item.id || item.name || `(${item.kind} without an id)`,
        detail: detailOf(item),
        kind: group.kind,
        range: toRange(document, trimmed(document.text, item.span)),
        selectionRange: toRange(document, within(item.idSpan, trimmed(document.text, item.span))),
      })),
    });
  }
  return result;
}

function detailOf(item: Item): string {
  switch (item.kind) {
    case 'system':
      return [item.name, item.systemKind, item.hosting].filter(Boolean).join(' · ');
    case 'integration':
      return [item.name, `${item.from?.id ?? '?'} → ${item.to?.id ?? '?'}`].filter(Boolean).join(' · ');
    default:
      return item.name ?? '';
  }
}

/** A node's span without the line breaks and blank lines YAML counts at its end. */
function trimmed(text: string, span: Span): Span {
  let end = span.end;
  while (end > span.start && /\s/.test(text[end - 1]!)) end--;
  return { start: span.start, end };
}

/** LSP requires the selection range to lie inside the symbol's range. */
function within(inner: Span, outer: Span): Span {
  return inner.start >= outer.start && inner.end <= outer.end ? inner : { start: outer.start, end: outer.start };
}
