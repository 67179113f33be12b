/**
 * `impact <file> <system-id> [--format markdown|json]` (SPEC 11): what lies upstream and
 * downstream of a system, through `via` and onward, and its integrations in and out.
 */
import { code, inline } from '../diagram/markdown';
import { impactMarkdown, impactReport } from '../landscape/report';
import { read, unknownId, warnAboutErrors } from './diagramCommands';
import { CliError, parseOptions, type CliIo } from './io';
import { visibleLines } from './safeText';

export function runImpact(args: string[], io: CliIo): number {
  const { values, positionals } = parseOptions(args, { format: { type: 'string' } });
  const format = (values['format'] as string | undefined) ?? 'markdown';
  if (format !== 'markdown' && format !== 'json') throw new CliError(`Unknown format \`${format}\`: use markdown or json.`);
  const [file, systemId, ...extra] = positionals;
  if (!file || !systemId) throw new CliError('impact needs a manifest file and a system id, such as `integration-manifests impact examples/order-to-cash.integration.yaml erp`.');
  if (extra.length) throw new CliError(`impact takes one manifest file and one system id; got also ${extra.map((x) => `\`${x}\``).join(', ')}.`);
  const analysis = read(file, io);
  const report = impactReport(analysis.manifest, systemId);
  if (!report) throw new CliError(unknownId('system', 'systems', systemId, file, analysis.manifest.systems.map((s) => s.id)));
  io.stdout(format === 'json' ? JSON.stringify(report, null, 2) + '\n' : visibleLines(impactMarkdown(report, inline, code)));
  warnAboutErrors(analysis, file, io);
  return 0;
}
