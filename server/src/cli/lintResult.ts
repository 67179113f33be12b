/** One finding of the command line, with 1-based positions and its message as plain text (the `json` format README documents). */
import type { Analysis, Problem } from '../analysis/analyze';
import { plainText } from '../analysis/plainText';
import type { Severity } from '../rules/types';

export interface LintFinding {
  file: string;
  rule: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Places in other manifests the finding is about too (the other occurrence of a duplicate id): the file relative to the current directory, 1-based. */
  related?: RelatedFinding[];
}

export interface RelatedFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

export function toLintFindings(file: string, analysis: Analysis, problems: readonly Problem[] = analysis.problems): LintFinding[] {
  const { lines } = analysis.document;
  return problems.map((p) => {
    const start = lines.positionAt(p.span.start);
    const end = lines.positionAt(p.span.end);
    return {
      file,
      rule: p.rule,
      severity: p.severity,
      message: plainText(p.message),
      line: start.line + 1,
      column: start.character + 1,
      endLine: end.line + 1,
      endColumn: end.character + 1,
      ...(p.related
        ? {
            related: p.related.map((r) => ({
              file: r.at.file,
              line: r.at.range.start.line + 1,
              column: r.at.range.start.character + 1,
              endLine: r.at.range.end.line + 1,
              endColumn: r.at.range.end.character + 1,
              message: plainText(r.message),
            })),
          }
        : {}),
    };
  });
}
