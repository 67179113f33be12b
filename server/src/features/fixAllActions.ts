/**
 * Fix all in the editor: `source.fixAll.integration-manifest` (what `editor.codeActionsOnSave`
 * asks for, and "Fix All" in the Source Action menu) applies every preferred quick fix of the
 * manifest; "Apply all recommended patterns to this integration" those of the integration at
 * the cursor. Both run `fixAll` (analysis/fixAll.ts): passes until no fix is left, never on a
 * text with YAML errors, comments kept. The edit replaces only the stretch that changed.
 */
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import type { Analysis, AnalysisOptions } from '../analysis/analyze';
import { fixableProblems, fixAll } from '../analysis/fixAll';
import type { TextEdit } from '../document/edits';
import { integrationAt } from '../model/itemAt';
import { toRange } from './protocol';

/** The code action kind of fix-all for manifests: `source.fixAll` for this language. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.integration-manifest`;

export const APPLY_PATTERNS_TITLE = 'Apply all recommended patterns to this integration';

/** Whether a request's `only` asks for fix-all (`source`, `source.fixAll` or our own kind). */
export function wantsFixAll(only: readonly string[] | undefined): boolean {
  return !!only?.some((kind) => FIX_ALL_KIND === kind || FIX_ALL_KIND.startsWith(`${kind}.`));
}

/** Every preferred fix of the manifest as one action; none when there is nothing to fix or the YAML has errors. */
export function fixAllAction(analysis: Analysis, options: AnalysisOptions): CodeAction | undefined {
  const edit = fixAllEdit(analysis, options);
  return edit && { title: 'Apply every recommended fix of the integration guidance', kind: FIX_ALL_KIND, edit: { changes: { [analysis.document.uri]: [edit] } } };
}

/** What a deferred "Apply all recommended patterns" action carries until `codeAction/resolve` makes its edit. */
export interface ApplyPatternsData {
  applyPatterns: string;
  uri: string;
  version: number;
}

/**
 * The recommended patterns of the integration at `offset`, as one quick fix, when it has a
 * finding with a preferred fix. Offered only with diagnostics in the request (the cursor on a
 * finding), and without its edit: `resolveApplyPatterns` makes it (`codeAction/resolve`) when
 * the action is chosen. The light bulb asks for actions each time the cursor moves, and
 * fix-all analyses the manifest pass after pass: it runs only for the action chosen.
 */
export function applyPatternsAction(analysis: Analysis, offset: number, diagnostics: readonly Diagnostic[], version: number): CodeAction | undefined {
  if (!diagnostics.length) return undefined;
  const integration = integrationAt(analysis.manifest, offset);
  if (!integration?.id || !fixableProblems(analysis, integration.id).length) return undefined;
  const data: ApplyPatternsData = { applyPatterns: integration.id, uri: analysis.document.uri, version };
  return { title: APPLY_PATTERNS_TITLE, kind: CodeActionKind.QuickFix, diagnostics: [...diagnostics], data };
}

/** The deferred action's data when it has the shape `applyPatternsAction` gives (it comes back from the client), else undefined. */
export function readApplyPatternsData(data: unknown): ApplyPatternsData | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const { applyPatterns, uri, version } = data as Record<string, unknown>;
  return typeof applyPatterns === 'string' && typeof uri === 'string' && typeof version === 'number' ? { applyPatterns, uri, version } : undefined;
}

/** The deferred action with its edit, made on `analysis` (the document at the version the action was offered for); without an edit when nothing is left to fix. */
export function resolveApplyPatterns(action: CodeAction, analysis: Analysis, data: ApplyPatternsData, options: AnalysisOptions): CodeAction {
  const edit = fixAllEdit(analysis, { ...options, integrationId: data.applyPatterns });
  return edit ? { ...action, edit: { changes: { [analysis.document.uri]: [edit] } } } : action;
}

function fixAllEdit(analysis: Analysis, options: AnalysisOptions & { integrationId?: string }): { range: ReturnType<typeof toRange>; newText: string } | undefined {
  const before = analysis.document.text;
  const { text } = fixAll(before, analysis.document.uri, options);
  if (text === before) return undefined;
  const edit = changedStretch(before, text);
  return { range: toRange(analysis.document, edit), newText: edit.newText };
}

/** The one edit from `before` to `after`: what lies between their common start and common end. */
function changedStretch(before: string, after: string): TextEdit {
  let start = 0;
  while (start < before.length && start < after.length && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  // Never split a surrogate pair or a CRLF.
  while (start > 0 && splits(before, start)) start--;
  while (end > 0 && splits(before, before.length - end)) end--;
  return { start, end: before.length - end, newText: after.slice(start, after.length - end) };
}

/** Whether `offset` falls inside a surrogate pair or a CRLF of `text`. */
function splits(text: string, offset: number): boolean {
  const code = text.charCodeAt(offset);
  return (code >= 0xdc00 && code <= 0xdfff) || (text[offset - 1] === '\r' && text[offset] === '\n');
}
