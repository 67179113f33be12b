/**
 * `diagram <file> [--type application|interaction] [--integration id] [--view id] [--direction d]`: prints Mermaid.
 * `docs <file> [--output file] [--direction d]`: writes the manifest's Markdown documentation.
 * Both draw the manifest with everything it imports (`withImports`): the root of an estate draws the estate.
 * Both run the same engine and generators, with the same labels, as the editor's preview. The
 * direction follows the preview's rule, for a page: `auto` (the default) is top to bottom, since
 * a page is a tall panel; `LR` and `TB` as in `integrationManifests.preview.direction`.
 */
import { analyzeText, type Analysis } from '../analysis/analyze';
import { diagramsFor } from '../diagram';
import { withImports } from '../diagram/estate';
import { manifestMarkdown, PAGE_DIRECTION } from '../diagram/markdown';
import type { Direction } from '../../../shared/src/diagrams';
import { closest } from '../model/suggest';
import { drawnImports, readEstate } from './estate';
import { CliError, parseOptions, readManifestFile, writeOutputFile, type CliIo } from './io';
import { visibleLines } from './safeText';

const ID = /^[A-Za-z][A-Za-z0-9_-]*$/;

export async function runDiagramCommand(command: string, args: string[], io: CliIo): Promise<number> {
  if (command === 'diagram') return diagram(args, io);
  if (command === 'docs') return docs(args, io);
  throw new CliError(`Unknown command \`${command}\`. Run \`integration-manifests --help\` for the commands.`);
}

async function diagram(args: string[], io: CliIo): Promise<number> {
  const { values, file } = parse('diagram', args, { type: { type: 'string' }, integration: { type: 'string' }, view: { type: 'string' }, direction: { type: 'string' } });
  const direction = directionOf(values['direction']);
  const integrationId = values['integration'] as string | undefined;
  const type = (values['type'] as string | undefined) ?? (integrationId !== undefined ? 'interaction' : 'application');
  if (type !== 'application' && type !== 'interaction') throw new CliError(`Unknown diagram type \`${type}\`: use application or interaction.`);
  if (type === 'application' && integrationId !== undefined) throw new CliError('--integration picks an interaction diagram: use it with --type interaction (or without --type).');
  const viewId = values['view'] as string | undefined;
  if (viewId !== undefined && (type !== 'application' || integrationId !== undefined)) throw new CliError('--view picks a saved view of the application diagram: use it without --type interaction and --integration.');
  const { analysis, drawn } = await readDrawn(file, io);
  const set = diagramsFor(drawn, { portable: true, direction });
  if (viewId !== undefined) {
    const found = set.views?.find((v) => v.id === viewId);
    if (!found) throw new CliError(unknownId('saved view', 'views', viewId, file, (set.views ?? []).map((v) => v.id)));
    io.stdout(visibleLines(found.application.mermaid));
  } else if (type === 'application') {
    io.stdout(visibleLines(set.application.mermaid));
  } else if (integrationId !== undefined) {
    const found = set.interactions.find((d) => d.integrationId === integrationId);
    if (!found) throw new CliError(unknownId('integration', 'integrations', integrationId, file, set.interactions.map((d) => d.integrationId)));
    io.stdout(visibleLines(found.mermaid));
  } else if (!set.interactions.length) {
    throw new CliError(`${file} declares no integrations, so it has no interaction diagrams.`);
  } else {
    // Several diagrams in one stream: each starts with a Mermaid comment naming its integration
    // (only an id of letters, digits, `-` and `_`; else its number).
    io.stdout(visibleLines(set.interactions.map((d, i) => `%% Interaction diagram ${i + 1} of ${set.interactions.length}: integration ${ID.test(d.integrationId) ? d.integrationId : `#${i + 1}`}\n${d.mermaid}`).join('\n')));
  }
  warnAboutErrors(analysis, file, io);
  return 0;
}

async function docs(args: string[], io: CliIo): Promise<number> {
  const { values, file } = parse('docs', args, { output: { type: 'string', short: 'o' }, direction: { type: 'string' } });
  const output = values['output'] as string | undefined;
  const direction = directionOf(values['direction']);
  const { analysis, drawn, imported } = await readDrawn(file, io);
  // Mermaid labels drop control characters (`mermaidText`) but Markdown text keeps them: escaped
  // for the file as for the terminal, since the file will be `cat` too.
  const markdown = visibleLines(manifestMarkdown(drawn, { source: file, direction, imported }));
  if (output === undefined) {
    io.stdout(markdown);
  } else {
    writeOutputFile(output, markdown, io);
    io.stderr(`Wrote the documentation of ${file} to ${output}.\n`);
  }
  warnAboutErrors(analysis, file, io);
  return 0;
}

export function parse(command: string, args: string[], options: Parameters<typeof parseOptions>[1]): { values: Record<string, unknown>; file: string } {
  const parsed = parseOptions(args, options);
  const [file, ...extra] = parsed.positionals;
  if (!file) throw new CliError(`${command} needs a manifest file, such as \`integration-manifests ${command} examples/order-to-cash.integration.yaml\`.`);
  if (extra.length) throw new CliError(`${command} takes one manifest file; got also ${extra.map((x) => `\`${x}\``).join(', ')}.`);
  return { values: parsed.values, file };
}

/** `--direction`: auto (top to bottom on a page), LR or TB, in any case. */
function directionOf(value: unknown): Direction {
  if (typeof value !== 'string') return PAGE_DIRECTION;
  const v = value.toUpperCase();
  if (v === 'AUTO') return PAGE_DIRECTION;
  if (v === 'LR' || v === 'TB') return v;
  throw new CliError(`Unknown direction \`${value}\`: use auto, LR (left to right) or TB (top to bottom).`);
}

/** The manifest alone (what `impact` reads). */
export function read(file: string, io: CliIo): Analysis {
  return analyzeText(readManifestFile(file, io), file);
}

/** The manifest's own analysis, the analysis to draw (with everything it imports), and the files it imports. */
async function readDrawn(file: string, io: CliIo): Promise<{ analysis: Analysis; drawn: Analysis; imported: string[] }> {
  const estate = await readEstate([file], io);
  const own = estate.judged[0]!;
  const imports = drawnImports(estate, own.path);
  return { analysis: own.analysis, drawn: withImports(own.analysis, imports), imported: imports.map((i) => i.file) };
}

/** An id the manifest does not have: what it has, and the closest. */
export function unknownId(what: string, list: string, id: string, file: string, ids: string[]): string {
  const known = ids.filter((i) => i);
  if (!known.length) return `${file} declares no ${list}, so there is no \`${id}\`.`;
  const guess = closest(id, known);
  const shown = known.length <= 20 ? ` Its ${list}: ${known.join(', ')}.` : '';
  return `${file} has no ${what} \`${id}\`.${guess ? ` Did you mean \`${guess}\`?` : ''}${shown}`;
}

/** The diagrams are drawn from what parses; say so when the manifest has errors. */
export function warnAboutErrors(analysis: Analysis, file: string, io: CliIo): void {
  const errors = analysis.problems.filter((p) => p.severity === 'error').length;
  if (errors) io.stderr(`Note: ${file} has ${errors} error${errors === 1 ? '' : 's'}; the diagrams show what could be read. Run \`integration-manifests lint ${file}\` for details.\n`);
}
