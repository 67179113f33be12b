/**
 * The MCP server as an agent meets it: the SDK's own client spawns the built command line,
 * `node dist/cli.js mcp --root <folder>`, over stdio. The folder holds the examples (one in a
 * subfolder), a YAML file that is no manifest, a FIFO named like a manifest, and links to a
 * file and a folder outside it. Expected values are read off the example files (their
 * comments say which findings they have; docs/rules/ gives the default severities), not asked
 * of the engine. What the server may read is described in server/src/mcp/paths.ts.
 */
import assert from 'node:assert/strict';
import { execFileSync, execSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';

const ROOT = resolve(__dirname, '../..');
const CLI = join(ROOT, 'dist/cli.js');
const EXAMPLES = join(ROOT, 'examples');
const REPOSITORY = 'https://github.com/integration-manifests/integration-manifests';
/** Written only outside the root: no answer may ever contain it. */
const SECRET = 'SECRET-OUTSIDE-THE-ROOT';

describe('protocol: `node dist/cli.js mcp` (MCP over stdio)', function () {
  this.timeout(120_000);
  let dir: string;
  let root: string;
  let client: Client;
  let transport: StdioClientTransport;
  const stderr: string[] = [];
  const clientErrors: Error[] = [];
  /** The text of every answer, to check that nothing from outside the root leaks into one. */
  const answers: string[] = [];

  before(async () => {
    execSync('npm run build', { cwd: ROOT, stdio: 'pipe' });
    dir = realpathSync(mkdtempSync(join(tmpdir(), 'im-mcp-')));
    root = join(dir, 'root');
    const outside = join(dir, 'outside');
    mkdirSync(join(root, 'sales'), { recursive: true });
    mkdirSync(join(root, 'node_modules', 'some-package'), { recursive: true });
    mkdirSync(outside);
    for (const name of ['bank-reconciliation', 'embedded-dashboards', 'hr-worker-sync', 'production-scheduling'])
      copyFileSync(join(EXAMPLES, `${name}.integration.yaml`), join(root, `${name}.integration.yaml`));
    copyFileSync(join(EXAMPLES, 'order-to-cash.integration.yaml'), join(root, 'sales', 'order-to-cash.integration.yaml'));
    copyFileSync(join(EXAMPLES, 'order-to-cash.integration.yaml'), join(root, 'node_modules', 'some-package', 'vendored.integration.yaml'));
    writeFileSync(join(root, 'notes.yaml'), `integrationManifest: 1\nsolution:\n  name: ${SECRET} in a file that is no manifest\n`);
    writeFileSync(join(outside, 'secret.integration.yaml'), `integrationManifest: 1\nsolution:\n  name: ${SECRET}\n`);
    symlinkSync(join(outside, 'secret.integration.yaml'), join(root, 'outside.integration.yaml'));
    symlinkSync(outside, join(root, 'linked'));
    symlinkSync(join(root, 'notes.yaml'), join(root, 'disguised.integration.yaml'));
    execFileSync('mkfifo', [join(root, 'pipe.integration.yaml')]);

    transport = new StdioClientTransport({ command: process.execPath, args: [CLI, 'mcp', '--root', root], cwd: dir, stderr: 'pipe' });
    transport.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
    client = new Client({ name: 'mcp-test', version: '1.0.0' });
    client.onerror = (e) => clientErrors.push(e);
    await client.connect(transport);
  });

  after(async () => {
    await client?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function call(name: string, args: Record<string, unknown> = {}): Promise<CallToolResult> {
    const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
    answers.push(JSON.stringify(result));
    return result;
  }

  function textOf(result: CallToolResult): string {
    assert.equal(result.content.length, 1);
    const [content] = result.content;
    assert.equal(content?.type, 'text');
    return content.text;
  }

  /** A successful answer: its structured content, which the JSON text repeats. */
  async function structured(name: string, args: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
    const result = await call(name, args);
    assert.equal(result.isError, undefined, textOf(result));
    assert.ok(result.structuredContent);
    if (name !== 'diagram') assert.deepEqual(JSON.parse(textOf(result)), result.structuredContent);
    return result.structuredContent;
  }

  /** A refusal: an error result whose message matches. */
  async function refused(name: string, args: Record<string, unknown>, message: RegExp): Promise<void> {
    const result = await call(name, args);
    assert.equal(result.isError, true, `${name} ${JSON.stringify(args)} was answered: ${JSON.stringify(result).slice(0, 300)}`);
    assert.equal(result.structuredContent, undefined);
    assert.match(textOf(result), message);
  }

  it('initializes as integration-manifests with instructions, and lists exactly the five tools, each described with an input and an output schema', async () => {
    assert.equal(client.getServerVersion()?.name, 'integration-manifests');
    assert.equal(client.getServerVersion()?.version, (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);
    assert.match(client.getInstructions() ?? '', /list_manifests/);
    const { tools } = await client.listTools();
    assert.deepEqual(tools.map((t) => t.name).sort(), ['describe', 'diagram', 'findings', 'impact', 'list_manifests']);
    for (const tool of tools) {
      assert.ok((tool.description ?? '').length > 80, `${tool.name} says what it does`);
      assert.equal(tool.inputSchema.type, 'object');
      assert.equal(tool.outputSchema?.type, 'object', `${tool.name} declares its output`);
      assert.equal(tool.annotations?.readOnlyHint, true, `${tool.name} is read-only`);
      assert.equal(tool.annotations?.destructiveHint, false);
    }
    const byName = new Map(tools.map((t) => [t.name, t]));
    assert.deepEqual(byName.get('list_manifests')!.inputSchema.properties ?? {}, {});
    for (const name of ['describe', 'findings', 'diagram', 'impact']) {
      const { properties, required } = byName.get(name)!.inputSchema;
      assert.deepEqual(required, name === 'impact' ? ['file', 'system'] : ['file'], `${name} requires file`);
      assert.match((properties?.['file'] as { description?: string }).description ?? '', /relative to the server root/);
    }
    assert.deepEqual(Object.keys(byName.get('diagram')!.inputSchema.properties ?? {}), ['file', 'integration']);
  });

  it('list_manifests: every manifest under the root with its solution and counts; links out, the FIFO and the disguised link refused with a reason; node_modules and non-manifests left out', async () => {
    const list = (await structured('list_manifests')) as {
      root: string;
      manifests: { file: string; solution: string | null; systems: number; integrations: number; findings: Record<string, number> }[];
      refused: { file: string; reason: string }[];
      truncated: boolean;
    };
    assert.equal(list.root, root);
    assert.equal(list.truncated, false);
    const summary = list.manifests.map(({ file, solution, systems, integrations }) => ({ file, solution, systems, integrations }));
    assert.deepEqual(summary, [
      { file: 'bank-reconciliation.integration.yaml', solution: 'Adventure Works bank reconciliation', systems: 4, integrations: 3 },
      { file: 'embedded-dashboards.integration.yaml', solution: 'Litware embedded dashboards', systems: 4, integrations: 4 },
      { file: 'hr-worker-sync.integration.yaml', solution: 'Northwind hire to retire', systems: 4, integrations: 4 },
      { file: 'production-scheduling.integration.yaml', solution: 'Fabrikam plan to produce', systems: 4, integrations: 3 },
      { file: 'sales/order-to-cash.integration.yaml', solution: 'Contoso order to cash', systems: 4, integrations: 5 },
    ]);
    // The findings the examples' header comments announce (the waivers of the other two depend on today's date).
    const findings = new Map(list.manifests.map((m) => [m.file, m.findings]));
    assert.deepEqual(findings.get('sales/order-to-cash.integration.yaml'), { errors: 0, warnings: 1, infos: 0, hints: 0 });
    assert.deepEqual(findings.get('embedded-dashboards.integration.yaml'), { errors: 0, warnings: 1, infos: 0, hints: 0 });
    assert.deepEqual(findings.get('production-scheduling.integration.yaml'), { errors: 0, warnings: 0, infos: 1, hints: 1 });

    const reasons = new Map(list.refused.map((r) => [r.file, r.reason]));
    assert.deepEqual([...reasons.keys()], ['disguised.integration.yaml', 'outside.integration.yaml', 'pipe.integration.yaml']);
    assert.match(reasons.get('outside.integration.yaml')!, /resolves outside the root/);
    assert.match(reasons.get('pipe.integration.yaml')!, /named pipe \(FIFO\), not a regular file/);
    assert.match(reasons.get('disguised.integration.yaml')!, /symbolic link to "notes\.yaml", which is not a manifest/);
  });

  it('describe: the systems with family and hosting, the integrations with their derived facts, as the order-to-cash example declares them', async () => {
    const described = await structured('describe', { file: 'sales/order-to-cash.integration.yaml' });
    const integration = (fields: Record<string, unknown>) => ({ frequency: null, twoWay: false, findings: { errors: 0, warnings: 0 }, ...fields });
    assert.deepEqual(described, {
      file: 'sales/order-to-cash.integration.yaml',
      solution: 'Contoso order to cash',
      systems: [
        { id: 'sales', name: 'Dynamics 365 Sales', kind: 'dynamics-365-sales', family: 'dataverse', hosting: 'cloud', owner: 'Sales operations' },
        { id: 'finance', name: 'Dynamics 365 Finance', kind: 'dynamics-365-finance', family: 'finance-operations', hosting: 'cloud', owner: 'Finance systems team' },
        { id: 'erp', name: 'Warehouse ERP', kind: 'erp', family: 'other', hosting: 'on-premises', owner: 'Logistics IT' },
        { id: 'bus', name: 'Contoso integration bus', kind: 'service-bus', family: 'middleware', hosting: 'cloud', owner: 'Integration team' },
      ],
      integrations: [
        integration({
          id: 'order-release', name: 'Confirmed orders to the warehouse', type: 'process', from: 'sales', to: 'erp', mode: 'async', trigger: 'event', pattern: 'business-events',
          rate: { perHour: 1200, written: '1.2k/hour', source: 'peak' }, crossesBoundary: true, via: ['bus'], path: ['sales', 'bus', 'erp'],
          systemOfRecord: null, goals: ['order-visibility', 'faster-cash'], owner: 'Integration team',
        }),
        integration({
          id: 'order-status', name: 'Order status updates', type: 'data', from: 'erp', to: 'sales', mode: 'async', trigger: 'event', frequency: 'near-real-time', pattern: 'messaging',
          rate: { perHour: 3000, written: '3k/hour', source: 'peak' }, crossesBoundary: true, via: ['bus'], path: ['erp', 'bus', 'sales'],
          systemOfRecord: 'erp', goals: ['order-visibility'], owner: 'Integration team',
        }),
        integration({
          id: 'shipped-invoices', name: 'Shipped orders invoiced in Finance', type: 'data', from: 'erp', to: 'finance', mode: 'batch', trigger: 'schedule', frequency: 'every 4h', pattern: 'file-transfer',
          rate: { perHour: 333.33, written: '8k/day', source: 'volume' }, crossesBoundary: true, via: ['bus'], path: ['erp', 'bus', 'finance'],
          systemOfRecord: 'erp', goals: ['faster-cash'], owner: 'Finance systems team',
        }),
        integration({
          id: 'customers', name: 'Customers shared by Sales and Finance', type: 'data', from: 'sales', to: 'finance', twoWay: true, mode: 'async', trigger: 'event', frequency: 'near-real-time', pattern: 'dual-write',
          rate: { perHour: 12.5, written: '300/day', source: 'volume' }, crossesBoundary: false, via: [], path: ['sales', 'finance'],
          systemOfRecord: 'sales', goals: ['one-customer'], owner: 'CRM team',
        }),
        integration({
          id: 'credit-check', name: 'Credit check while taking an order', type: 'data', from: 'finance', to: 'sales', mode: 'sync', trigger: 'user', pattern: 'odata',
          rate: { perHour: 1500, written: '1.5k/hour', source: 'peak' }, crossesBoundary: false, via: [], path: ['finance', 'sales'],
          systemOfRecord: 'finance', goals: ['faster-cash'], owner: 'CRM team', findings: { errors: 0, warnings: 1 },
        }),
      ],
      findings: { errors: 0, warnings: 1, infos: 0, hints: 0 },
    });
  });

  it("findings: each finding with its 1-based place, its item, and its rule's summary and documentation page", async () => {
    const { file, counts, findings } = (await structured('findings', { file: 'sales/order-to-cash.integration.yaml' })) as {
      file: string;
      counts: Record<string, number>;
      findings: { rule: string; severity: string; message: string; line: number; column: number; endLine: number; endColumn: number; item: unknown; summary: string; category: string; docs: string }[];
    };
    assert.equal(file, 'sales/order-to-cash.integration.yaml');
    assert.deepEqual(counts, { errors: 0, warnings: 1, infos: 0, hints: 0 });
    assert.equal(findings.length, 1);
    const [finding] = findings;
    // Line 214 of the example is `    mode: sync`, under the comment that announces this finding.
    const lines = readFileSync(join(EXAMPLES, 'order-to-cash.integration.yaml'), 'utf8').split('\n');
    assert.equal(lines[213], '    mode: sync');
    assert.match(lines[210]!, /Deliberate finding: prefer-async-messaging/);
    const { message, summary, ...place } = finding!;
    assert.deepEqual(place, {
      rule: 'prefer-async-messaging',
      severity: 'warning',
      line: 214,
      column: 11,
      endLine: 214,
      endColumn: 15,
      item: { kind: 'integration', id: 'credit-check' },
      category: 'guidance',
      docs: `${REPOSITORY}/blob/main/docs/rules/prefer-async-messaging.md`,
    });
    assert.ok(existsSync(join(ROOT, 'docs/rules/prefer-async-messaging.md')));
    assert.match(message, /^Integration 'credit-check' calls synchronously at 1500\/hour/, 'plain text, with the peak of 1.5k/hour');
    assert.match(summary, /asynchronous messaging/);

    const scheduling = (await structured('findings', { file: 'production-scheduling.integration.yaml' })) as { findings: { rule: string; severity: string; line: number }[] };
    assert.deepEqual(
      scheduling.findings.map(({ rule, severity, line }) => ({ rule, severity, line })),
      [
        { rule: 'process-event-driven', severity: 'info', line: 167 },
        { rule: 'prefer-low-code', severity: 'hint', line: 172 },
      ],
    );
  });

  it('diagram: the application diagram as Mermaid text, and one integration as a sequence diagram; an unknown integration refused with a suggestion', async () => {
    const application = await call('diagram', { file: 'sales/order-to-cash.integration.yaml' });
    const mermaid = textOf(application);
    assert.deepEqual(application.structuredContent, { file: 'sales/order-to-cash.integration.yaml', diagram: 'application', integration: null, mermaid, note: null });
    assert.match(mermaid, /^flowchart LR\b/m);
    for (const name of ['Dynamics 365 Sales', 'Dynamics 365 Finance', 'Warehouse ERP', 'Contoso integration bus']) assert.ok(mermaid.includes(name), `draws ${name}`);

    const sequence = await call('diagram', { file: 'sales/order-to-cash.integration.yaml', integration: 'order-release' });
    const steps = textOf(sequence);
    assert.deepEqual(sequence.structuredContent, { file: 'sales/order-to-cash.integration.yaml', diagram: 'interaction', integration: 'order-release', mermaid: steps, note: null });
    assert.match(steps, /^sequenceDiagram\b/m);
    for (const action of ['Confirm the order', 'Publish OrderConfirmed', 'Create the pick list']) assert.ok(steps.includes(action), `draws the step ${action}`);

    await refused('diagram', { file: 'sales/order-to-cash.integration.yaml', integration: 'order-relase' }, /has no integration "order-relase"\. Did you mean "order-release"\? Its integrations: order-release, order-status, shipped-invoices, customers, credit-check\./);
  });

  it('impact: what lies upstream and downstream of a system through via and onward, its integrations in and out; an unknown system refused with a suggestion', async () => {
    const result = (await structured('impact', { file: 'sales/order-to-cash.integration.yaml', system: 'erp' })) as {
      file: string;
      system: { id: string; name: string };
      inbound: { id: string; via: string[] }[];
      outbound: { id: string }[];
      through: unknown[];
      upstream: { id: string }[];
      downstream: { id: string }[];
      integrations: { id: string }[];
    };
    assert.equal(result.file, 'sales/order-to-cash.integration.yaml');
    assert.deepEqual(result.system, { id: 'erp', name: 'Warehouse ERP', hosting: 'on-premises' });
    assert.deepEqual(result.inbound.map((i) => [i.id, i.via]), [['order-release', ['bus']]]);
    assert.deepEqual(result.outbound.map((i) => i.id), ['order-status', 'shipped-invoices']);
    assert.deepEqual(result.through, []);
    assert.deepEqual(result.upstream.map((s) => s.id), ['bus', 'sales', 'finance']);
    assert.deepEqual(result.downstream.map((s) => s.id), ['bus', 'sales', 'finance']);
    const bus = (await structured('impact', { file: 'sales/order-to-cash.integration.yaml', system: 'bus' })) as { through: { id: string }[]; inbound: unknown[] };
    assert.deepEqual(bus.inbound, []);
    assert.ok(bus.through.length >= 3, 'the bus carries the order flows');
    await refused('impact', { file: 'sales/order-to-cash.integration.yaml', system: 'ep' }, /has no system "ep"\. Did you mean "erp"\? Its systems: sales, finance, erp, bus\./);
  });

  describe('refuses what lies outside the root or is no manifest, with a message, and keeps serving', () => {
    const cases: [string, () => string, RegExp][] = [
      ['a path up out of the root', () => '../outside/secret.integration.yaml', /"\.\.\/outside\/secret\.integration\.yaml" lies outside the root/],
      ['a path that climbs out through a folder', () => 'sales/../../outside/secret.integration.yaml', /lies outside the root/],
      ['an absolute path, even one under the root', () => join(root, 'sales', 'order-to-cash.integration.yaml'), /is an absolute path; this server reads only files under its root/],
      ['a symbolic link to a file outside', () => 'outside.integration.yaml', /"outside\.integration\.yaml" is a symbolic link .*resolves outside the root/],
      ['a path through a linked folder outside', () => 'linked/secret.integration.yaml', /resolves outside the root/],
      ['a FIFO named like a manifest', () => 'pipe.integration.yaml', /"pipe\.integration\.yaml" is a named pipe \(FIFO\), not a regular file/],
      ['a YAML file that is no manifest', () => 'notes.yaml', /"notes\.yaml" is not a manifest: manifest file names end in \.integration\.yaml or \.integration\.yml/],
      ['a link named like a manifest to one that is not', () => 'disguised.integration.yaml', /symbolic link to "notes\.yaml", which is not a manifest/],
      ['a folder', () => 'sales', /is not a manifest/],
      ['the root itself', () => '.', /is the root folder itself, not a manifest/],
      ['a missing file', () => 'missing.integration.yaml', /There is no file "missing\.integration\.yaml" under the root\. list_manifests lists the manifests there\./],
      ['a NUL character', () => 'a\0.integration.yaml', /contains a NUL character/],
    ];
    for (const [what, file, message] of cases) {
      it(what, async () => {
        for (const tool of ['describe', 'findings', 'diagram']) await refused(tool, { file: file() }, message);
      });
    }

    it('a missing or empty `file` argument', async () => {
      for (const tool of ['describe', 'findings', 'diagram']) {
        await refused(tool, {}, /Input validation error: Invalid arguments for tool \w+:[\s\S]*file/);
        await refused(tool, { file: '' }, /Input validation error[\s\S]*file/);
        await refused(tool, { file: 42 }, /Input validation error[\s\S]*file/);
      }
    });

    it('and still answers afterwards, having shown nothing from outside the root', async () => {
      const list = (await structured('list_manifests')) as { manifests: unknown[] };
      assert.equal(list.manifests.length, 5);
      for (const answer of answers) assert.ok(!answer.includes(SECRET), `an answer shows what lies outside the root: ${answer.slice(0, 200)}`);
    });
  });

  describe('after every request above', () => {
    it('has spoken only JSON-RPC on stdout, and one line on stderr', () => {
      assert.deepEqual(clientErrors, []);
      assert.equal(stderr.join(''), `integration-manifests mcp: serving the manifests under ${root}, read-only, on stdio.\n`);
    });
  });

  describe('the command', () => {
    function run(args: string[], input = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
      return new Promise((done, fail) => {
        const child = spawn(process.execPath, [CLI, 'mcp', ...args], { cwd: dir, stdio: ['pipe', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
        child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
        child.on('error', fail);
        child.on('close', (code) => done({ code, stdout, stderr }));
        child.stdin.end(input);
      });
    }

    it('answers piped JSON-RPC and ends with code 0 when its input ends', async () => {
      const messages = [
        { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'pipe', version: '0' } } },
        { jsonrpc: '2.0', method: 'notifications/initialized' },
        { jsonrpc: '2.0', id: 2, method: 'tools/list' },
      ];
      const { code, stdout } = await run(['--root', root], messages.map((m) => JSON.stringify(m) + '\n').join(''));
      assert.equal(code, 0);
      const replies = stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: number; result: { serverInfo?: { name: string }; tools?: { name: string }[] } });
      assert.deepEqual(replies.map((r) => r.id), [1, 2]);
      assert.equal(replies[0]!.result.serverInfo?.name, 'integration-manifests');
      assert.equal(replies[1]!.result.tools?.length, 5);
    });

    it('refuses a root that does not exist, is a file, or an unknown option, with code 2 and nothing on stdout', async () => {
      for (const [args, message] of [
        [['--root', join(dir, 'nowhere')], /The root .*nowhere does not exist\./],
        [['--root', join(root, 'notes.yaml')], /is not a folder/],
        [['--port', '3000'], /Unknown option '--port'.*Usage: integration-manifests mcp \[--root <dir>\]/],
        [['extra'], /Unexpected argument 'extra'/],
      ] as const) {
        const result = await run([...args]);
        assert.equal(result.code, 2, args.join(' '));
        assert.equal(result.stdout, '');
        assert.match(result.stderr, message);
      }
    });
  });
});
