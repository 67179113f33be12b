/**
 * Quick fixes. A diagnostic's rule is found by its `code` and the fix reads its `data`,
 * never its message. Every finding on a system or an integration can also be waived.
 */
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit as LspTextEdit } from 'vscode-languageserver';
import type { Analysis, Problem } from '../analysis/analyze';
import { plainText } from '../analysis/plainText';
import { appendToSeq, sharedEdit, type TextEdit } from '../document/edits';
import type { Item } from '../model/manifest';
import { findRule } from '../rules';
import { NULL_LOGGER, type Logger } from '../logger';
import { fixesOf, type FindingData } from '../rules/types';
import { toRange, toSpan } from './protocol';

/** How long a waiver added by the quick fix lasts before it has to be looked at again. */
export const WAIVER_DAYS = 90;

/** The reason a new waiver starts with: it silences the rule, and asks to be replaced by the real reason. */
export const WAIVER_REASON_PLACEHOLDER = 'TODO: say why this deviation from the guidance is accepted';

export interface CodeActionOptions {
  /** Today, YYYY-MM-DD (UTC): a new waiver expires `WAIVER_DAYS` later. */
  today: string;
  /** Told when a rule's fix throws (the other fixes are still offered); none by default. */
  logger?: Logger;
}

export function codeActions(analysis: Analysis, diagnostics: readonly Diagnostic[], options: CodeActionOptions): CodeAction[] {
  const fixes: CodeAction[] = [];
  const waivers: CodeAction[] = [];
  const waived = new Set<string>();
  for (const diagnostic of diagnostics) {
    const rule = typeof diagnostic.code === 'string' ? findRule(diagnostic.code) : undefined;
    if (!rule) continue;
    const span = toSpan(analysis.document, diagnostic.range);
    const data = findingData(diagnostic.data);
    for (const fix of safeFixes(rule.id, options.logger ?? NULL_LOGGER, () => fixesOf(rule, analysis.manifest, span, data)))
      fixes.push({
        // The light bulb's menu shows plain text.
        title: plainText(fix.title),
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        ...(fix.preferred ? { isPreferred: true } : {}),
        edit: { changes: { [analysis.document.uri]: fix.edits.map((e) => toLspEdit(analysis, e)) } },
      });
    const item = waivableItem(analysis, rule.id, span);
    const key = `${rule.id}@${item?.span.start}`;
    if (!item || waived.has(key)) continue;
    waived.add(key);
    const waive = waiveAction(analysis, diagnostic, rule.id, item, options.today);
    if (waive) waivers.push(waive);
  }
  return [...fixes, ...waivers];
}

/** The system or integration that the finding of `rule` at `span` belongs to, if it is still there. */
function waivableItem(analysis: Analysis, rule: string, span: { start: number; end: number }): Item | undefined {
  const problem: Problem | undefined = analysis.problems.find((p) => p.rule === rule && p.span.start === span.start && p.span.end === span.end);
  const item = problem?.item;
  return item && (item.kind === 'system' || item.kind === 'integration') ? item : undefined;
}

/**
 * The action that waives `rule` for `item`; none when the waiver would land in what aliases
 * share (the item's `waivers` are an alias, or the item is): a waiver is about one item.
 */
function waiveAction(analysis: Analysis, diagnostic: Diagnostic, rule: string, item: Item, today: string): CodeAction | undefined {
  const waiver = { rule, reason: WAIVER_REASON_PLACEHOLDER, expires: addDays(today, WAIVER_DAYS) };
  const edit = appendToSeq(analysis.document, item.node, 'waivers', waiver);
  if (sharedEdit(analysis.document, edit)) return undefined;
  return {
    title: `Waive ${rule} for this item...`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: { changes: { [analysis.document.uri]: [toLspEdit(analysis, edit)] } },
  };
}

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function findingData(data: unknown): FindingData {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return {};
  const { rule: _rule, ...rest } = data as Record<string, unknown>;
  return rest;
}

/** A rule's fixes; none when computing them throws (the error is logged, the other rules' fixes are still offered). */
function safeFixes<T>(rule: string, logger: Logger, compute: () => T[]): T[] {
  try {
    return compute();
  } catch (e) {
    logger.error(`The quick fixes of rule ${rule} could not be computed`, e);
    return [];
  }
}

function toLspEdit(analysis: Analysis, edit: TextEdit): LspTextEdit {
  return { range: toRange(analysis.document, edit), newText: edit.newText };
}
