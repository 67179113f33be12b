/**
 * The MCP server's tools: what an agent can ask about the manifests under the root, answered by
 * the same engine as the editor and the command line (`analyzeText`, `diagramsFor`). Read-only:
 * no tool writes anything. Each answer is JSON text (the Mermaid itself for `diagram`) plus the
 * same value as `structuredContent`, checked against the tool's output schema; a refusal or a
 * failure is a result with `isError: true` and a message that says what to do, never a crash.
 *
 * `checklist` (SPEC 15) waits for the engine to compute it.
 */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import * as z from 'zod';
import { analyzeText, type Analysis, type Problem } from '../analysis/analyze';
import { plainText } from '../analysis/plainText';
import { diagramsFor } from '../diagram';
import { countsByIntegration } from '../diagram/findings';
import { findSystem, type Integration, type System } from '../model/manifest';
import { ratePerHour } from '../model/rate';
import { closest } from '../model/suggest';
import { findRule } from '../rules';
import { impactReport } from '../landscape/report';
import { VERSION, ruleDocsUrl } from '../../../shared/src/product';
import { findManifests, quoted, readManifest, ToolError } from './paths';

const FILE = z
  .string()
  .min(1)
  .describe(
    'The manifest to read: its path relative to the server root, with `/` between folders, exactly as list_manifests returns it (for example `sales/order-to-cash.integration.yaml`). Absolute paths, paths out of the root and files not named *.integration.yaml or *.integration.yml are refused.',
  );

const INTEGRATION = z
  .string()
  .min(1)
  .optional()
  .describe('The id of one integration of the manifest (as describe lists them): draw its interaction (sequence) diagram instead of the application diagram.');

/** A count or a 1-based position. */
const COUNT = z.number().int().nonnegative();

const text = (what: string) => z.string().nullable().describe(`${what}; null when the manifest does not say.`);

const SEVERITY_COUNTS = z
  .object({ errors: COUNT, warnings: COUNT, infos: COUNT, hints: COUNT })
  .describe('How many findings of each severity the manifest has (the lint findings: run the findings tool for them).');

const LIST_OUTPUT = {
  root: z.string().describe('The folder the server reads (an absolute path); every `file` is relative to it.'),
  manifests: z
    .array(
      z.object({
        file: z.string().describe('The path to pass as `file` to the other tools.'),
        solution: text('The solution name (`solution.name`)'),
        systems: COUNT.describe('How many systems the manifest declares.'),
        integrations: COUNT.describe('How many integrations the manifest declares.'),
        findings: SEVERITY_COUNTS,
      }),
    )
    .describe('Every manifest under the root, sorted by path.'),
  refused: z
    .array(z.object({ file: z.string(), reason: z.string() }))
    .describe('Files named like manifests that the server will not read (a link out of the root, a FIFO, unreadable), with the reason.'),
  truncated: z.boolean().describe('True when there were more manifests than listed.'),
};

const SYSTEM = z.object({
  id: z.string(),
  name: text('The display name'),
  kind: text('The system kind (`kind`, such as dynamics-365-sales, erp, service-bus)'),
  family: z
    .enum(['dataverse', 'finance-operations', 'business-central', 'analytics', 'middleware', 'other'])
    .nullable()
    .describe('The family derived from the kind: dataverse, finance-operations, business-central, analytics, middleware or other; null for a missing or unknown kind.'),
  hosting: z.enum(['cloud', 'on-premises']).nullable().describe('Where it runs (`hosting`); null when not declared.'),
  owner: text('The owning team (`owner`)'),
});

const INTEGRATION_FACTS = z.object({
  id: z.string(),
  name: text('The display name'),
  type: z.enum(['ui', 'data', 'process']).nullable().describe('ui, data or process; null when missing or not one of these.'),
  from: text('The id of the system it starts from (`from`)'),
  to: text('The id of the system it reaches (`to`)'),
  twoWay: z.boolean().describe('True for `direction: two-way` (data also flows back).'),
  mode: z.enum(['sync', 'async', 'batch']).nullable().describe('sync, async or batch (`mode`); null when missing or not one of these.'),
  trigger: text('What starts it (`trigger`: event, schedule, user, ...)'),
  frequency: text('How often it runs, as written (`frequency`)'),
  pattern: text('The integration pattern (`pattern`: messaging, dual-write, odata, ...)'),
  rate: z
    .object({
      perHour: z.number().describe('The rate normalized per hour, rounded to two decimals (`20k/day` is 833.33).'),
      written: z.string().describe('The rate as written in the manifest, such as `20k/day`.'),
      source: z.enum(['peak', 'volume']).describe('Which key it comes from: `peak` when it is a rate, else `volume`.'),
    })
    .nullable()
    .describe('The rate the rules judge: `peak` when it parses as a rate, else `volume`; null when neither does.'),
  crossesBoundary: z
    .boolean()
    .nullable()
    .describe('True when one end is on-premises and the other in the cloud (it then needs a secure bridge and authentication); null when an end is undeclared or has no `hosting`.'),
  via: z.array(z.string()).describe('The ids of the middleware it passes through (`via`), in path order.'),
  path: z.array(z.string()).describe('The whole route: from, the via systems, to (`?` for a missing end).'),
  systemOfRecord: text('The id of the system that owns the data (`systemOfRecord`)'),
  goals: z.array(z.string()).describe('The ids of the goals it serves.'),
  owner: text('The owning team (`owner`)'),
  findings: z.object({ errors: COUNT, warnings: COUNT }).describe('The error and warning findings on this integration.'),
});

const DESCRIBE_OUTPUT = {
  file: z.string(),
  solution: text('The solution name (`solution.name`)'),
  systems: z.array(SYSTEM).describe('The systems, in manifest order.'),
  integrations: z.array(INTEGRATION_FACTS).describe('The integrations, in manifest order, each with the facts derived from it.'),
  findings: SEVERITY_COUNTS,
};

const FINDINGS_OUTPUT = {
  file: z.string(),
  counts: SEVERITY_COUNTS,
  findings: z
    .array(
      z.object({
        rule: z.string().describe('The rule id (`schema`, `dead-letter`, ...).'),
        severity: z.enum(['error', 'warning', 'info', 'hint']),
        message: z.string().describe('What is wrong and what to do, as the editor shows it.'),
        line: COUNT.describe('1-based line of the start.'),
        column: COUNT.describe('1-based column of the start (UTF-16 code units).'),
        endLine: COUNT,
        endColumn: COUNT,
        item: z
          .object({ kind: z.enum(['system', 'integration', 'goal', 'actor']), id: z.string() })
          .nullable()
          .describe('The item the finding is about (where a waiver for it goes); null when it is about the manifest as a whole.'),
        summary: z.string().nullable().describe("What the rule checks, in one sentence (the rule's guidance); null for `internal-error`."),
        category: z.enum(['correctness', 'guidance']).nullable().describe('correctness: the manifest is wrong as written; guidance: the design goes against the integration guidance.'),
        docs: z.string().nullable().describe("The rule's documentation page: why, a bad and a good example, the fix."),
      }),
    )
    .describe('Every finding, in document order, with the severity the manifest configures and its waivers applied.'),
};

const DIAGRAM_OUTPUT = {
  file: z.string(),
  diagram: z.enum(['application', 'interaction']).describe('application: every system and integration; interaction: one integration as a sequence diagram.'),
  integration: z.string().nullable().describe('The integration drawn, for an interaction diagram.'),
  mermaid: z.string().describe('The diagram as Mermaid text.'),
  note: z.string().nullable().describe('Set when the manifest has errors: the diagram shows what could be read.'),
};

const SYSTEM_ID = z.string().min(1).describe('The id of one system of the manifest (as describe lists them).');

const SYSTEM_ENTRY = z.object({
  id: z.string(),
  name: z.string(),
  domain: z.string().optional().describe('The business domain, when the manifest says.'),
  hosting: z.string().optional().describe('cloud or on-premises, when the manifest says.'),
});
const INTEGRATION_ENTRY = z.object({
  id: z.string(),
  name: z.string(),
  from: z.string(),
  to: z.string(),
  via: z.array(z.string()).describe('Middleware on the way, in path order.'),
  type: z.string().optional(),
  twoWay: z.boolean(),
});
const IMPACT_OUTPUT = {
  file: z.string(),
  system: SYSTEM_ENTRY,
  inbound: z.array(INTEGRATION_ENTRY).describe('Integrations that bring data to the system (two-way ones count both ways).'),
  outbound: z.array(INTEGRATION_ENTRY).describe('Integrations that take data from it.'),
  through: z.array(INTEGRATION_ENTRY).describe('Integrations that pass through it as middleware.'),
  upstream: z.array(SYSTEM_ENTRY).describe('Systems whose data reaches it, following integrations end to end through their via middleware and onward, nearest first.'),
  downstream: z.array(SYSTEM_ENTRY).describe('Systems its data reaches, nearest first.'),
  integrations: z.array(INTEGRATION_ENTRY).describe('Every integration on those paths, and its own.'),
};

/** At most this many integration ids are named in a message. */
const MAX_NAMED = 30;

type Shape = Record<string, z.ZodType>;
type Output<S extends Shape> = z.infer<z.ZodObject<S>>;

const INSTRUCTIONS = `Read-only access to the Integration Manifests under one folder: YAML designs (*.integration.yaml) of Dynamics 365 and Power Platform integrations, checked against the integration guidance.
Start with list_manifests; pass the \`file\` it returns to describe (systems and integrations with derived facts), findings (lint findings with each rule's guidance), impact (what lies up- and downstream of one system) and diagram (Mermaid). Nothing is written.`;

/**
 * An MCP server with the tools, reading the manifests under `root` (a real path, see
 * `realRoot`). `log` is told of a tool that failed by a fault of ours (not of a refusal).
 */
export function createMcpServer(root: string, log: (text: string) => void = () => {}): McpServer {
  const server = new McpServer({ name: 'integration-manifests', title: 'Integration Manifests', version: VERSION }, { instructions: INSTRUCTIONS });
  const readOnly = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false } as const;

  server.registerTool(
    'list_manifests',
    {
      title: 'List manifests',
      description:
        'List the integration manifests under the server root (every *.integration.yaml and *.integration.yml, outside node_modules and hidden folders), each with its solution name, how many systems and integrations it declares, and how many findings of each severity it has. Call this first: the `file` of each entry is what the other tools take.',
      annotations: { title: 'List manifests', ...readOnly },
      outputSchema: LIST_OUTPUT,
    },
    () => answer('list_manifests', log, () => json(listManifests(root))),
  );

  server.registerTool(
    'describe',
    {
      title: 'Describe a manifest',
      description:
        'Describe one manifest: its systems (kind, family, hosting, owner) and its integrations with the facts derived from them: type, ends, mode, trigger, pattern, the rate per hour and as written, whether it crosses the cloud / on-premises boundary, its path through middleware (via), its system of record and goals, and its error and warning counts. Use it to answer questions about a design without reading the YAML.',
      annotations: { title: 'Describe a manifest', ...readOnly },
      inputSchema: { file: FILE },
      outputSchema: DESCRIBE_OUTPUT,
    },
    ({ file }) => answer('describe', log, () => json(describe(root, file))),
  );

  server.registerTool(
    'findings',
    {
      title: 'Lint findings',
      description:
        "The lint findings of one manifest, as `integration-manifests lint` and the editor report them: rule, severity, message (what is wrong and what to do), 1-based line and column, the item it is about, and the rule's summary and documentation link. Use it to review a design or to check a change you made to a manifest.",
      annotations: { title: 'Lint findings', ...readOnly },
      inputSchema: { file: FILE },
      outputSchema: FINDINGS_OUTPUT,
    },
    ({ file }) => answer('findings', log, () => json(findings(root, file))),
  );

  server.registerTool(
    'impact',
    {
      title: 'Impact of a system',
      description:
        "What a change to one system touches: its inbound and outbound integrations, the integrations that pass through it as middleware, and every system upstream (whose data reaches it) and downstream (that its data reaches), following each integration from end to end through its via middleware and onward. Use it before changing, replacing or retiring a system.",
      annotations: { title: 'Impact of a system', ...readOnly },
      inputSchema: { file: FILE, system: SYSTEM_ID },
      outputSchema: IMPACT_OUTPUT,
    },
    ({ file, system }) => answer('impact', log, () => json(impact(root, file, system))),
  );

  server.registerTool(
    'diagram',
    {
      title: 'Diagram',
      description:
        "A diagram of one manifest as Mermaid text: the application integration diagram (every system and integration, grouped by cloud and on-premises), or, with `integration`, that integration's interaction (sequence) diagram. The text content is the Mermaid itself, ready to put in a ```mermaid block.",
      annotations: { title: 'Diagram', ...readOnly },
      inputSchema: { file: FILE, integration: INTEGRATION },
      outputSchema: DIAGRAM_OUTPUT,
    },
    ({ file, integration }) =>
      answer('diagram', log, () => {
        const value = diagram(root, file, integration);
        // The Mermaid as the text, not JSON: what a client without structured content shows the model, verbatim.
        return { content: [{ type: 'text', text: value.mermaid }], structuredContent: value };
      }),
  );

  return server;
}

/**
 * The tool's result, or its failure as an error result: a refusal with its message; anything
 * else is a fault of ours, said as such and logged (the error's name and stack, for the person
 * who reads the client's log).
 */
function answer(tool: string, log: (text: string) => void, work: () => CallToolResult): CallToolResult {
  try {
    return work();
  } catch (e) {
    if (e instanceof ToolError) return { content: [{ type: 'text', text: e.message }], isError: true };
    log(`integration-manifests mcp: ${tool} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return { content: [{ type: 'text', text: `Internal error of integration-manifests in ${tool}: ${e instanceof Error ? e.message : String(e)}` }], isError: true };
  }
}

function json(value: Record<string, unknown>): CallToolResult {
  return { content: [{ type: 'text', text: JSON.stringify(value, null, 2) }], structuredContent: value };
}

function analyzed(root: string, file: string): { name: string; analysis: Analysis } {
  const { name, text } = readManifest(root, file);
  return { name, analysis: analyzeText(text, name) };
}

function severityCounts(problems: readonly Problem[]): z.infer<typeof SEVERITY_COUNTS> {
  const count = (severity: Problem['severity']) => problems.filter((p) => p.severity === severity).length;
  return { errors: count('error'), warnings: count('warning'), infos: count('info'), hints: count('hint') };
}

function listManifests(root: string): Output<typeof LIST_OUTPUT> {
  const { files, refused, truncated } = findManifests(root);
  const manifests: Output<typeof LIST_OUTPUT>['manifests'] = [];
  for (const file of files) {
    try {
      const { analysis } = analyzed(root, file);
      const { manifest } = analysis;
      manifests.push({
        file,
        solution: manifest.solutionName ?? null,
        systems: manifest.systems.length,
        integrations: manifest.integrations.length,
        findings: severityCounts(analysis.problems),
      });
    } catch (e) {
      // Changed between the listing and the read (removed, replaced by a link or a FIFO).
      if (!(e instanceof ToolError)) throw e;
      refused.push({ file, reason: e.message });
    }
  }
  return { root, manifests, refused, truncated };
}

function describe(root: string, file: string): Output<typeof DESCRIBE_OUTPUT> {
  const { name, analysis } = analyzed(root, file);
  const { manifest } = analysis;
  const counts = countsByIntegration(analysis);
  const system = (s: System) => ({
    id: s.id,
    name: s.name ?? null,
    kind: s.systemKind ?? null,
    family: s.family ?? null,
    hosting: s.hosting ?? null,
    owner: s.owner ?? null,
  });
  const integration = (i: Integration) => {
    const from = findSystem(manifest, i.from?.id);
    const to = findSystem(manifest, i.to?.id);
    const c = counts.get(i);
    return {
      id: i.id,
      name: i.name ?? null,
      type: i.type ?? null,
      from: i.from?.id ?? null,
      to: i.to?.id ?? null,
      twoWay: i.twoWay,
      mode: i.mode ?? null,
      trigger: i.trigger ?? null,
      frequency: i.frequency ?? null,
      pattern: i.pattern ?? null,
      rate: rateOf(i),
      crossesBoundary: from?.hosting && to?.hosting ? from.hosting !== to.hosting : null,
      via: i.via.map((v) => v.id),
      path: [i.from?.id ?? '?', ...i.via.map((v) => v.id), i.to?.id ?? '?'],
      systemOfRecord: i.systemOfRecord?.id ?? null,
      goals: i.goals.map((g) => g.id),
      owner: i.owner ?? null,
      findings: { errors: c?.errors ?? 0, warnings: c?.warnings ?? 0 },
    };
  };
  return {
    file: name,
    solution: manifest.solutionName ?? null,
    systems: manifest.systems.map(system),
    integrations: manifest.integrations.map(integration),
    findings: severityCounts(analysis.problems),
  };
}

/** The rate the rules judge (`Integration.ratePerHour`: `peak` when it is a rate, else `volume`), with where it comes from. */
function rateOf(i: Integration): z.infer<typeof INTEGRATION_FACTS.shape.rate> {
  if (i.ratePerHour === undefined) return null;
  const fromPeak = ratePerHour(i.peak) !== undefined;
  return { perHour: Math.round(i.ratePerHour * 100) / 100, written: (fromPeak ? i.peak : i.volume) ?? '', source: fromPeak ? 'peak' : 'volume' };
}

function findings(root: string, file: string): Output<typeof FINDINGS_OUTPUT> {
  const { name, analysis } = analyzed(root, file);
  const { lines } = analysis.document;
  return {
    file: name,
    counts: severityCounts(analysis.problems),
    findings: analysis.problems.map((p) => {
      const start = lines.positionAt(p.span.start);
      const end = lines.positionAt(p.span.end);
      const rule = findRule(p.rule);
      return {
        rule: p.rule,
        severity: p.severity,
        message: plainText(p.message),
        line: start.line + 1,
        column: start.character + 1,
        endLine: end.line + 1,
        endColumn: end.character + 1,
        item: p.item ? { kind: p.item.kind, id: p.item.id } : null,
        summary: rule?.summary ?? null,
        category: rule?.category ?? null,
        docs: rule ? ruleDocsUrl(rule.id) : null,
      };
    }),
  };
}

function diagram(root: string, file: string, integrationId: string | undefined): Output<typeof DIAGRAM_OUTPUT> {
  const { name, analysis } = analyzed(root, file);
  const set = diagramsFor(analysis, { portable: true });
  const errors = analysis.problems.filter((p) => p.severity === 'error').length;
  const note = errors ? `${name} has ${errors} error${errors === 1 ? '' : 's'}; the diagram shows what could be read. The findings tool lists them.` : null;
  if (integrationId === undefined) return { file: name, diagram: 'application', integration: null, mermaid: set.application.mermaid, note };
  const found = set.interactions.find((d) => d.integrationId === integrationId);
  if (!found) {
    const ids = set.interactions.map((d) => d.integrationId).filter((id) => id);
    if (!ids.length) throw new ToolError(`${name} declares no integrations with an id, so it has no integration ${quoted(integrationId)}.`);
    const guess = closest(integrationId, ids);
    const list = ids.length <= MAX_NAMED ? ` Its integrations: ${ids.join(', ')}.` : ' describe lists its integrations.';
    throw new ToolError(`${name} has no integration ${quoted(integrationId)}.${guess ? ` Did you mean ${quoted(guess)}?` : ''}${list}`);
  }
  return { file: name, diagram: 'interaction', integration: found.integrationId, mermaid: found.mermaid, note };
}

function impact(root: string, file: string, systemId: string): Output<typeof IMPACT_OUTPUT> {
  const { name, analysis } = analyzed(root, file);
  const report = impactReport(analysis.manifest, systemId);
  if (!report) {
    const ids = analysis.manifest.systems.map((s) => s.id).filter((id) => id);
    if (!ids.length) throw new ToolError(`${name} declares no systems, so it has no system ${quoted(systemId)}.`);
    const guess = closest(systemId, ids);
    const list = ids.length <= MAX_NAMED ? ` Its systems: ${ids.join(', ')}.` : ' describe lists its systems.';
    throw new ToolError(`${name} has no system ${quoted(systemId)}.${guess ? ` Did you mean ${quoted(guess)}?` : ''}${list}`);
  }
  return { file: name, ...report };
}
