/**
 * A completion list sent the shorter way a client offers (LSP 3.17 `CompletionList.itemDefaults`,
 * which VS Code's client announces): what every item shares goes once, with the list. On an
 * estate, the 300 systems of a catalog offered at `to:` took 143 KB of JSON, most of it the same
 * edit range and the same `data` (the manifest's URI and lists) three hundred times; the server
 * wrote it and the editor read it at every keystroke.
 *
 * Shared, when every item has it: the edit range (each item keeps only its text, and not even that
 * when it is the label), and the data but its id, which is then the item's label (see
 * `completionData`). A `filterText` equal to the label goes in any case: the label is the default.
 */
import type { CompletionItem, CompletionList, Range } from 'vscode-languageserver';
import type { CompletionData } from './items';

/** The defaults a client takes (`completionList.itemDefaults` of its capabilities). */
export type ItemDefaultsSupport = readonly string[];

export function withItemDefaults(list: CompletionList, supported: ItemDefaultsSupport): CompletionList {
  const items = list.items.map(withoutRedundantFilter);
  if (items.length < 2) return { ...list, items };
  const editRange = supported.includes('editRange') ? sharedRange(items) : undefined;
  const data = supported.includes('data') ? sharedData(items) : undefined;
  if (!editRange && !data) return { ...list, items };
  return {
    ...list,
    itemDefaults: { ...list.itemDefaults, ...(editRange ? { editRange } : {}), ...(data ? { data } : {}) },
    items: items.map((item) => {
      const short: CompletionItem = { ...item };
      if (editRange) {
        delete short.textEdit;
        const text = item.textEdit?.newText;
        if (text !== undefined && text !== item.label) short.textEditText = text;
      }
      if (data) delete short.data;
      return short;
    }),
  };
}

/**
 * What `resolveCompletion` reads of an item: its own data, or the list's defaults (the client puts
 * them on the item), with the label as the id when the data has none.
 */
export function completionData(item: CompletionItem): CompletionData | undefined {
  const data = item.data as (Partial<CompletionData> & { doc?: unknown }) | undefined;
  if (!data || typeof data !== 'object') return undefined;
  return ('id' in data ? data : { ...data, id: item.label }) as CompletionData;
}

function withoutRedundantFilter(item: CompletionItem): CompletionItem {
  if (item.filterText !== item.label) return item;
  const { filterText: _same, ...rest } = item;
  return rest;
}

/** The range of every item's edit, when they all replace the same one. */
function sharedRange(items: readonly CompletionItem[]): Range | undefined {
  let range: Range | undefined;
  for (const { textEdit } of items) {
    if (!textEdit || !('range' in textEdit)) return undefined;
    if (!range) range = textEdit.range;
    else if (!sameRange(range, textEdit.range)) return undefined;
  }
  return range;
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** The data every item has but for its id, which is its label. */
function sharedData(items: readonly CompletionItem[]): object | undefined {
  let shared: string | undefined;
  let value: object | undefined;
  for (const item of items) {
    const data = item.data as { id?: unknown } | undefined;
    if (!data || typeof data !== 'object' || data.id !== item.label) return undefined;
    const { id: _label, ...rest } = data;
    const json = JSON.stringify(rest);
    if (shared === undefined) {
      shared = json;
      value = rest;
    } else if (json !== shared) return undefined;
  }
  return value;
}
