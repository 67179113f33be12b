/**
 * Hover: guidance on keys and values, the summary of a referenced item, the
 * derived facts and findings of an integration, and what a rule id stands for. The token
 * under the cursor is found from the text (completion/context.ts), so hover works on a
 * half-written document too.
 */
import { MarkupKind, type Hover } from 'vscode-languageserver';
import type { Analysis } from '../analysis/analyze';
import type { Item, ItemKind } from '../model/manifest';
import { formatPerHour, ratePerHour } from '../model/rate';
import { candidateOf, candidates, type Candidate, type ListKey } from './completion/candidates';
import { cursorContext, type CursorContext } from './completion/context';
import { isRatePath } from './completion/keys';
import { REFERENCE_LISTS } from './completion/references';
import { guidancePath, schemaAt } from './completion/schema';
import { keyMarkdown, valueGuidance, valueMarkdown } from './guidance';
import { integrationMarkdown } from './hover/integration';
import { ruleMarkdown } from './hover/rule';
import { systemImpactMarkdown } from './hover/impact';
import { summaryMarkdown, usageById } from './hover/summary';
import { itemIn, itemAt } from '../model/itemAt';
import { own } from '../model/lookup';

export function hover(analysis: Analysis, offset: number): Hover | null {
  const ctx = cursorContext(analysis.document, offset);
  // The character at `offset` must belong to the token: a position just past its end is not over it.
  if (!ctx || offset < ctx.range.start || offset >= ctx.range.end) return null;
  const value = ctx.kind === 'key' ? keyHover(ctx) : valueHover(analysis, ctx, offset);
  if (!value) return null;
  const lines = analysis.document.lines;
  return {
    contents: { kind: MarkupKind.Markdown, value },
    range: { start: lines.positionAt(ctx.range.start), end: lines.positionAt(ctx.range.end) },
  };
}

/** Whether the hover at `offset` lists findings (an integration's id or name): it reads the problems of every rule. */
export function hoverListsFindings(analysis: Analysis, offset: number): boolean {
  const ctx = cursorContext(analysis.document, offset);
  if (!ctx || ctx.kind === 'key' || ctx.key === undefined || offset < ctx.range.start || offset >= ctx.range.end) return false;
  return showsIntegration(guidancePath([...ctx.path, ctx.key]));
}

/** The values whose hover shows their integration's facts and findings. */
function showsIntegration(path: string): boolean {
  return path === 'integration.id' || path === 'integration.name';
}

function keyHover(ctx: CursorContext): string | undefined {
  if (!ctx.hasColon || ctx.key === undefined) return undefined;
  const keyPath = [...ctx.path, ctx.key];
  if (guidancePath(ctx.path) === 'rules') return ruleMarkdown(ctx.key);
  const schema = schemaAt(keyPath);
  return schema ? keyMarkdown(guidancePath(keyPath), ctx.key, schema) : undefined;
}

/** The ids of items themselves: hovering one shows the item's summary or, for an integration, its facts. */
const OWN_IDS: Readonly<Record<string, ListKey>> = { 'system.id': 'systems', 'goal.id': 'goals', 'actor.id': 'actors' };
const KIND_NAMES: Readonly<Record<ListKey, ItemKind>> = { systems: 'system', goals: 'goal', actors: 'actor', integrations: 'integration' };

function valueHover(analysis: Analysis, ctx: CursorContext, offset: number): string | undefined {
  const word = unquote(analysis.document.text.slice(ctx.range.start, ctx.range.end));
  const keyPath = [...ctx.path, ctx.key!];
  const path = guidancePath(keyPath);
  const lists = own(REFERENCE_LISTS, path);
  if (lists) return referenceHover(analysis, word, lists);
  if (path === 'waiver.rule') return ruleMarkdown(word);
  if (showsIntegration(path)) {
    const integration = itemIn(analysis.manifest.integrations, offset);
    if (integration) return integrationMarkdown(analysis, integration);
  }
  const ownList = own(OWN_IDS, path);
  if (ownList) {
    const item = itemAt(analysis.manifest, offset);
    if (item && item.id === word) return ownSummary(analysis, item);
    return referenceHover(analysis, word, [ownList]);
  }
  if (path === 'rule') {
    const severity = valueMarkdown(path, 'severity', word);
    return [severity, ruleMarkdown(ctx.key!)].filter(Boolean).join('\n\n---\n\n');
  }
  const schema = schemaAt(ctx.kind === 'listItem' ? [...keyPath, '[]'] : keyPath);
  const keyDoc = keyMarkdown(path, ctx.key!, schemaAt(keyPath));
  if (isRatePath(path)) {
    const perHour = ratePerHour(word);
    return perHour === undefined ? keyDoc : `**\`${word}\`** is **${formatPerHour(perHour)}**.\n\n---\n\n${keyDoc}`;
  }
  if (valueGuidance(path, word)) return valueMarkdown(path, ctx.key!, word);
  return schema ? keyDoc : undefined;
}

function referenceHover(analysis: Analysis, id: string, lists: readonly ListKey[]): string {
  for (const list of lists) {
    const found = candidates(analysis, list).find((c) => c.id === id);
    if (found) return withImpact(analysis, found, summaryMarkdown(found, usageById(analysis.manifest).get(id) ?? [], usedElsewhere(analysis, found)));
  }
  const what = lists.map((l) => KIND_NAMES[l]).join(' or ');
  return `No ${what} with id \`${id}\` is declared in this manifest${analysis.manifest.estate ? ' or the manifests it imports' : ''}.`;
}

function ownSummary(analysis: Analysis, item: Item): string {
  const candidate = candidateOf(item);
  return withImpact(analysis, candidate, summaryMarkdown(candidate, usageById(analysis.manifest).get(item.id) ?? [], usedElsewhere(analysis, candidate)));
}

/** Whether integrations of other manifests of the estate name the item. */
function usedElsewhere(analysis: Analysis, item: Candidate): boolean {
  const elsewhere = analysis.manifest.estate?.elsewhere;
  if (!elsewhere) return false;
  return (item.kind === 'goal' ? elsewhere.goals : elsewhere.systems).includes(item.id);
}

/** A system's summary with its integrations in and out and its up- and downstream counts. */
function withImpact(analysis: Analysis, item: Candidate, summary: string): string {
  const impact = item.kind === 'system' ? systemImpactMarkdown(analysis.manifest, item.id) : undefined;
  return impact ? `${summary}\n\n${impact}` : summary;
}

function unquote(text: string): string {
  return /^(["']).*\1$/.test(text) ? text.slice(1, -1) : text;
}
