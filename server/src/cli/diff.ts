/**
 * `diff <base> <head>` and `diff --git <ref> <file>`: what a change does to a manifest, for
 * review (SPEC 12). `--format markdown` (the default: a summary, tables and the change drawn),
 * `json`, or `sarif` (the findings the change introduces). Exit code 1 when an introduced
 * finding is at least as severe as `--fail-on` (`error` by default; `none` never fails).
 */
import { analyzeText, type Analysis } from '../analysis/analyze';
import { diffManifests, type ItemChange, type ManifestDiff } from '../diff/model';
import { diffMarkdown } from '../diff/markdown';
import { SEVERITY_RANK, type Severity } from '../rules/types';
import { formatSarif, sarifOptions } from './formatSarif';
import { gitShow } from './gitShow';
import { CliError, parseOptions, readManifestFile, type CliIo } from './io';
import { toLintFindings } from './lintResult';
import { visibleLines } from './safeText';

const FORMATS = ['markdown', 'json', 'sarif'] as const;
const FAIL_ON = ['error', 'warning', 'none'] as const;

export function runDiff(args: string[], io: CliIo): number {
  const { values, positionals } = parseOptions(args, { format: { type: 'string' }, 'fail-on': { type: 'string' }, git: { type: 'string' } });
  const format = oneOf('--format', (values['format'] as string | undefined) ?? 'markdown', FORMATS);
  const failOn = oneOf('--fail-on', (values['fail-on'] as string | undefined) ?? 'error', FAIL_ON);
  const ref = values['git'] as string | undefined;

  let base: Analysis | undefined;
  let head: Analysis;
  let file: string;
  let baseLabel: string;
  if (ref !== undefined) {
    if (positionals.length !== 1) throw new CliError('diff --git <ref> <file> compares one manifest with its text at a git ref, such as `diff --git HEAD~1 orders.integration.yaml`.');
    file = positionals[0]!;
    head = analyzeText(readManifestFile(file, io), file);
    const shown = gitShow(ref, io.resolve(file), file);
    if (shown.text === undefined) io.stderr(`${file} did not exist at ${ref}: everything in it is new.\n`);
    base = shown.text === undefined ? undefined : analyzeText(shown.text, `${ref}:${shown.path}`);
    baseLabel = ref;
  } else {
    if (positionals.length !== 2) throw new CliError('diff compares two manifests: diff <base> <head>, or one with its text at a git ref: diff --git <ref> <file>.');
    const [baseFile, headFile] = positionals as [string, string];
    base = analyzeText(readManifestFile(baseFile, io), baseFile);
    head = analyzeText(readManifestFile(headFile, io), headFile);
    file = headFile;
    baseLabel = baseFile;
  }

  const diff = diffManifests(base, head);
  if (format === 'markdown') io.stdout(visibleLines(diffMarkdown(diff, { file, baseLabel, base, head })));
  else if (format === 'json') io.stdout(visibleLines(JSON.stringify(diffJson(diff, { file, baseLabel, base, head }), null, 2) + '\n'));
  else io.stdout(visibleLines(formatSarif(toLintFindings(file, head, diff.introduced), sarifOptions('diff', io))));

  if (failOn === 'none') return 0;
  const failing = diff.introduced.filter((p) => SEVERITY_RANK[p.severity] <= SEVERITY_RANK[failOn as Severity]);
  if (failing.length) {
    io.stderr(`The change introduces ${failing.length} finding${failing.length === 1 ? '' : 's'} at or above ${failOn} (--fail-on ${failOn}).\n`);
    return 1;
  }
  return 0;
}

function oneOf<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  if (!allowed.includes(value as T)) throw new CliError(`Unknown ${option} \`${value}\`: use ${allowed.slice(0, -1).join(', ')} or ${allowed[allowed.length - 1]!}.`);
  return value as T;
}

/** The diff as plain data (the `json` format README documents): items without their YAML, findings with 1-based positions. */
function diffJson(diff: ManifestDiff, o: { file: string; baseLabel: string; base: Analysis | undefined; head: Analysis }) {
  const item = (c: ItemChange) => ({ status: c.status, id: c.id, ...(c.previousId !== undefined ? { previousId: c.previousId } : {}), ...(c.name !== undefined ? { name: c.name } : {}), fields: c.fields });
  return {
    file: o.file,
    base: o.baseLabel,
    baseExists: o.base !== undefined,
    systems: diff.systems.map(item),
    integrations: diff.integrations.map(item),
    introduced: toLintFindings(o.file, o.head, diff.introduced),
    resolved: o.base ? toLintFindings(o.file, o.base, diff.resolved) : [],
  };
}
