/** Building blocks of completion items: the edit at the cursor, snippet escaping, sort keys, and what resolve needs. */
import { InsertTextFormat, InsertTextMode, type CompletionItem, type TextEdit } from 'vscode-languageserver';
import type { ManifestDocument } from '../../document/manifestDocument';
import type { Span } from '../../document/range';
import type { CursorContext } from './context';
import type { ListKey } from './candidates';

/** What `resolveCompletion` needs to add an item's documentation; travels through the client as JSON. */
export type CompletionData =
  | { doc: 'key'; path: string; key: string; schemaPath: string[] }
  | { doc: 'value'; path: string; key: string; value: string }
  | { doc: 'rule'; id: string }
  /** An id of a long list of references (its summary is made when the item is shown: `resolveReference`). */
  | { doc: 'reference'; uri: string; id: string; lists: ListKey[] };

export function textEdit(document: ManifestDocument, range: Span, newText: string): TextEdit {
  return { range: { start: document.lines.positionAt(range.start), end: document.lines.positionAt(range.end) }, newText };
}

/** Text that replaces the token at the cursor; a snippet when `snippet`, kept as written (not re-indented) when it spans lines. */
export function replacing(document: ManifestDocument, ctx: CursorContext, newText: string, snippet = false): Partial<CompletionItem> {
  return {
    textEdit: textEdit(document, ctx.range, newText),
    ...(snippet ? { insertTextFormat: InsertTextFormat.Snippet } : {}),
    ...(newText.includes('\n') ? { insertTextMode: InsertTextMode.asIs } : {}),
  };
}

/** Re-opens the suggestion list after inserting, for keys whose values can be completed too. */
export const TRIGGER_SUGGEST = { title: 'Suggest values', command: 'editor.action.triggerSuggest' };

/** Sorts by group, then by index in the group. Snippets for new items are group 0, keys 1 (required) and 2. */
export function sortText(group: number, index: number): string {
  return `${group}${String(index).padStart(4, '0')}`;
}

/** Escapes text for a snippet placeholder or plain snippet text. */
export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

/** What goes before inserted text: the dash of a new list item, or a space after `:` or `-`. */
export function lead(ctx: CursorContext): string {
  return ctx.needsDash ? '- ' : ctx.needsSpace ? ' ' : '';
}

/** The column where the keys of what is inserted sit (after the dash of a new item). */
export function contentColumn(ctx: CursorContext): number {
  return ctx.needsDash ? ctx.column + 2 : ctx.column + (ctx.needsSpace ? 1 : 0);
}

/** Joins lines written relative to the first one, indenting the following ones to `column`. */
export function indentLines(lines: readonly string[], column: number): string {
  const pad = ' '.repeat(column);
  return lines.map((line, i) => (i === 0 ? line : pad + line)).join('\n');
}
