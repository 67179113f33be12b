/**
 * Problems as LSP diagnostics: `code` is the rule id, `codeDescription` links the rule's
 * page, and `data` carries what the rule's quick fixes need (code actions read it back).
 */
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver';
import type { Analysis, Problem } from '../analysis/analyze';
import { ruleDocsUrl } from '../rules/docsUrl';
import type { FindingData, Severity } from '../rules/types';
import { toRange } from './protocol';

export const DIAGNOSTIC_SOURCE = 'integration-manifest';

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
    codeDescription: { href: ruleDocsUrl(problem.rule) },
    source: DIAGNOSTIC_SOURCE,
    message: problem.message,
    ...(UNUSED_RULES.has(problem.rule) ? { tags: [DiagnosticTag.Unnecessary] } : {}),
    data,
  };
}

export function diagnostics(analysis: Analysis): Diagnostic[] {
  return analysis.problems.map((p) => toDiagnostic(analysis, p));
}

/** The one diagnostic shown when checking the manifest itself failed: the server keeps answering. */
export function internalErrorDiagnostic(error: unknown): Diagnostic {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Error,
    code: 'internal-error',
    source: DIAGNOSTIC_SOURCE,
    message: `The manifest could not be checked (${reason}). The other features still work; please report this with the manifest that causes it.`,
  };
}
