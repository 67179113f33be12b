/** Keys allowed at the cursor and not yet written, with their documentation; rule ids under `rules:`. */
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver';
import type { Analysis } from '../../analysis/analyze';
import type { JsonSchema } from '../../model/vocabulary';
import { RULES } from '../../rules';
import type { CursorContext } from './context';
import { contentColumn, escapeSnippet, lead, replacing, sortText, TRIGGER_SUGGEST, type CompletionData } from './items';
import { REFERENCE_PATHS } from './references';
import { enumValues, firstSentence, guidancePath, objectBranch, schemaAt, typeOf } from './schema';

const RATE_PATHS = new Set(['integration.volume', 'integration.peak', 'rule.threshold']);
/** Where a domain is written: a system's, and the domains a saved view includes. */
export const DOMAIN_PATHS: ReadonlySet<string> = new Set(['system.domain', 'view.include.domains']);

/** Whether the completion offers values for this key (so the list re-opens after the key is inserted). */
export function hasValueCompletions(path: string, schema: JsonSchema | undefined): boolean {
  const type = typeOf(schema);
  return REFERENCE_PATHS.has(path) || DOMAIN_PATHS.has(path) || RATE_PATHS.has(path) || path === 'integration.frequency' || type === 'boolean' || enumValues(schema) !== undefined;
}

export function isRatePath(path: string): boolean {
  return RATE_PATHS.has(path);
}

export function keyItems(analysis: Analysis, ctx: CursorContext): CompletionItem[] {
  if (guidancePath(ctx.path) === 'rules') return ruleKeyItems(analysis, ctx);
  const object = objectBranch(schemaAt(ctx.path));
  const properties = object?.properties;
  if (!properties) return [];
  const required = new Set(object.required ?? []);
  const items: CompletionItem[] = [];
  Object.keys(properties).forEach((key, index) => {
    if (ctx.siblings.has(key)) return;
    const schemaPath = [...ctx.path, key];
    const schema = schemaAt(schemaPath);
    const path = guidancePath(schemaPath);
    const { text, snippet, suggest } = keyInsert(ctx, key, path, schema);
    const data: CompletionData = { doc: 'key', path, key, schemaPath };
    items.push({
      label: key,
      kind: CompletionItemKind.Property,
      ...(firstSentence(schema?.description) ? { detail: firstSentence(schema?.description)! } : {}),
      sortText: sortText(required.has(key) ? 1 : 2, index),
      filterText: key,
      ...replacing(analysis.document, ctx, text, snippet),
      ...(suggest ? { command: TRIGGER_SUGGEST } : {}),
      data,
    });
  });
  return items;
}

/** The text a key inserts: `key: ` for a scalar, the key and an indented line for a map or a list (`{ }` or `[ ]` inside a flow collection). */
function keyInsert(ctx: CursorContext, key: string, path: string, schema: JsonSchema | undefined): { text: string; snippet: boolean; suggest: boolean } {
  if (ctx.hasColon) return { text: key, snippet: false, suggest: false };
  const before = lead(ctx);
  const suggest = hasValueCompletions(path, schema);
  const type = typeOf(schema);
  const child = ' '.repeat(contentColumn(ctx) + 2);
  const name = escapeSnippet(key);
  if (type !== 'object' && type !== 'array') return { text: `${before}${key}: `, snippet: false, suggest };
  if (path === 'integration.errorHandling.retry')
    return { text: `${before}${name}: { attempts: \${1:5}, backoff: \${2:exponential} }`, snippet: true, suggest: false };
  // Inside a flow collection everything stays on one line: a map or a list opens in flow style too.
  if (ctx.flow) {
    if (type === 'object') return { text: `${before}${name}: { $0 }`, snippet: true, suggest: true };
    if (typeOf(schemaAt([...ctx.path, key, '[]'])) === 'object') return { text: `${before}${name}: [{ $0 }]`, snippet: true, suggest: true };
    return { text: `${before}${name}: [$0]`, snippet: true, suggest };
  }
  if (type === 'object') return { text: `${before}${name}:\n${child}$0`, snippet: true, suggest: true };
  if (typeOf(schemaAt([...ctx.path, key, '[]'])) === 'object') return { text: `${before}${name}:\n${child}- $0`, snippet: true, suggest: true };
  return { text: `${before}${name}: [$0]`, snippet: true, suggest };
}

function ruleKeyItems(analysis: Analysis, ctx: CursorContext): CompletionItem[] {
  const items: CompletionItem[] = [];
  RULES.forEach((rule, index) => {
    if (ctx.siblings.has(rule.id)) return;
    const data: CompletionData = { doc: 'rule', id: rule.id };
    items.push({
      label: rule.id,
      kind: CompletionItemKind.Property,
      detail: rule.summary,
      sortText: sortText(1, index),
      ...replacing(analysis.document, ctx, ctx.hasColon ? rule.id : `${lead(ctx)}${rule.id}: `),
      ...(ctx.hasColon ? {} : { command: TRIGGER_SUGGEST }),
      data,
    });
  });
  return items;
}
