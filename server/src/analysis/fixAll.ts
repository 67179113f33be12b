/**
 * Fix all: apply every preferred quick fix, pass after pass, until none is left (SPEC 12). The
 * engine of `lint --fix`, of `source.fixAll.integration-manifest` (so
 * `editor.codeActionsOnSave` works) and of "Apply all recommended patterns to this
 * integration". Pure: text in, text out.
 *
 * Each pass analyses the text, takes the preferred fix of each finding (in the order of the
 * findings), keeps those whose edits touch nothing another kept fix edits, and applies them at
 * once; a fix held back goes in a later pass, on the text as it then is. A text with YAML errors
 * is never touched: where its nodes end is not known, and an edit could land anywhere.
 */
import type { Span } from '../document/range';
import { applyEdits, type TextEdit } from '../document/edits';
import { findRule } from '../rules';
import { fixesOf } from '../rules/types';
import { analyzeText, type Analysis, type AnalysisOptions, type Problem } from './analyze';

/** The most passes fix-all makes: a fix that needs a later one (a key added, then its value fixed) is at most a few deep. */
export const MAX_FIX_PASSES = 10;

export interface AppliedFix {
  rule: string;
  /** The fix's title (Markdown, as rules write it). */
  title: string;
  /** The item the finding was on, if any. */
  item?: { kind: string; id: string };
  pass: number;
}

export interface FixAllResult {
  /** The text after every fix; the text given when nothing applied or it has YAML errors. */
  text: string;
  applied: AppliedFix[];
  passes: number;
  /** The analysis of `text`: what remains. */
  analysis: Analysis;
  /** Set when the text was left alone because it has YAML errors. */
  yamlErrors?: true;
}

export interface FixAllOptions extends AnalysisOptions {
  /** Only the findings on this integration (its id) and inside it. */
  integrationId?: string;
  maxPasses?: number;
}

export function fixAll(text: string, uri: string | undefined, options: FixAllOptions = {}): FixAllResult {
  const { integrationId, maxPasses = MAX_FIX_PASSES, ...analysisOptions } = options;
  let analysis = analyzeText(text, uri, analysisOptions);
  if (hasYamlErrors(analysis)) return { text, applied: [], passes: 0, analysis, yamlErrors: true };
  const applied: AppliedFix[] = [];
  const seen = new Set([text]);
  let passes = 0;
  while (passes < maxPasses) {
    const picked = preferredFixes(analysis, integrationId);
    if (!picked.length) break;
    const next = applyEdits(analysis.document.text, picked.flatMap((p) => p.edits));
    // A pass that changes nothing, comes back to an earlier text, or breaks the YAML ends fix-all (the last good text stays).
    if (seen.has(next)) break;
    const after = analyzeText(next, uri, analysisOptions);
    if (hasYamlErrors(after)) break;
    passes++;
    seen.add(next);
    applied.push(...picked.map(({ rule, title, item }) => ({ rule, title, ...(item ? { item } : {}), pass: passes })));
    analysis = after;
  }
  return { text: analysis.document.text, applied, passes, analysis };
}

/** The findings of `analysis` (on `integrationId` only, when given) that have a preferred fix. */
export function fixableProblems(analysis: Analysis, integrationId?: string): Problem[] {
  return preferredFixes(analysis, integrationId, false).map((p) => p.problem);
}

interface Picked {
  problem: Problem;
  rule: string;
  title: string;
  item: { kind: string; id: string } | undefined;
  edits: TextEdit[];
}

/** One preferred fix per finding, none of whose edits meets another's (unless `disjoint` is false: every fixable finding). */
function preferredFixes(analysis: Analysis, integrationId: string | undefined, disjoint = true): Picked[] {
  const scope = integrationId === undefined ? undefined : analysis.manifest.integrations.find((i) => i.id === integrationId);
  if (integrationId !== undefined && !scope) return [];
  const taken: Span[] = [];
  const picked: Picked[] = [];
  for (const problem of analysis.problems) {
    if (scope && problem.item !== scope && !(problem.span.start >= scope.span.start && problem.span.end <= scope.span.end)) continue;
    const rule = findRule(problem.rule);
    if (!rule) continue;
    let fix;
    try {
      fix = fixesOf(rule, analysis.manifest, problem.span, problem.data).find((f) => f.preferred);
    } catch {
      continue; // a fix that throws is left out here as in the editor (where it is logged)
    }
    if (!fix || !fix.edits.length) continue;
    if (disjoint && fix.edits.some((e) => taken.some((t) => meets(e, t)))) continue;
    taken.push(...fix.edits);
    picked.push({ problem, rule: rule.id, title: fix.title, item: problem.item ? { kind: problem.item.kind, id: problem.item.id } : undefined, edits: fix.edits });
  }
  return picked;
}

/** Whether two edits overlap or insert at the same place (their order there would be a guess). */
function meets(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end ? true : a.start === b.start || (a.start === a.end && a.start >= b.start && a.start <= b.end) || (b.start === b.end && b.start >= a.start && b.start <= a.end);
}

function hasYamlErrors(analysis: Analysis): boolean {
  return analysis.problems.some((p) => p.rule === 'yaml-syntax');
}
