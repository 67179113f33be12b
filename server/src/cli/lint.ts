import { isAbsolute, normalize } from 'node:path';
import { glob } from 'tinyglobby';
import { fixAll } from '../analysis/fixAll';
import { fixReport, type FixReport } from './fixReport';
import { formatSarif, sarifOptions } from './formatSarif';
import { formatStylish } from './formatStylish';
import { toLintFindings, type LintFinding } from './lintResult';
import { readEstate } from './estate';
import { CliError, writeOutputFile, type CliIo } from './io';
import { visibleLines } from './safeText';

export const FORMATS = ['stylish', 'json', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

export interface LintOptions {
  patterns: string[];
  format: Format;
  maxWarnings: number | undefined;
  /** Apply every preferred quick fix first and write the files (`--fix`). */
  fix?: boolean;
}

/** Expands files and globs in the order given; a pattern that matches nothing is an error. */
export async function expandFiles(patterns: readonly string[], cwd: string): Promise<string[]> {
  const files: string[] = [];
  for (const pattern of patterns) {
    const isGlob = /[*?[\]{}]/.test(pattern);
    const matches = isGlob ? (await glob(pattern, { cwd, dot: false, onlyFiles: true, absolute: isAbsolute(pattern) })).sort() : [normalize(pattern)];
    if (!matches.length) throw new CliError(`No files match \`${pattern}\`.`);
    for (const m of matches) if (!files.includes(m)) files.push(m);
  }
  return files;
}

/**
 * Runs `lint` on the files given and the manifests they import, each judged once within its
 * estate; returns the exit code: 1 on an error finding or too many warnings, else 0. `--fix`
 * writes only the files given: a manifest reached by an import is reported, not rewritten.
 */
export async function lint(options: LintOptions, io: CliIo): Promise<number> {
  const { judged } = await readEstate(await expandFiles(options.patterns, io.cwd), io);
  const files = judged.map((j) => j.file);
  const findings: LintFinding[] = [];
  const fixed: FixReport[] = [];
  for (const { file, text, analysis, given, estate } of judged) {
    if (!options.fix || !given) {
      findings.push(...toLintFindings(file, analysis));
      continue;
    }
    const result = fixAll(text, file, estate ? { estate } : {});
    if (result.text !== text) writeOutputFile(file, result.text, io);
    fixed.push({ file, result });
    findings.push(...toLintFindings(file, result.analysis));
  }
  if (options.fix) for (const line of fixReport(fixed)) io.stderr(line + '\n');
  // JSON.stringify escapes C0 controls but writes DEL, C1 and bidirectional controls raw; `visibleLines` escapes them as \uXXXX too.
  if (options.format === 'json') io.stdout(visibleLines(JSON.stringify(findings, null, 2) + '\n'));
  else if (options.format === 'sarif') io.stdout(visibleLines(formatSarif(findings, sarifOptions('lint', io))));
  else io.stdout(formatStylish(findings, files, io.color));
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  if (errors > 0) return 1;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    // On stderr, so that json and sarif output on stdout stay parseable.
    io.stderr(`Too many warnings (${warnings}); at most ${options.maxWarnings} allowed by --max-warnings.\n`);
    return 1;
  }
  return 0;
}
