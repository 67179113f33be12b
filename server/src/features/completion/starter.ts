/**
 * The starter: what completion offers in an empty manifest. A whole manifest (the format
 * version, the solution, governance, a goal, two systems and one integration between them in
 * the recommended pattern) that lints clean as inserted, with a field for each name a person
 * gives: the solution, the goal, each system (id, name, kind) and the integration. The ids are
 * mirrored where the integration names them (`from`, `to`, `systemOfRecord`, `goals`), so
 * typing an id keeps the manifest consistent. No choice lists (see snippets.ts).
 */
import { CompletionItemKind, MarkupKind, type CompletionItem } from 'vscode-languageserver';
import type { Analysis } from '../../analysis/analyze';
import type { CursorContext } from './context';
import { expandSnippet } from './snippets';
import { replacing, sortText } from './items';

export const STARTER_LABEL = 'New manifest (starter)';

/** The starter's snippet lines. Two systems in the cloud, so no gateway or middleware is needed: a low-volume Web API call. */
export const STARTER_LINES: readonly string[] = [
  'integrationManifest: 1',
  'solution:',
  '  name: ${1:Contoso order to cash}',
  'governance:',
  '  alm: azure-devops',
  '  versionControl: true',
  "  availability: '99.9%'",
  '  disasterRecovery: Agree recovery point and time objectives with the business',
  'goals:',
  '  - id: ${2:order-visibility}',
  '    title: ${3:Sales sees the status of every order within 15 minutes}',
  'systems:',
  '  - id: ${4:erp}',
  '    name: ${5:Warehouse ERP}',
  '    kind: ${6:erp}',
  '    hosting: cloud',
  '  - id: ${7:sales}',
  '    name: ${8:Dynamics 365 Sales}',
  '    kind: ${9:dynamics-365-sales}',
  '    hosting: cloud',
  'integrations:',
  '  - id: ${10:order-status}',
  '    name: ${11:Order status updates}',
  '    type: data',
  '    from: $4',
  '    to: $7',
  '    mode: sync',
  '    trigger: event',
  '    frequency: near-real-time',
  '    volume: ${12:200/hour}',
  '    pattern: web-api',
  '    systemOfRecord: $4',
  '    goals: [$2]',
  '    security:',
  '      authentication: entra-id',
  '      secrets: key-vault',
  '      transport: tls1.2',
  '    monitoring:',
  '      tool: application-insights',
  '      alerts: true',
  '    errorHandling:',
  '      retry: { attempts: 5, backoff: exponential }',
  '$0',
];

/** Whether the document holds nothing but comments and blanks outside `except` (what is being typed). */
export function isEmptyManifest(text: string, except: { start: number; end: number }): boolean {
  const rest = text.slice(0, except.start) + text.slice(except.end);
  return rest.split(/\r?\n/).every((line) => /^\s*(#.*)?$/.test(line));
}

/** The starter, when the cursor starts a top-level key of a manifest that is still empty. */
export function starterItems(analysis: Analysis, ctx: CursorContext): CompletionItem[] {
  if (ctx.kind !== 'key' || ctx.path.length > 0 || ctx.column !== 0 || ctx.flow || ctx.hasColon) return [];
  if (!isEmptyManifest(analysis.document.text, ctx.range)) return [];
  const nl = analysis.document.text.includes('\r\n') ? '\r\n' : '\n';
  return [
    {
      label: STARTER_LABEL,
      kind: CompletionItemKind.Snippet,
      detail: 'Version, solution, governance, a goal, two systems and one integration in the recommended pattern',
      documentation: { kind: MarkupKind.Markdown, value: '```yaml\n' + expandSnippet(STARTER_LINES.join('\n')) + '```' },
      sortText: sortText(0, 0),
      filterText: 'integrationManifest starter new manifest',
      preselect: true,
      ...replacing(analysis.document, ctx, STARTER_LINES.join(nl), true),
    },
  ];
}
