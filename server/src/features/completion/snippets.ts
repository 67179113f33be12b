/**
 * Snippets for a new list item: a system, an integration of each type pre-filled with the
 * pattern the guidance recommends, a goal, an actor, a step, a waiver, a field mapping.
 * Offered where a new item of the matching list starts, indented to that list.
 *
 * Written for the way people type in VS Code: Tab goes to the next field, Enter accepts a
 * suggestion. So a snippet has no choice (`${1|a,b|}`): VS Code's choice list moves on to the
 * next field by itself when one is accepted (its items run `jumpToNextSnippetPlaceholder`), and
 * the Tab a person presses after Enter then skips a field, leaving its placeholder behind and
 * the next words typed in the wrong place. A field with a vocabulary (a kind, hosting, a
 * reference, a rule) is a plain placeholder holding the likeliest value; typing in it brings
 * the language server's own list (quick suggestions, see `configurationDefaults`), whose
 * Enter stays in the field, as everywhere else. Free text is asked for only where the item
 * needs it (ids, names, a title): nothing optional is pre-written for the person to delete.
 */

import { CompletionItemKind, MarkupKind, type Command, type CompletionItem } from 'vscode-languageserver';
import type { Analysis } from '../../analysis/analyze';
import { todayUtc } from '../../analysis/analyze';
import { itemIn } from '../../model/itemAt';
import type { IntegrationType } from '../../model/vocabulary';
import { freshId } from '../../rules/helpers';
import { addDays, WAIVER_DAYS } from '../codeActions';
import { candidates, type Candidate } from './candidates';
import type { CursorContext } from './context';
import { contentColumn, escapeSnippet, indentLines, lead, replacing, sortText, TRIGGER_SUGGEST } from './items';

export interface Snippet {
  label: string;
  detail: string;
  /** Lines relative to the item's first key; the first line follows the dash. */
  lines: string[];
  filterText: string;
  /** Run once the snippet is in: opens the list of the first field when it has a vocabulary. */
  command?: Command;
}

/** Snippets for a new item of the list whose items have guidance path `list` (`system`, `integration`, ...). */
export function snippetItems(analysis: Analysis, ctx: CursorContext, list: string, offset: number): CompletionItem[] {
  const snippets = snippetsFor(analysis, list, offset);
  return snippets.map((s, index) => {
    // The end of the snippet is a line of its own at the item's keys: the Tab after the last
    // field leaves the cursor where the next key of the item is typed, not after a value.
    const text = lead(ctx) + indentLines([...s.lines, '$0'], contentColumn(ctx));
    return {
      label: s.label,
      kind: CompletionItemKind.Snippet,
      detail: s.detail,
      documentation: { kind: MarkupKind.Markdown, value: '```yaml\n- ' + expandSnippet(indentLines(s.lines, 2)) + '\n```' },
      sortText: sortText(0, index),
      filterText: s.filterText,
      ...replacing(analysis.document, ctx, text, true),
      ...(s.command ? { command: s.command } : {}),
    };
  });
}

/** The snippets offered for a new item of `list` (exported for the tests, which type into them). */
export function snippetsFor(analysis: Analysis, list: string, offset: number): Snippet[] {
  const fresh = (base: string) => escapeSnippet(freshId(analysis.manifest, base));
  switch (list) {
    case 'system':
      return [
        {
          label: 'New system',
          detail: 'An application, platform or middleware: id, name, kind and where it runs',
          filterText: 'system new system',
          lines: [`id: \${1:${fresh('new-system')}}`, 'name: ${2:New system}', 'kind: ${3:erp}', 'hosting: ${4:cloud}'],
        },
      ];
    case 'integration':
      return (['data', 'process', 'ui'] as const).map((type) => integrationSnippet(analysis, type));
    case 'goal':
      return [
        {
          label: 'New goal',
          detail: 'A business goal that integrations serve, with how success is measured',
          filterText: 'goal new goal',
          lines: [`id: \${1:${fresh('new-goal')}}`, 'title: ${2:What the business gains}', 'metric: ${3:How success is measured}'],
        },
      ];
    case 'actor':
      return [
        {
          label: 'New actor',
          detail: 'A person or role that triggers integrations or takes part in their steps',
          filterText: 'actor new actor',
          lines: [`id: \${1:${fresh('new-actor')}}`, 'name: ${2:Role name}'],
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
          // The rule first, with the list of rules open (those that report on the item come first).
          lines: ['rule: $1', 'reason: ${2:Why the deviation is accepted}', `expires: \${3:${addDays(todayUtc(), WAIVER_DAYS)}}`],
          command: TRIGGER_SUGGEST,
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

const TYPE_TEXT: Readonly<Record<IntegrationType, { label: string; detail: string; name: string }>> = {
  data: { label: 'New data integration', name: 'Data integration', detail: 'Async messaging through Service Bus, system of record, Entra ID, Key Vault, TLS 1.2, alerts, retries and dead-letter' },
  process: { label: 'New process integration', name: 'Process integration', detail: 'Event-driven, async messaging through Service Bus, Entra ID, Key Vault, TLS 1.2, alerts, retries, dead-letter and an end-to-end test' },
  ui: { label: 'New UI integration', name: 'UI integration', detail: 'An embedded view of another system: no data copied; Entra ID, TLS 1.2, monitoring and retries' },
};

/**
 * An integration of `type` in the pattern the guidance recommends. The fields are its id, name,
 * ends, rate, route and goal; `systemOfRecord` mirrors `from` (`$3`), so it follows the end typed.
 */
function integrationSnippet(analysis: Analysis, type: IntegrationType): Snippet {
  const systems = candidates(analysis, 'systems');
  const { from, to } = likelyEnds(systems, type);
  const bus = systems.find((s) => s.systemKind === 'service-bus')?.id ?? 'bus';
  const goal = candidates(analysis, 'goals')[0]?.id;
  const e = escapeSnippet;
  const { label, detail, name } = TYPE_TEXT[type];
  const lines = [`id: \${1:${e(freshId(analysis.manifest, `new-${type}-integration`))}}`, `name: \${2:${name}}`, `type: ${type}`, `from: \${3:${e(from)}}`, `to: \${4:${e(to)}}`];
  if (type === 'ui') lines.push('mode: sync', 'trigger: user', 'frequency: on-demand', 'pattern: embedded');
  else {
    lines.push('mode: async', 'trigger: event', 'frequency: near-real-time', 'volume: ${5:500/hour}', 'pattern: messaging', `via: [\${6:${e(bus)}}]`);
    if (type === 'data') lines.push('systemOfRecord: $3');
  }
  if (goal) lines.push(`goals: [\${7:${e(goal)}}]`);
  lines.push(
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
    // A process is tested end to end, across the systems it joins (rule end-to-end-testing).
    ...(type === 'process' ? ['testing:', '  endToEnd: planned'] : []),
  );
  return { label, detail, filterText: `integration ${type} new ${type} integration`, lines };
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

/** A tab stop with a default (`${1:erp}`), an empty one (`${1}`, `$1`), or an escaped character. */
const SNIPPET_PART = /\$\{(\d+):((?:\\.|[^}\\])*)\}|\$\{(\d+)\}|\$(\d+)|\\([\\$}])/g;

/**
 * Snippet text as a person leaves it: each tab stop holds what `typed` gives for its number,
 * else its default (mirrors, `$n`, repeat it); `$0` and empty stops hold nothing. Snippets here
 * have no choices (see the module's comment).
 */
export function expandSnippet(text: string, typed: Readonly<Record<number, string>> = {}): string {
  const values = new Map<string, string>(Object.entries(typed));
  for (const [, n, fallback] of text.matchAll(SNIPPET_PART)) if (n !== undefined && !values.has(n)) values.set(n, unescape(fallback!));
  return text.replace(SNIPPET_PART, (_, n?: string, _fallback?: string, empty?: string, mirror?: string, escaped?: string) =>
    escaped ?? values.get(n ?? empty ?? mirror!) ?? '',
  );
}

function unescape(text: string): string {
  return text.replace(/\\([\\$}])/g, '$1');
}
