/**
 * Problems as LSP diagnostics: `code` is the rule id, `codeDescription` links the rule's
 * page, and `data` carries what the rule's quick fixes need (code actions read it back).
 */
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver';
import { INTERNAL_ERROR, runToEnd, type Analysis, type Problem } from '../analysis/analyze';
import { plainText } from '../analysis/plainText';
import { LANGUAGE_ID } from '../../../shared/src/names';
import { ruleDocsUrl } from '../../../shared/src/product';
import { DEFAULT_MAX_PROBLEMS } from '../../../shared/src/settings';
import { SEVERITY_RANK, type FindingData, type Severity } from '../rules/types';
import { toRange } from './protocol';


/** What a diagnostic's `data` holds: the rule id and the finding's own data. */
export type DiagnosticData = FindingData & { rule: string };

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Rules whose finding marks something declared and never used: the editor fades it. */
const UNUSED_RULES: ReadonlySet<string> = new Set(['unused-goal', 'unused-system']);

export function toDiagnostic(analysis: Analysis, problem: Problem): Diagnostic {
  const data: DiagnosticData = { ...problem.data, rule: problem.rule };
  return {
    range: toRange(analysis.document, problem.span),
    severity: SEVERITY[problem.severity],
    code: problem.rule,
    // A rule that threw has no page of its own to link (its message names the rule).
    ...(problem.rule === INTERNAL_ERROR ? {} : { codeDescription: { href: ruleDocsUrl(problem.rule) } }),
    source: LANGUAGE_ID,
    // The Problems panel shows plain text: quotes in backticks become single quotes.
    message: plainText(problem.message),
    ...(UNUSED_RULES.has(problem.rule) ? { tags: [DiagnosticTag.Unnecessary] } : {}),
    // The other places in the estate it is about (the other occurrence of a duplicate id), in their own files.
    ...(problem.related ? { relatedInformation: problem.related.map((r) => ({ location: { uri: r.at.uri, range: r.at.range }, message: plainText(r.message) })) } : {}),
    data,
  };
}

/** The code of the note that says some findings are not shown. */
export const MORE_FINDINGS_CODE = 'more-findings';

/** The diagnostics of an analysis, at most `maxProblems` of them (then a note saying how many more there are). */
export function diagnostics(analysis: Analysis, maxProblems = DEFAULT_MAX_PROBLEMS): Diagnostic[] {
  const result: Diagnostic[] = [];
  for (const step of diagnosticsInSteps(analysis, maxProblems, result)) void step;
  return result;
}

/**
 * `diagnostics`, one diagnostic per step (for work done a slice at a time), gathered into
 * `result`. Tens of thousands of findings would make a message of tens of MB that the editor
 * could not use anyway: past `maxProblems`, the most severe are kept, in document order.
 */
export function* diagnosticsInSteps(analysis: Analysis, maxProblems: number, result: Diagnostic[] = []): Generator<void, Diagnostic[]> {
  const problems = analysis.problems;
  const shown = yield* mostSevereSteps(problems, maxProblems);
  for (const problem of shown) {
    result.push(toDiagnostic(analysis, problem));
    yield;
  }
  if (shown.length < problems.length) result.push(moreFindingsDiagnostic(shown.length, problems.length));
  return result;
}

/** At most `max` problems: all of the more severe ones, then the first of the next severity; order kept. */
export function mostSevere(problems: readonly Problem[], max: number): readonly Problem[] {
  return runToEnd(mostSevereSteps(problems, max));
}

/** How many problems `mostSevereSteps` reads between two steps (well under a millisecond). */
const PROBLEMS_PER_STEP = 1000;

/** `mostSevere`, a step after every `PROBLEMS_PER_STEP` problems read (a 10 MB manifest has 170,000: tens of milliseconds). */
function* mostSevereSteps(problems: readonly Problem[], max: number): Generator<void, readonly Problem[]> {
  const limit = Math.max(0, Math.floor(max));
  if (problems.length <= limit) return problems;
  const counts = [0, 0, 0, 0];
  for (let i = 0; i < problems.length; i++) {
    counts[SEVERITY_RANK[problems[i]!.severity]]!++;
    if ((i + 1) % PROBLEMS_PER_STEP === 0) yield;
  }
  // The least severe rank shown, and how many of that rank fit.
  let rank = 0;
  let room = limit;
  while (rank < 3 && counts[rank]! < room) room -= counts[rank++]!;
  const shown: Problem[] = [];
  for (let i = 0; i < problems.length; i++) {
    const p = problems[i]!;
    const r = SEVERITY_RANK[p.severity];
    if (r < rank) shown.push(p);
    else if (r === rank && room > 0) {
      shown.push(p);
      room--;
    }
    if ((i + 1) % PROBLEMS_PER_STEP === 0) yield;
  }
  return shown;
}

/** The note shown, at the top of the manifest, when findings are left out. */
export function moreFindingsDiagnostic(shown: number, total: number): Diagnostic {
  // Thousands separated by commas, without `toLocaleString` (its first call loads locale data: ~10 ms).
  const count = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    code: MORE_FINDINGS_CODE,
    source: LANGUAGE_ID,
    message:
      `This manifest has ${count(total)} findings; the ${count(shown)} most severe are shown. ` +
      'Fix those first, or raise the setting "integrationManifests.maxProblems" to see more; ' +
      '"integration-manifests lint" on the command line lists them all.',
  };
}

/** The one diagnostic shown when checking the manifest itself failed: the server keeps answering. */
export function internalErrorDiagnostic(error: unknown): Diagnostic {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Error,
    code: INTERNAL_ERROR,
    source: LANGUAGE_ID,
    message: `The manifest could not be checked (${reason}). The other features still work; please report this with the manifest that causes it.`,
  };
}
