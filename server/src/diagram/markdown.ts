/**
 * The manifest as a Markdown document (the `docs` command): the application diagram, the
 * integration inventory, the interaction diagrams, the field mappings and the waivers. Diagrams
 * are ```mermaid blocks, so GitHub and Azure DevOps draw them as they display the file.
 */
import type { Analysis } from '../analysis/analyze';
import type { Integration, Manifest } from '../model/manifest';
import { formatPerHour, ratePerHour } from '../model/rate';
import { diagramsFor, tooLarge } from './index';
import { countsByIntegration, type Counts } from './findings';
import type { DiagramSet, Direction, LegendEntry } from '../../../shared/src/diagrams';

/** The direction of a diagram on a page, which is narrower than it is tall (SPEC 9: top to bottom in a tall panel). */
export const PAGE_DIRECTION: Direction = 'TB';

export interface MarkdownOptions {
  /** The manifest's path as the reader should see it. */
  source: string;
  /** YYYY-MM-DD for waiver expiry; today in UTC when absent. */
  today?: string;
  /** The application diagram's direction: top to bottom unless said (a page is a tall panel). */
  direction?: Direction;
  /** The manifests it imports, as the reader should see them, when the analysis includes their items (`withImports`). */
  imported?: readonly string[];
}

export function manifestMarkdown(analysis: Analysis, options: MarkdownOptions): string {
  const set = diagramsFor(analysis, { portable: true, direction: options.direction ?? PAGE_DIRECTION, ...(options.today ? { today: options.today } : {}) });
  const { manifest } = analysis;
  const counts = countsByIntegration(analysis);
  const out: string[] = [];
  const title = manifest.solutionName?.trim() || 'Integration manifest';
  out.push(`# ${inline(title)}`, '');
  out.push(`Integration architecture documented from \`${code(options.source)}\`. Regenerate this file with \`integration-manifests docs\` after changing the manifest.`, '');
  if (options.imported?.length) out.push(`It includes the systems and integrations of the manifests it imports: ${options.imported.map((f) => `\`${code(f)}\``).join(', ')}. Their systems have a dotted border in the diagram.`, '');

  out.push('## Application integration diagram', '');
  const large = tooLarge(set.application);
  if (large) out.push(`> ${inline(large)}: the whole diagram follows, but it may be hard to read. The editor's preview offers a focus view of one system and its neighbours.`, '');
  out.push(...mermaidBlock(set.application.mermaid), '');
  out.push(legendLine(set.application.legend), '');

  out.push(...viewSections(set));

  out.push('## Integration inventory', '');
  if (!manifest.integrations.length) out.push('No integrations are declared yet.', '');
  else out.push(...inventory(manifest, counts), '');

  if (set.interactions.length) {
    out.push('## Interaction diagrams', '');
    for (const [n, d] of set.interactions.entries()) {
      out.push(`### ${n + 1}. ${inline(d.title)}${d.integrationId ? ` (\`${code(d.integrationId)}\`)` : ''}`, '');
      out.push(d.source === 'steps' ? 'Drawn from the integration’s steps.' : 'Derived from the integration’s trigger, from, via and to.', '');
      out.push(...mermaidBlock(d.mermaid), '');
    }
  }

  if (set.mappings.length) {
    out.push('## Field mappings', '');
    for (const m of set.mappings) {
      out.push(`### ${inline(m.title)}${m.integrationId ? ` (\`${code(m.integrationId)}\`)` : ''}`, '');
      out.push(...table([m.fromSystem || 'From', m.toSystem || 'To', 'Transform'], m.rows.map((r) => [r.from, r.to, r.transform])), '');
    }
  }

  out.push(...waiverSection(set));
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

/** A section per saved view (`views:`): its title, description and diagram. */
function viewSections(set: DiagramSet): string[] {
  if (!set.views?.length) return [];
  const out = ['## Saved views', ''];
  for (const v of set.views) {
    out.push(`### ${inline(v.title)} (\`${code(v.id)}\`)`, '');
    if (v.description.trim()) out.push(inline(v.description), '');
    if (v.application.overview) out.push(`> ${inline(v.application.overview.message.replace(/ Each domain is one node; click one to see its systems\.$/, ' Each domain is one node.'))}`, '');
    out.push(...mermaidBlock(v.application.mermaid), '');
  }
  return out;
}

function inventory(manifest: Manifest, counts: ReadonlyMap<Integration, Counts>): string[] {
  const name = (id: string | undefined) => (id ? (manifest.byId.get(id)?.[0]?.name ?? id) : '?');
  const rows = manifest.integrations.map((i, n) => {
    const c = counts.get(i);
    const findings = c && (c.errors || c.warnings) ? [plural(c.errors, 'error'), plural(c.warnings, 'warning')].filter(Boolean).join(', ') : 'none';
    const path = [i.from?.id, ...i.via.map((v) => v.id), i.to?.id].map(name).join(' → ');
    return [String(n + 1), i.id, i.name ?? '', i.type ?? '', path, (i.mode ?? '') + (i.twoWay ? ', two-way' : ''), i.pattern ?? '', rateCell(i), i.owner ?? '', findings];
  });
  return table(['No.', 'Id', 'Name', 'Type', 'From → To', 'Mode', 'Pattern', 'Rate', 'Owner', 'Findings'], rows);
}

/**
 * The rate as the author wrote it (volume, peak, frequency), then the hourly figure the rules
 * compare, when the figure it comes from is not already per hour: `8k/day · every 4h (333.3/hour)`.
 */
function rateCell(i: Integration): string {
  const written = [i.volume, i.peak === undefined ? undefined : `peak ${i.peak}`, i.frequency].filter((s): s is string => !!s?.trim()).join(' · ');
  const source = ratePerHour(i.peak) !== undefined ? i.peak! : i.volume;
  const hourly = i.ratePerHour !== undefined && !/\/\s*hour\s*$/.test(source ?? '') ? `(${formatPerHour(i.ratePerHour)}${source === i.peak ? ' at peak' : ''})` : '';
  return [written, hourly].filter(Boolean).join(' ');
}

function waiverSection(set: DiagramSet): string[] {
  if (!set.waivers.length) return [];
  const status = { active: 'silences the rule', expired: 'expired: silences nothing', 'no-reason': 'no reason: silences nothing', 'bad-date': 'expires is not a date: silences nothing' } as const;
  return ['## Waivers', '', ...table(['Item', 'Rule', 'Reason', 'Expires', 'Status'], set.waivers.map((w) => [w.itemName, w.rule, w.reason, w.expires, status[w.status]])), ''];
}

function legendLine(legend: LegendEntry[]): string {
  const parts = legend.map((e) => (e.symbol ? `${e.symbol} ${e.label.toLowerCase()}` : e.colorName ? `${e.colorName} line: ${e.label}` : e.label));
  return `Legend: ${parts.map(inline).join('; ')}.`;
}

export function mermaidBlock(mermaid: string): string[] {
  return ['```mermaid', mermaid.trimEnd(), '```'];
}

export function table(head: string[], rows: string[][]): string[] {
  const line = (cells: string[]) => `| ${cells.map((c) => cell(c)).join(' | ')} |`;
  return [line(head), `| ${head.map(() => '---').join(' | ')} |`, ...rows.map(line)];
}

function cell(text: string): string {
  return inline(text).replace(/\|/g, '\\|') || ' ';
}

/** Manifest text as inline Markdown that shows as written: no markup, links, emphasis or HTML. */
export function inline(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_{}[\]()#+!~])/g, '\\$1');
}

/** Text inside an inline code span: backticks cannot end it early. */
export function code(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/`/g, 'ˋ');
}

export function plural(n: number, word: string): string {
  return n ? `${n} ${word}${n === 1 ? '' : 's'}` : '';
}
