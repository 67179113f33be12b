/**
 * Snippets for a new list item: a system, an integration of each type pre-filled with the
 * pattern the guidance recommends, a goal, an actor, a step, a waiver, a field mapping.
 * Offered where a new item of the matching list starts, indented to that list.
 */
import { CompletionItemKind, MarkupKind, type CompletionItem } from 'vscode-languageserver';
import type { Analysis } from '../../analysis/analyze';
import { SYSTEM_KINDS, type IntegrationType } from '../../model/vocabulary';
import { RULES } from '../../rules';
import { freshId } from '../../rules/helpers';
import { candidates, type Candidate } from './candidates';
import type { CursorContext } from './context';
import { contentColumn, escapeChoice, escapeSnippet, indentLines, lead, replacing, sortText } from './items';
import { itemIn } from '../../model/itemAt';

interface Snippet {
  label: string;
  detail: string;
  /** Lines relative to the item's first key; the first line follows the dash. */
  lines: string[];
  filterText: string;
}

/** Snippets for a new item of the list whose items have guidance path `list` (`system`, `integration`, ...). */
export function snippetItems(analysis: Analysis, ctx: CursorContext, list: string, offset: number): CompletionItem[] {
  const snippets = snippetsFor(analysis, list, offset);
  return snippets.map((s, index) => {
    const text = lead(ctx) + indentLines(s.lines, contentColumn(ctx));
    return {
      label: s.label,
      kind: CompletionItemKind.Snippet,
      detail: s.detail,
      documentation: { kind: MarkupKind.Markdown, value: '```yaml\n- ' + expandSnippet(indentLines(s.lines, 2)) + '\n```' },
      sortText: sortText(0, index),
      filterText: s.filterText,
      ...replacing(analysis.document, ctx, text, true),
    };
  });
}

function snippetsFor(analysis: Analysis, list: string, offset: number): Snippet[] {
  switch (list) {
    case 'system':
      return [systemSnippet(analysis)];
    case 'integration':
      return (['data', 'process', 'ui'] as const).map((type) => integrationSnippet(analysis, type));
    case 'goal':
      return [
        {
          label: 'New goal',
          detail: 'A business goal that integrations serve, with how success is measured',
          filterText: 'goal new goal',
          lines: [`id: \${1:${freshId(analysis.manifest, 'new-goal')}}`, 'title: ${2:What the business gains}', 'metric: ${3:How success is measured}'],
        },
      ];
    case 'actor':
      return [
        {
          label: 'New actor',
          detail: 'A person or role that triggers integrations or takes part in their steps',
          filterText: 'actor new actor',
          lines: [`id: \${1:${freshId(analysis.manifest, 'new-actor')}}`, 'name: ${2:Role name}'],
        },
      ];
    case 'step':
      return [stepSnippet(analysis, offset)];
    case 'waiver':
      return [
        {
          label: 'New waiver',
          detail: 'Accept a deviation from a rule for this item, with a reason and an expiry date',
          filterText: 'waiver new waiver rule',
          lines: [`rule: \${1|${RULES.filter((r) => r.id !== 'yaml-syntax').map((r) => escapeChoice(r.id)).join(',')}|}`, 'reason: ${2:Why the deviation is accepted}', 'expires: ${3:2027-12-31}'],
        },
      ];
    case 'mapping':
      return [
        {
          label: 'New field mapping',
          detail: 'A source field, its target field, and how the value is transformed',
          filterText: 'mapping new field mapping',
          lines: ['from: ${1:SOURCE_FIELD}', 'to: ${2:targetfield}', 'transform: ${3:How the value is transformed}'],
        },
      ];
    default:
      return [];
  }
}

function systemSnippet(analysis: Analysis): Snippet {
  const kinds = ['erp', ...SYSTEM_KINDS.filter((k) => k !== 'erp')].map(escapeChoice).join(',');
  return {
    label: 'New system',
    detail: 'An application, platform or middleware: id, name, kind and where it runs',
    filterText: 'system new system',
    lines: [
      `id: \${1:${freshId(analysis.manifest, 'new-system')}}`,
      'name: ${2:System name}',
      `kind: \${3|${kinds}|}`,
      'hosting: ${4|cloud,on-premises|}',
      'owner: ${5:Owning team}',
    ],
  };
}

const DYNAMICS_FAMILIES = ['dataverse', 'finance-operations', 'business-central'];

/** The likeliest ends of a new integration: an outside system and a Dynamics 365 one, among the declared systems. */
function likelyEnds(systems: readonly Candidate[], type: IntegrationType): { from: string; to: string } {
  const ends = systems.filter((s) => s.family !== 'middleware');
  const dynamics = ends.filter((s) => s.family && DYNAMICS_FAMILIES.includes(s.family));
  const outside = ends.filter((s) => !dynamics.includes(s));
  const preferredFrom = type === 'ui' ? [...outside.filter((s) => s.family === 'analytics'), ...outside] : outside;
  const from = preferredFrom[0]?.id ?? ends[0]?.id ?? 'source-system';
  const to = dynamics.find((s) => s.id !== from)?.id ?? ends.find((s) => s.id !== from)?.id ?? 'target-system';
  return { from, to };
}

const TYPE_TEXT: Readonly<Record<IntegrationType, { label: string; detail: string }>> = {
  data: { label: 'New data integration', detail: 'Async messaging through Service Bus, system of record, Entra ID, Key Vault, TLS 1.2, alerts, retries and dead-letter' },
  process: { label: 'New process integration', detail: 'Event-driven, async messaging through Service Bus, Entra ID, Key Vault, TLS 1.2, alerts, retries and dead-letter' },
  ui: { label: 'New UI integration', detail: 'An embedded view of another system: no data copied; Entra ID, TLS 1.2, monitoring and retries' },
};

function integrationSnippet(analysis: Analysis, type: IntegrationType): Snippet {
  const systems = candidates(analysis, 'systems');
  const { from, to } = likelyEnds(systems, type);
  const bus = systems.find((s) => s.systemKind === 'service-bus')?.id ?? 'bus';
  const goal = candidates(analysis, 'goals')[0]?.id;
  const e = escapeSnippet;
  const lines = [
    `id: \${1:${freshId(analysis.manifest, `new-${type}-integration`)}}`,
    `name: \${2:${TYPE_TEXT[type].label.replace('New ', '').replace(/^./, (c) => c.toUpperCase())}}`,
    `type: ${type}`,
    `from: \${3:${e(from)}}`,
    `to: \${4:${e(to)}}`,
  ];
  if (type === 'ui') lines.push('mode: sync', 'trigger: user', 'frequency: on-demand', 'pattern: embedded');
  else {
    lines.push('mode: async', 'trigger: event', 'frequency: near-real-time', 'volume: ${5:500/hour}', 'pattern: messaging', `via: [\${6:${e(bus)}}]`);
    if (type === 'data') lines.push('systemOfRecord: $3');
  }
  if (goal) lines.push(`goals: [\${7:${e(goal)}}]`);
  lines.push(
    'owner: ${8:Integration team}',
    'security:',
    '  authentication: entra-id',
    ...(type === 'ui' ? [] : ['  secrets: key-vault']),
    '  transport: tls1.2',
    'monitoring:',
    '  tool: application-insights',
    '  alerts: true',
    'errorHandling:',
    type === 'ui' ? '  retry: { attempts: 3, backoff: exponential }' : '  retry: { attempts: 5, backoff: exponential }',
    ...(type === 'ui' ? [] : ['  deadLetter: true']),
    '  notify: ${9:integration-support@contoso.com}',
  );
  return { ...TYPE_TEXT[type], filterText: `integration ${type} new ${type} integration`, lines };
}

function stepSnippet(analysis: Analysis, offset: number): Snippet {
  const integration = itemIn(analysis.manifest.integrations, offset);
  const hops = integration
    ? [integration.from?.id, ...integration.via.map((v) => v.id), integration.to?.id].filter((id): id is string => id !== undefined)
    : [];
  const done = integration?.steps.length ?? 0;
  const from = hops[Math.min(done, Math.max(0, hops.length - 2))] ?? 'sender';
  const to = hops[Math.min(done + 1, hops.length - 1)] ?? 'receiver';
  const lines = [`from: \${1:${escapeSnippet(from)}}`, `to: \${2:${escapeSnippet(to)}}`, 'action: ${3:What happens}'];
  if (integration?.mode === 'async') lines.push('async: true');
  return { label: 'New step', detail: 'One message of the interaction diagram: who sends what to whom', filterText: 'step new step', lines };
}

/** Snippet text as inserted when every placeholder keeps its default (the first option of a choice). */
export function expandSnippet(text: string): string {
  const defaults = new Map<string, string>();
  const plain = text
    .replace(/\$\{(\d+):((?:\\.|[^}\\])*)\}/g, (_, n: string, d: string) => {
      defaults.set(n, d);
      return d;
    })
    .replace(/\$\{(\d+)\|((?:\\.|[^|\\])*?)[,|](?:\\.|[^}\\])*\}/g, (_, n: string, first: string) => {
      const value = first.replace(/\\([,|])/g, '$1');
      defaults.set(n, value);
      return value;
    })
    .replace(/\$(\d+)/g, (_, n: string) => defaults.get(n) ?? '');
  return plain.replace(/\\([\\$}])/g, '$1');
}
