/**
 * Ids at reference positions: systems for `from`/`to`/`systemOfRecord`/`via`, goals for
 * `goals`, systems and actors in `steps`, rule ids in `waivers`. The likeliest come first.
 */
import { CompletionItemKind, MarkupKind, type CompletionItem } from 'vscode-languageserver';
import type { Analysis } from '../../analysis/analyze';
import type { Integration } from '../../model/manifest';
import { RULES } from '../../rules';
import { summaryMarkdown, usageById } from '../hover/summary';
import { candidates, listOfKind, type Candidate, type ListKey } from './candidates';
import type { CursorContext } from './context';
import { lead, replacing, sortText, type CompletionData } from './items';
import { itemIn, itemAt } from '../../model/itemAt';

/** Integrations beyond which completion skips usage counts. */
const LARGE = 2000;

/**
 * From this many ids in a list, each item's summary is made when the editor shows it
 * (`completionItem/resolve`) rather than sent with the list: 300 systems of a shared catalog
 * with their summaries made a list of some 200 KB for every keystroke in a reference.
 */
export const DEFERRED_SUMMARIES_FROM = 50;

/** The lists each reference names: systems for the ends, `via` and `systemOfRecord`; goals; systems or actors in steps. */
export const REFERENCE_LISTS: Readonly<Record<string, readonly ListKey[]>> = {
  'integration.from': ['systems'],
  'integration.to': ['systems'],
  'integration.systemOfRecord': ['systems'],
  'integration.via': ['systems'],
  'integration.goals': ['goals'],
  'step.from': ['systems', 'actors'],
  'step.to': ['systems', 'actors'],
  'view.include.systems': ['systems'],
  'view.include.goals': ['goals'],
};

/** Every position whose value is an id: the references above and the rule of a waiver. */
export const REFERENCE_PATHS: ReadonlySet<string> = new Set([...Object.keys(REFERENCE_LISTS), 'waiver.rule']);

/** Completion items at a reference, or undefined when `path` is not a reference. */
export function referenceItems(analysis: Analysis, ctx: CursorContext, path: string, offset: number): CompletionItem[] | undefined {
  switch (path) {
    case 'integration.from':
    case 'integration.to': {
      const other = ctx.siblings.get(path === 'integration.from' ? 'to' : 'from');
      // Ends are rarely middleware, and an integration from a system to itself is an error.
      return idItems(analysis, ctx, candidates(analysis, 'systems'), (c) => (c.id === other ? 3 : c.family === 'middleware' ? 2 : 1));
    }
    case 'integration.systemOfRecord': {
      const ends = [ctx.siblings.get('from'), ctx.siblings.get('to')];
      return idItems(analysis, ctx, candidates(analysis, 'systems'), (c) => (ends.includes(c.id) ? 0 : c.family === 'middleware' ? 3 : 2));
    }
    case 'integration.via': {
      const ends = [ctx.siblings.get('from'), ctx.siblings.get('to')];
      const systems = candidates(analysis, 'systems').filter((c) => !ctx.listItems.includes(c.id) && !ends.includes(c.id));
      return idItems(analysis, ctx, systems, (c) => (c.family === 'middleware' ? 0 : 2));
    }
    case 'view.include.systems':
      return idItems(analysis, ctx, candidates(analysis, 'systems').filter((c) => !ctx.listItems.includes(c.id)), (c) => (c.family === 'middleware' ? 1 : 0));
    case 'view.include.goals':
    case 'integration.goals': {
      const goals = candidates(analysis, 'goals').filter((c) => !ctx.listItems.includes(c.id));
      return idItems(analysis, ctx, goals, () => 0);
    }
    case 'step.from':
    case 'step.to': {
      const hops = pathOf(itemIn(analysis.manifest.integrations, offset));
      const all = [...candidates(analysis, 'actors'), ...candidates(analysis, 'systems')];
      // The integration's own path in order, then the actors, then the other systems.
      return idItems(analysis, ctx, all, (c) => (hops.includes(c.id) ? 0 : c.kind === 'actor' ? 1 : 2), (c, i) => (hops.includes(c.id) ? hops.indexOf(c.id) : i));
    }
    case 'waiver.rule':
      return ruleIdItems(analysis, ctx, offset);
    default:
      return undefined;
  }
}

/** The systems an integration passes through: `from`, each `via`, `to`. */
function pathOf(integration: Integration | undefined): string[] {
  if (!integration) return [];
  return [integration.from?.id, ...integration.via.map((v) => v.id), integration.to?.id].filter((id): id is string => id !== undefined);
}

function idItems(
  analysis: Analysis,
  ctx: CursorContext,
  list: readonly Candidate[],
  group: (c: Candidate) => number,
  order: (c: Candidate, index: number) => number = (_, index) => index,
): CompletionItem[] {
  // On very large manifests the list leaves out how often each item is used (one pass over every integration); hover shows it.
  const deferred = list.length >= DEFERRED_SUMMARIES_FROM;
  const usage = !deferred && analysis.manifest.integrations.length <= LARGE ? usageById(analysis.manifest) : undefined;
  const lists: ListKey[] = [...new Set(list.map((c) => listOfKind(c.kind)))];
  return list.map((c, index) => ({
    label: c.id,
    kind: c.kind === 'goal' ? CompletionItemKind.Event : c.kind === 'actor' ? CompletionItemKind.Interface : CompletionItemKind.Module,
    detail: [c.name, c.systemKind, c.file].filter(Boolean).join(' · ') || c.kind,
    ...(c.family ? { labelDetails: { description: c.family } } : {}),
    ...(deferred
      ? { data: { doc: 'reference', uri: analysis.document.uri, id: c.id, lists } satisfies CompletionData }
      : { documentation: { kind: MarkupKind.Markdown, value: summaryMarkdown(c, usage ? (usage.get(c.id) ?? []) : undefined) } }),
    sortText: sortText(group(c), order(c, index)),
    filterText: c.id,
    ...replacing(analysis.document, ctx, `${lead(ctx)}${c.id}`),
  }));
}

/** The summary of an id offered with its summary deferred (`DEFERRED_SUMMARIES_FROM`), from the analysis of its manifest as it is now. */
export function resolveReference(analysis: Analysis, data: Extract<CompletionData, { doc: 'reference' }>): string | undefined {
  for (const list of data.lists) {
    const c = candidates(analysis, list).find((x) => x.id === data.id);
    if (!c) continue;
    const usage = analysis.manifest.integrations.length <= LARGE ? (usageById(analysis.manifest).get(c.id) ?? []) : undefined;
    return summaryMarkdown(c, usage);
  }
  return undefined;
}

/** Rule ids for a waiver; the rules that report on this item come first. */
function ruleIdItems(analysis: Analysis, ctx: CursorContext, offset: number): CompletionItem[] {
  const item = itemAt(analysis.manifest, offset);
  // While the rules run elsewhere the list comes in catalog order rather than wait for them.
  const firing = new Set(
    item && analysis.problemsReady !== false ? analysis.problems.filter((p) => p.span.start >= item.span.start && p.span.end <= item.span.end).map((p) => p.rule) : [],
  );
  return RULES.filter((r) => r.id !== 'yaml-syntax').map((rule, index) => {
    const data: CompletionData = { doc: 'rule', id: rule.id };
    return {
      label: rule.id,
      kind: CompletionItemKind.Constant,
      detail: rule.summary,
      ...(firing.has(rule.id) ? { labelDetails: { description: 'reports on this item' } } : {}),
      sortText: sortText(firing.has(rule.id) ? 0 : 1, index),
      ...replacing(analysis.document, ctx, `${lead(ctx)}${rule.id}`),
      data,
    };
  });
}
