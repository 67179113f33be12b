/**
 * Completion: keys, values, ids at references and snippets for new items, at any
 * position of a manifest, including a half-written one. The position is read from the text
 * (completion/context.ts); the given analysis supplies the declared items. Nothing here
 * re-analyzes the document.
 */
import { CompletionTriggerKind, MarkupKind, type CompletionItem, type CompletionList } from 'vscode-languageserver';
import type { Analysis } from '../analysis/analyze';
import { cursorContext, type CursorContext } from './completion/context';
import type { CompletionData } from './completion/items';
import { completionData } from './completion/itemDefaults';
import { keyItems } from './completion/keys';
import { referenceItems, resolveReference } from './completion/references';
import { LIST_KEYS } from './completion/candidates';
import { guidancePath, ITEM, schemaAt } from './completion/schema';
import { snippetItems } from './completion/snippets';
import { starterItems } from './completion/starter';
import { valueItems } from './completion/values';
import { keyMarkdown, valueMarkdown } from './guidance';
import { ruleMarkdown } from './hover/rule';

export function complete(analysis: Analysis, offset: number): CompletionItem[] {
  return completionList(analysis, offset).items;
}

/**
 * The completion list at `offset`. A list of values (an enum, ids, rates) is incomplete: the
 * editor asks again at each character typed (`TriggerForIncompleteCompletions`), and once the
 * value typed is one of them in full, the answer is empty, which closes the list. So the Tab a
 * person presses after typing `on-premises` goes to the next field of a snippet instead of
 * accepting the suggestion again, and the words typed next land where they belong.
 */
export function completionList(analysis: Analysis, offset: number, triggerKind: CompletionTriggerKind = CompletionTriggerKind.Invoked): CompletionList {
  const found = cursorContext(analysis.document, offset);
  if (!found) return { isIncomplete: false, items: [] };
  // A cursor in the spaces before a value replaces from the cursor on (an edit's range must hold the cursor).
  const ctx = found.range.start > offset ? { ...found, range: { start: offset, end: found.range.end }, typed: '' } : found;
  const items = itemsAt(analysis, ctx, offset);
  if (ctx.kind === 'key') return { isIncomplete: false, items };
  const typedInFull = ctx.typed !== '' && ctx.range.end <= offset && items.some((item) => item.label === ctx.typed);
  return { isIncomplete: true, items: typedInFull && triggerKind === CompletionTriggerKind.TriggerForIncompleteCompletions ? [] : items };
}

function itemsAt(analysis: Analysis, ctx: CursorContext, offset: number): CompletionItem[] {
  switch (ctx.kind) {
    case 'key':
      return keyPosition(analysis, ctx, offset);
    case 'value':
    case 'listItem': {
      const valuePath = [...ctx.path, ctx.key!];
      const path = guidancePath(valuePath);
      return referenceItems(analysis, ctx, path, offset) ?? valueItems(analysis, ctx, path, schemaAt(ctx.kind === 'listItem' ? [...valuePath, ITEM] : valuePath));
    }
  }
}

function keyPosition(analysis: Analysis, ctx: CursorContext, offset: number): CompletionItem[] {
  const keys = [...starterItems(analysis, ctx), ...keyItems(analysis, ctx)];
  // Snippets write a whole block-style item: never inside a flow map (`- { id: erp, | }`), where they would replace the braces.
  if (!ctx.newItem || ctx.flow || ctx.path.at(-1) !== ITEM) return keys;
  return [...snippetItems(analysis, ctx, guidancePath(ctx.path), offset), ...keys];
}

/**
 * Adds the documentation of a key, a value, a rule id or an id of a long list (kept out of the
 * list itself so the list stays small). `analysisOf` gives the analysis of a manifest as it is
 * now, for the summary of an id.
 */
export function resolveCompletion(item: CompletionItem, analysisOf: (uri: string) => Analysis | undefined = () => undefined): CompletionItem {
  if (item.documentation !== undefined) return item;
  const value = documentationOf(completionData(item), analysisOf);
  return value ? { ...item, documentation: { kind: MarkupKind.Markdown, value } } : item;
}

function documentationOf(data: CompletionData | undefined, analysisOf: (uri: string) => Analysis | undefined): string | undefined {
  switch (data?.doc) {
    case 'reference': {
      const analysis = typeof data.uri === 'string' && typeof data.id === 'string' && Array.isArray(data.lists) ? analysisOf(data.uri) : undefined;
      return analysis ? resolveReference(analysis, { ...data, lists: data.lists.filter((l) => LIST_KEYS.includes(l)) }) : undefined;
    }
    case 'key':
      return keyMarkdown(data.path, data.key, schemaAt(data.schemaPath));
    case 'value':
      return valueMarkdown(data.path, data.key, data.value);
    case 'rule':
      return ruleMarkdown(data.id);
    default:
      return undefined;
  }
}
