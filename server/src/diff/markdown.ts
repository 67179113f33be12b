/**
 * A change for review as Markdown (`diff --format markdown`, the job summary of the CI
 * templates): a summary line, a table each for systems, integrations and the findings the change
 * introduces and resolves, and the changed part of the application diagram as a ```mermaid
 * block, which GitHub and Azure DevOps draw as they show the text.
 */
import type { Analysis, Problem } from '../analysis/analyze';
import { plainText } from '../analysis/plainText';
import { code, inline, mermaidBlock, plural, table } from '../diagram/markdown';
import { ruleDocsUrl } from '../../../shared/src/product';
import { changeDiagram } from './diagram';
import type { ItemChange, ManifestDiff } from './model';

export interface DiffMarkdownOptions {
  /** The manifest's path as the reader should see it. */
  file: string;
  /** What the base is: `HEAD~1`, `main`, or the base file's path. */
  baseLabel: string;
  base: Analysis | undefined;
  head: Analysis;
}

const STATUS = { added: 'Added', removed: 'Removed', changed: 'Changed', renamed: 'Renamed' } as const;

export function diffMarkdown(diff: ManifestDiff, options: DiffMarkdownOptions): string {
  const out: string[] = [`### Changes to \`${code(options.file)}\` since \`${code(options.baseLabel)}\``, ''];
  out.push(summaryLine(diff), '');
  if (!options.base) out.push(`The manifest is new: it did not exist at \`${code(options.baseLabel)}\`, so everything in it is added.`, '');
  if (diff.systems.length) out.push('#### Systems', '', ...itemTable(diff.systems), '');
  if (diff.integrations.length) out.push('#### Integrations', '', ...itemTable(diff.integrations), '');
  if (diff.introduced.length) out.push('#### Findings introduced', '', ...findingTable(diff.introduced, options.head), '');
  if (diff.resolved.length && options.base) out.push('#### Findings resolved', '', ...findingTable(diff.resolved, options.base), '');
  const diagram = changeDiagram(diff, { base: options.base?.manifest, head: options.head.manifest });
  if (diagram) {
    out.push('#### The change, drawn', '', ...mermaidBlock(diagram), '');
    out.push('Green: added. Red, dashed: removed. Orange: changed or renamed. Grey: unchanged, drawn for context.', '');
  }
  return out.join('\n').trimEnd() + '\n';
}

/** One sentence: how many systems and integrations changed, and the findings introduced (by severity) and resolved; in bold. */
export function summaryLine(diff: ManifestDiff): string {
  return `**${summaryText(diff)}**`;
}

/** `summaryLine` as plain text. */
export function summaryText(diff: ManifestDiff): string {
  const items = [counted(diff.systems, 'system'), counted(diff.integrations, 'integration')].filter(Boolean);
  const errors = diff.introduced.filter((p) => p.severity === 'error').length;
  const warnings = diff.introduced.filter((p) => p.severity === 'warning').length;
  const bySeverity = [plural(errors, 'error'), plural(warnings, 'warning')].filter(Boolean).join(', ');
  const introduced = diff.introduced.length ? `${plural(diff.introduced.length, 'finding')} introduced${bySeverity ? ` (${bySeverity})` : ''}` : 'no finding introduced';
  const resolved = diff.resolved.length ? `${diff.resolved.length} resolved` : 'none resolved';
  return `${items.length ? items.join('; ') : 'No system or integration changed'}. ${capital(introduced)}, ${resolved}.`;
}

function counted(changes: readonly ItemChange[], word: string): string {
  if (!changes.length) return '';
  const by = (status: ItemChange['status']) => changes.filter((c) => c.status === status).length;
  const parts = (['added', 'removed', 'changed', 'renamed'] as const).filter((s) => by(s)).map((s) => `${by(s)} ${s}`);
  return `${plural(changes.length, word)}: ${parts.join(', ')}`;
}

function itemTable(changes: readonly ItemChange[]): string[] {
  return table(
    ['Change', 'Id', 'Name', 'What changed'],
    changes.map((c) => [STATUS[c.status], c.previousId !== undefined ? `${c.previousId} → ${c.id}` : c.id, c.name ?? '', fieldsText(c)]),
  );
}

/** `hosting: on-premises → cloud; monitoring.alerts: (none) → true`. */
function fieldsText(c: ItemChange): string {
  return fieldLines(c).join('; ');
}

/** Each changed field of `c` as `path: before → after`. */
export function fieldLines(c: ItemChange): string[] {
  return c.fields.map((f) => `${f.path}: ${f.before ?? '(none)'} → ${f.after ?? '(none)'}`);
}

function findingTable(problems: readonly Problem[], analysis: Analysis): string[] {
  const rows = problems.map((p) => {
    const line = analysis.document.lines.positionAt(p.span.start).line + 1;
    return [p.severity, p.rule, p.item ? `${p.item.kind} ${p.item.id}` : '', String(line), plainText(p.message)];
  });
  // Rule ids link their page: the table cell escapes text, so the link is added after.
  return table(['Severity', 'Rule', 'Item', 'Line', 'Finding'], rows).map((line, i) => (i < 2 ? line : withRuleLink(line, problems[i - 2]!.rule)));
}

function withRuleLink(line: string, rule: string): string {
  const cells = line.split(' | ');
  if (cells[1] !== inline(rule)) return line;
  cells[1] = `[${inline(rule)}](${ruleDocsUrl(rule)})`;
  return cells.join(' | ');
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
