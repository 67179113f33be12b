/**
 * The landscape on the command line (SPEC 11): `impact <file> <system>` in Markdown and JSON,
 * `diagram --view <id>`, and a section per saved view in `docs`.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { CliIo } from '../../server/src/cli/io';
import { runCli } from '../../server/src/cli/main';
import { joinLines } from '../helpers/text';

const MANIFEST = joinLines(
  'integrationManifest: 1',
  'solution:',
  '  name: Landscape',
  'systems:',
  '  - id: crm',
  '    name: CRM',
  '    kind: crm',
  '    domain: Sales',
  '  - id: erp',
  '    name: ERP',
  '    kind: erp',
  '    domain: Finance',
  '    hosting: on-premises',
  '  - id: bus',
  '    name: Bus',
  '    kind: service-bus',
  '  - id: wh',
  '    name: Warehouse',
  '    kind: legacy',
  '    domain: Supply chain',
  'integrations:',
  '  - id: orders',
  '    name: Orders',
  '    type: data',
  '    from: crm',
  '    to: erp',
  '    via: [bus]',
  '  - id: picking',
  '    name: Picking',
  '    type: process',
  '    from: erp',
  '    to: wh',
  'views:',
  '  - id: finance',
  '    title: Finance and its neighbours',
  '    description: For the finance architects.',
  '    include: { domains: [Finance] }',
  '    groupBy: domain',
);

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'im-landscape-'));
  try {
    writeFileSync(join(dir, 'l.integration.yaml'), MANIFEST);
    let out = '';
    let err = '';
    const io: CliIo = { cwd: dir, stdout: (t) => void (out += t), stderr: (t) => void (err += t), resolve: (f) => resolve(dir, f), color: false, version: '0' };
    const code = await runCli(args, io);
    return { code, out, err };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('command line: the landscape', () => {
  it('impact prints what lies up- and downstream of a system, in Markdown', async () => {
    const { code, out, err } = await run('impact', 'l.integration.yaml', 'erp');
    assert.equal(code, 0, err);
    assert.equal(
      out,
      joinLines(
        '# Impact of ERP (`erp`)',
        '',
        'Domain Finance, hosted on-premises. 2 systems upstream and 1 system downstream, through 2 integrations (following each integration from end to end, through its `via` middleware, and onward).',
        '',
        '## Inbound integrations (1)',
        '',
        '- `orders` Orders: `crm` → `bus` → `erp` (data)',
        '',
        '## Outbound integrations (1)',
        '',
        '- `picking` Picking: `erp` → `wh` (process)',
        '',
        '## Upstream systems (2)',
        '',
        '- `bus` Bus',
        '- `crm` CRM (Sales)',
        '',
        '## Downstream systems (1)',
        '',
        '- `wh` Warehouse (Supply chain)',
      ),
    );
  });

  it('impact --format json gives the same facts as data', async () => {
    const { code, out } = await run('impact', 'l.integration.yaml', 'crm', '--format', 'json');
    assert.equal(code, 0);
    const report = JSON.parse(out) as { system: { id: string }; downstream: { id: string }[]; outbound: { id: string; via: string[] }[]; upstream: unknown[] };
    assert.equal(report.system.id, 'crm');
    assert.deepEqual(report.downstream.map((s) => s.id), ['bus', 'erp', 'wh']);
    assert.deepEqual(report.outbound.map((i) => [i.id, i.via]), [['orders', ['bus']]]);
    assert.deepEqual(report.upstream, []);
  });

  it('impact refuses an unknown system with the closest id, and a missing argument or an unknown format with usage', async () => {
    const unknown = await run('impact', 'l.integration.yaml', 'ep');
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /l\.integration\.yaml has no system 'ep'\. Did you mean 'erp'\? Its systems: crm, erp, bus, wh\./);
    assert.match((await run('impact', 'l.integration.yaml')).err, /impact needs a manifest file and a system id/);
    assert.match((await run('impact', 'l.integration.yaml', 'erp', '--format', 'xml')).err, /Unknown format 'xml': use markdown or json\./);
  });

  it('diagram --view prints a saved view, grouped as it says; an unknown view is refused with the closest id', async () => {
    const { code, out } = await run('diagram', 'l.integration.yaml', '--view', 'finance');
    assert.equal(code, 0);
    assert.match(out, /^flowchart TB\n/);
    assert.match(out, /subgraph g_0\["Sales"\]/);
    assert.match(out, /subgraph g_1\["Finance"\]/);
    assert.match(out, /subgraph g_3\["Supply chain"\]/, 'picking has an end in Finance');
    assert.doesNotMatch(out, /Cloud|On-premises/, 'grouped by domain alone');
    const unknown = await run('diagram', 'l.integration.yaml', '--view', 'financ');
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /has no saved view 'financ'\. Did you mean 'finance'\? Its views: finance\./);
    assert.match((await run('diagram', 'l.integration.yaml', '--view', 'finance', '--type', 'interaction')).err, /--view picks a saved view/);
  });

  it('docs writes a section per saved view', async () => {
    const { out } = await run('docs', 'l.integration.yaml');
    assert.match(out, /## Saved views\n\n### Finance and its neighbours \(`finance`\)\n\nFor the finance architects\.\n\n```mermaid\nflowchart TB\n/);
    assert.ok(out.indexOf('## Saved views') < out.indexOf('## Integration inventory'));
  });
});
