/** `integration-manifests checklist <file> [--format markdown|json]`: the integration strategy checklist of a manifest. */
import { checklistOf } from '../checklist/checklist';
import { checklistMarkdown } from '../checklist/markdown';
import { parse, read } from './diagramCommands';
import { CliError, type CliIo } from './io';
import { visibleLines } from './safeText';

export function checklist(args: string[], io: CliIo): number {
  const { values, file } = parse('checklist', args, { format: { type: 'string' } });
  const format = (values['format'] as string | undefined) ?? 'markdown';
  if (format !== 'markdown' && format !== 'json') throw new CliError(`Unknown format \`${format}\`: use markdown or json.`);
  const analysis = read(file, io);
  const result = checklistOf(analysis);
  io.stdout(format === 'json' ? JSON.stringify({ file, ...result }, null, 2) + '\n' : visibleLines(checklistMarkdown(result, analysis.manifest, file)));
  const errors = analysis.problems.filter((p) => p.severity === 'error').length;
  if (errors) io.stderr(`Note: ${file} has ${errors} error${errors === 1 ? '' : 's'}; the checklist shows what could be read. Run \`integration-manifests lint ${file}\` for details.\n`);
  return 0;
}
