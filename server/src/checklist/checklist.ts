/**
 * The integration strategy checklist of a manifest (SPEC 13): every item of the guidance's
 * checklist with its id, our wording, a status drawn from the manifest and its evidence. Pure:
 * an `Analysis` in, plain data out, for the CLI, the preview's Checklist tab and the MCP tool.
 *
 * - `at-risk`: findings of the rules that bear on the item (waived findings are gone already);
 * - `met`: the manifest shows it (the fields that do are the evidence), or, where it cannot,
 *   an answer recorded under `checklist:` says so;
 * - `open`: nothing in the manifest speaks to it yet;
 * - `manual`: a manifest cannot show it, and no answer is recorded.
 *
 * A recorded answer never hides findings: an item at risk stays at risk, with the answer beside.
 */
import type { Analysis } from '../analysis/analyze';
import { plainText } from '../analysis/plainText';
import type { Span } from '../document/range';
import { formatAmount, solutionCosts, type Amount } from '../model/cost';
import { manifestSchema } from '../model/vocabulary';
import type { Severity } from '../rules/types';
import type { ChecklistView } from '../../../shared/src/diagrams';
import { ITEM_RULES, SECTION_TITLES, type Section } from './items';

export type ChecklistStatus = 'met' | 'at-risk' | 'open' | 'manual';

export const CHECKLIST_STATUSES: readonly ChecklistStatus[] = ['met', 'at-risk', 'open', 'manual'];

export interface ChecklistFinding {
  rule: string;
  severity: Severity;
  /** Plain text (no Markdown quotes). */
  message: string;
  /** 1-based. */
  line: number;
  column: number;
  /** Where the finding is, in the document (UTF-16 offsets). */
  span: Span;
}

export interface ChecklistItem {
  id: string;
  section: Section;
  sectionTitle: string;
  /** The item in our words (the schema's description of `checklist.<id>`). */
  text: string;
  status: ChecklistStatus;
  /** What shows the status: the fields of the manifest, or the recorded answer (Markdown, keys in backticks). */
  evidence: string[];
  findings: ChecklistFinding[];
  /** The answer recorded under `checklist:`, if any. */
  answer?: { status: 'met' | 'at-risk' | 'open' | undefined; note: string | undefined };
}

export interface ChecklistCosts {
  /** One total per currency: never added across currencies. */
  totals: Amount[];
  /** Each system with a cost, middleware first. */
  systems: { id: string; name: string; kind: string | undefined; amounts: Amount[] }[];
  unpriced: string[];
}

export interface Checklist {
  solution: string | undefined;
  items: ChecklistItem[];
  counts: Record<ChecklistStatus, number>;
  costs: ChecklistCosts;
}

/** The checklist's items as the schema words them, in order: `[id, text]`. */
export const CHECKLIST_ITEMS: readonly (readonly [id: string, text: string])[] = Object.entries(manifestSchema.properties?.['checklist']?.properties ?? {}).map(
  ([id, schema]) => [id, schema.description ?? id] as const,
);

export function checklistOf(analysis: Analysis): Checklist {
  const { manifest, document } = analysis;
  const items: ChecklistItem[] = [];
  for (const [id, text] of CHECKLIST_ITEMS) {
    const rule = ITEM_RULES[id];
    if (!rule) throw new Error(`checklist item ${id} has no entry in ITEM_RULES`);
    const findings = analysis.problems
      .filter((p) => rule.rules.includes(p.rule))
      .map((p) => {
        const at = document.lines.positionAt(p.span.start);
        return { rule: p.rule, severity: p.severity, message: plainText(p.message), line: at.line + 1, column: at.character + 1, span: { start: p.span.start, end: p.span.end } };
      });
    const recorded = manifest.checklist.get(id);
    const answer = recorded ? { status: recorded.status, note: recorded.note } : undefined;
    const answerLine = answer ? [`Recorded under \`checklist.${id}\`: ${answer.status ?? 'no status'}${answer.note ? ` — ${answer.note}` : ''}`] : [];
    const shown = rule.shows?.(manifest);
    let status: ChecklistStatus;
    let evidence: string[];
    if (findings.length) [status, evidence] = ['at-risk', [...(shown?.evidence ?? []), ...answerLine]];
    else if (shown?.met) [status, evidence] = ['met', [...shown.evidence, ...answerLine]];
    else if (answer?.status) [status, evidence] = [answer.status, [...answerLine, ...(shown?.evidence ?? [])]];
    else if (shown) [status, evidence] = ['open', [...shown.evidence, ...answerLine]];
    else [status, evidence] = ['manual', answerLine.length ? answerLine : [`A manifest cannot show this: record the answer under \`checklist: { ${id}: { status, note } }\`.`]];
    items.push({ id, section: rule.section, sectionTitle: SECTION_TITLES[rule.section], text, status, evidence, findings, ...(answer ? { answer } : {}) });
  }
  const counts = { met: 0, 'at-risk': 0, open: 0, manual: 0 };
  for (const item of items) counts[item.status]++;
  const costs = solutionCosts(manifest);
  return {
    solution: manifest.solutionName,
    items,
    counts,
    costs: {
      totals: costs.totals,
      systems: costs.systems.map(({ system, estimate }) => ({ id: system.id, name: system.name ?? system.id, kind: system.systemKind, amounts: estimate.amounts })),
      unpriced: costs.unpriced,
    },
  };
}

/** `EUR 600.00/month + USD 12.40/month`, or `none estimated`. */
export function totalsLine(totals: readonly Amount[]): string {
  return totals.length ? totals.map(formatAmount).join(' + ') : 'none estimated';
}

/** The checklist as the preview's Checklist tab receives it. */
export function checklistView(checklist: Checklist): ChecklistView {
  return {
    counts: checklist.counts,
    items: checklist.items.map(({ id, sectionTitle, text, status, evidence, findings }) => ({
      id,
      sectionTitle,
      text,
      status,
      evidence,
      findings: findings.map(({ rule, severity, message, span }) => ({ rule, severity, message, span })),
    })),
    costs: totalsLine(checklist.costs.totals),
  };
}
