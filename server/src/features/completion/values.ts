/** Values at the cursor: enum values with a one-line explanation, booleans, rates, frequencies, severities. */
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver';
import type { Analysis } from '../../analysis/analyze';
import { formatPerHour, ratePerHour } from '../../model/rate';
import { familyOf, SYSTEM_FAMILIES, type JsonSchema } from '../../model/vocabulary';
import { findRule } from '../../rules';
import { valueGuidance } from '../guidance';
import type { CursorContext } from './context';
import { lead, replacing, sortText, type CompletionData } from './items';
import { DOMAIN_PATHS, isRatePath } from './keys';
import { enumValues, typeOf } from './schema';

const RATE_EXAMPLES = ['500/hour', '20k/day', '100/minute', '1k/hour', '1.5m/month', '10/second'];
const FREQUENCIES = ['real-time', 'near-real-time', 'on-demand', 'hourly', 'daily', 'weekly', 'monthly'];
const FAMILY_ORDER = Object.keys(SYSTEM_FAMILIES);

export function valueItems(analysis: Analysis, ctx: CursorContext, path: string, schema: JsonSchema | undefined): CompletionItem[] {
  if (isRatePath(path)) return rateItems(analysis, ctx);
  if (path === 'integration.frequency') return frequencyItems(analysis, ctx);
  if (DOMAIN_PATHS.has(path)) return domainItems(analysis, ctx);
  const values = enumValues(schema) ?? (typeOf(schema) === 'boolean' ? ['true', 'false'] : undefined);
  if (!values) return [];
  const keyword = typeOf(schema) === 'boolean';
  const items = values.map((value, index) => enumItem(analysis, ctx, path, value, index, keyword));
  if (path === 'rule') items.push(...thresholdItem(analysis, ctx));
  return items;
}

function enumItem(analysis: Analysis, ctx: CursorContext, path: string, value: string, index: number, keyword: boolean): CompletionItem {
  const guidance = valueGuidance(path, value);
  const family = path === 'system.kind' ? familyOf(value) : undefined;
  const group = family ? FAMILY_ORDER.indexOf(family) : guidance?.recommended ? 0 : 1;
  const data: CompletionData = { doc: 'value', path, key: ctx.key!, value };
  return {
    label: value,
    kind: keyword ? CompletionItemKind.Keyword : CompletionItemKind.EnumMember,
    ...(guidance ? { detail: guidance.short } : {}),
    ...(family ? { labelDetails: { description: family } } : guidance?.recommended ? { labelDetails: { description: 'recommended' } } : {}),
    sortText: sortText(group, index),
    ...(guidance?.recommended ? { preselect: true } : {}),
    ...replacing(analysis.document, ctx, `${lead(ctx)}${value}`),
    data,
  };
}

/** The domains the manifest's systems already name, so one domain is written one way (`Finance`, not also `finance`). */
function domainItems(analysis: Analysis, ctx: CursorContext): CompletionItem[] {
  const systems = analysis.manifest.systems;
  const count = new Map<string, number>();
  for (const s of systems) if (s.domain) count.set(s.domain, (count.get(s.domain) ?? 0) + 1);
  return [...count].map(([domain, n], index) => ({
    label: domain,
    kind: CompletionItemKind.EnumMember,
    detail: `Domain of ${n} system${n === 1 ? '' : 's'}`,
    sortText: sortText(0, index),
    ...replacing(analysis.document, ctx, `${lead(ctx)}${domain}`),
  }));
}

function rateItems(analysis: Analysis, ctx: CursorContext): CompletionItem[] {
  return RATE_EXAMPLES.map((rate, index) => ({
    label: rate,
    kind: CompletionItemKind.Value,
    detail: `${formatPerHour(ratePerHour(rate)!)} — a count per second, minute, hour, day, week or month (k = thousand, m = million)`,
    sortText: sortText(0, index),
    ...replacing(analysis.document, ctx, `${lead(ctx)}${rate}`),
  }));
}

function frequencyItems(analysis: Analysis, ctx: CursorContext): CompletionItem[] {
  const items: CompletionItem[] = FREQUENCIES.map((frequency, index) => {
    const data: CompletionData = { doc: 'value', path: 'integration.frequency', key: ctx.key!, value: frequency };
    return {
      label: frequency,
      kind: CompletionItemKind.EnumMember,
      detail: valueGuidance('integration.frequency', frequency)!.short,
      sortText: sortText(0, index),
      ...replacing(analysis.document, ctx, `${lead(ctx)}${frequency}`),
      data,
    };
  });
  items.push({
    label: 'every 15m',
    kind: CompletionItemKind.Snippet,
    detail: 'At a fixed interval: a number and s, m, h or d (every 30s, every 2h, every 1d)',
    sortText: sortText(1, 0),
    // One field for the whole duration: no choice list, which would jump to the next field on Enter (see snippets.ts).
    ...replacing(analysis.document, ctx, `${lead(ctx)}every \${1:15m}`, true),
  });
  return items;
}

/** Under `rules:`, a rule that compares rates may also take `{ severity, threshold }`. */
function thresholdItem(analysis: Analysis, ctx: CursorContext): CompletionItem[] {
  const rule = findRule(ctx.key);
  if (!rule?.threshold) return [];
  return [
    {
      label: `{ severity, threshold }`,
      kind: CompletionItemKind.Snippet,
      detail: `Severity and the rate at which ${rule.id} reports (default ${rule.threshold})`,
      sortText: sortText(2, 0),
      ...replacing(
        analysis.document,
        ctx,
        `${lead(ctx)}{ severity: \${1:${rule.severity}}, threshold: \${2:${rule.threshold}} }`,
        true,
      ),
    },
  ];
}
