/**
 * The diagram generators (ARCHITECTURE.md, "The diagram path"), the diagram request, the `diagram` and `docs` commands,
 * and the preview's pure parts (escaping, message validation, HTML and CSP).
 *
 * Snapshots: test/unit/__snapshots__/<name>.mmd holds the preview's diagrams of every
 * manifest in examples/ and test/fixtures/ and of the inline cases below; <name>.md the `docs`
 * output. A missing snapshot fails, as a changed one does: snapshots are written only when
 * asked, with `UPDATE_SNAPSHOTS=1 npx mocha test/unit/diagram.test.ts` (after a deliberate
 * change, or for a new example or case); review the diff and commit the files with the change.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import type { Connection } from 'vscode-languageserver';
import { contentSecurityPolicy, newNonce, previewHtml } from '../../client/src/preview/html';
import { MAX_EXPORT_CHARS, parseWebviewMessage } from '../../shared/src/webviewMessages';
import type { Analysis } from '../../server/src/analysis/analyze';
import type { CliIo } from '../../server/src/cli/io';
import { runCli } from '../../server/src/cli/main';
import { diagramsFor, LIMITS, type DiagramOptions } from '../../server/src/diagram';
import { decodeEntityCodes, mermaidText, toPrivateUse, withDirection } from '../../shared/src/mermaidText';
import { manifestMarkdown } from '../../server/src/diagram/markdown';
import type { DiagramSet, DiagramsParams } from '../../shared/src/diagrams';
import { DiagramsRequest } from '../../shared/src/requests';
import { registerDiagramRequest } from '../../server/src/diagram/register';
import { BASE, joinLines, lintText, TODAY, withIntegration } from '../helpers/text';

const ROOT = join(__dirname, '..', '..');
const SNAPSHOTS = join(__dirname, '__snapshots__');
const HOSTILE = readFileSync(join(ROOT, 'test/fixtures/hostile-names.integration.yaml'), 'utf8');

function setOf(text: string, options: Omit<DiagramOptions, 'today'> = {}): { analysis: Analysis; set: DiagramSet } {
  const analysis = lintText(text);
  return { analysis, set: diagramsFor(analysis, { today: TODAY, ...options }) };
}

/** Every diagram of a set, as one reviewable text. */
function snapshotText(set: DiagramSet): string {
  const parts = [`%% application (${set.application.systemCount} systems, ${set.application.edgeCount} edges)`, set.application.mermaid];
  for (const d of set.interactions) parts.push(`%% interaction ${d.integrationId} (${d.source})`, d.mermaid);
  return parts.join('\n');
}

/** Compares with the stored snapshot; writes it instead only with UPDATE_SNAPSHOTS=1. A missing snapshot fails. */
function expectSnapshot(name: string, actual: string): void {
  const file = join(SNAPSHOTS, name);
  if (process.env['UPDATE_SNAPSHOTS'] === '1') {
    mkdirSync(SNAPSHOTS, { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  assert.ok(existsSync(file), `snapshot ${name} is missing: write it with UPDATE_SNAPSHOTS=1 npx mocha test/unit/diagram.test.ts, review it and commit it`);
  assert.equal(actual, readFileSync(file, 'utf8'), `${name} changed: review, then run with UPDATE_SNAPSHOTS=1`);
}

/** The diagram set of a fixture as JSON, computed by a separate Node process. */
function diagramSetInNewProcess(file: string): string {
  const script = [
    "const { readFileSync } = require('node:fs');",
    "const { lintText, TODAY } = require('./test/helpers/text');",
    "const { diagramsFor } = require('./server/src/diagram');",
    `process.stdout.write(JSON.stringify(diagramsFor(lintText(readFileSync(${JSON.stringify(file)}, 'utf8')), { today: TODAY })));`,
  ].join('\n');
  return execFileSync(process.execPath, ['--require', 'tsx/cjs', '-e', script], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
}

/** Small manifests for the shapes the examples may not have. */
const CASES: Record<string, string> = {
  'sync-user-two-way': withIntegration({ mode: 'sync', trigger: 'user', direction: 'two-way', via: null, type: 'process', errorHandling: null }),
  'batch-schedule': withIntegration({ mode: 'batch', trigger: 'schedule', frequency: 'every 15m', volume: '2m/day', via: null, pattern: 'dmf' }),
  'async-two-way-event': withIntegration({ direction: 'two-way', type: 'ui' }),
  'undeclared-and-self': withIntegration({ to: 'crm', via: '[bus, gateway]' }) + joinLines('  - id: loop', '    name: Self', '    type: data', '    from: sales', '    to: sales'),
  'no-hosting-no-type': joinLines('integrationManifest: 1', 'solution:', '  name: Minimal', 'systems:', '  - id: a', '    name: A', '    kind: crm', '  - id: b', '    name: B', '    kind: custom', 'integrations:', '  - id: ab', '    name: A to B', '    from: a', '    to: b'),
  empty: joinLines('integrationManifest: 1', 'solution:', '  name: Nothing yet'),
  'half-written': joinLines('integrationManifest: 1', 'systems:', '  - id: a', '    name: A', '    kind: crm', 'integrations:', '  - id: x', '    name: Dangling', '    from: a', '    to:', '  - id: y', '    from: a', '    to: [oops'),
};

const FILES = [
  ...(existsSync(join(ROOT, 'examples')) ? readdirSync(join(ROOT, 'examples')).filter((f) => /\.integration\.ya?ml$/.test(f)).sort().map((f) => `examples/${f}`) : []),
  'test/fixtures/spec-example.integration.yaml',
  'test/fixtures/hostile-names.integration.yaml',
];

describe('diagrams', () => {
  describe('snapshots', () => {
    for (const file of FILES) {
      const name = file.split('/').pop()!.replace(/\.integration\.ya?ml$/, '');
      it(`${file}: preview diagrams and docs`, () => {
        const text = readFileSync(join(ROOT, file), 'utf8');
        expectSnapshot(`${name}.mmd`, snapshotText(setOf(text).set));
        expectSnapshot(`${name}.md`, manifestMarkdown(lintText(text), { source: file, today: TODAY }));
      });
    }
    for (const [name, text] of Object.entries(CASES)) {
      it(`inline case ${name}`, () => expectSnapshot(`case-${name}.mmd`, snapshotText(setOf(text).set)));
    }
  });

  describe('escaping', () => {
    const hostile = [
      'end',
      'graph',
      '<img src=x onerror=alert(1)>',
      '%%{init: {"securityLevel":"loose"}}%%',
      'a --> b',
      '"quoted"',
      '[brackets]',
      '#hash;semi',
      'click s0 call alert(1)',
      'javascript:alert(1)',
      'x ;; y',
      '`md` **b**',
      'ﬂ°°60¶ß',
      'line\nbreak',
      'a|b{c}',
    ];

    it('leaves only letters, digits, spaces, harmless marks and entity codes', () => {
      for (const s of hostile) {
        const out = mermaidText(s);
        const withoutCodes = out.replace(/#\d+;/g, '');
        assert.match(withoutCodes, /^[\p{L}\p{N} .,()_'?!/+=@-]*$/u, `${JSON.stringify(s)} gave ${out}`);
      }
    });

    it('keeps ordinary names readable', () => {
      assert.equal(mermaidText('Dynamics 365 Sales'), 'Dynamics 365 Sales');
      assert.equal(mermaidText('Größe & Co.'), 'Größe #38; Co.');
      assert.equal(mermaidText('support@contoso.com'), 'support@contoso.com');
      assert.equal(mermaidText('end'), 'end');
    });

    it('flattens line breaks, drops control and bidi characters, shortens long text', () => {
      assert.equal(mermaidText('a\r\nb\tc'), 'a b c');
      assert.equal(mermaidText('ab\u202ecd\u0007'), 'abcd');
      const long = mermaidText('x'.repeat(200), 10);
      assert.equal(long, 'xxxxxxxxx…');
    });

    it('round-trips any text through the preview path (private-use stand-ins, then decoding)', () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
          const expected = Array.from(s.replace(/\r\n|\r|\n|\t/g, ' ').replace(/[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, '').replace(/ {2,}/g, ' ').trim());
          const encoded = mermaidText(s, 1000);
          // What Mermaid does to an entity code in an SVG label: `#60;` → `&#60;` (a code that toPrivateUse left alone).
          const drawn = toPrivateUse(encoded).replace(/#(\d+);/g, '&#$1;');
          assert.equal(decodeEntityCodes(drawn), expected.join(''));
        }),
        { numRuns: 300 },
      );
    });

    it('round-trips through the HTML-label path (entity codes decoded by the browser)', () => {
      for (const s of hostile.filter((h) => !h.includes('\n'))) {
        const html = mermaidText(s).replace(/#(\d+);/g, '&#$1;');
        assert.equal(decodeEntityCodes(html), s);
      }
    });

    it('decodes once: a name that contains an entity code keeps it', () => {
      const s = '&#35; and &#60;b&#62;';
      assert.equal(decodeEntityCodes(toPrivateUse(mermaidText(s)).replace(/#(\d+);/g, '&#$1;')), s);
    });

    it('writes no manifest text raw into the hostile fixture diagrams', () => {
      const { set } = setOf(HOSTILE);
      const all = snapshotText(set);
      for (const raw of ['<img', '<svg', '%%{', '"quoted"', 'A-->B', '#hash;', '`markdown`', ';;']) assert.ok(!all.includes(raw), `${raw} appears raw`);
      // Generated ids only: every node and participant is s<n>, x<n>, p<n>, t0, d0 or n0.
      for (const m of set.application.mermaid.matchAll(/^\s+(\w+)(\[|\{\{)/gm)) assert.match(m[1]!, /^[sx]\d+$/);
      for (const d of set.interactions) for (const m of d.mermaid.matchAll(/^\s+(?:participant|actor) (\S+) as /gm)) assert.match(m[1]!, /^(p\d+|t0|d0|n0|p_missing)$/);
      // The `click` text is only ever inside a label.
      assert.ok(!/^\s*click /m.test(all));
    });
  });

  describe('application diagram', () => {
    it('groups systems by hosting, with a group for systems that do not say', () => {
      const { set } = setOf(CASES['no-hosting-no-type']!);
      assert.match(set.application.mermaid, /subgraph g_unset\["Hosting not declared"\]\n {4}s0\["A<br\/>crm"\]\n {4}s1\["B<br\/>custom"\]\n {2}end/);
      const { set: spec } = setOf(readFileSync(join(ROOT, 'test/fixtures/spec-example.integration.yaml'), 'utf8'));
      assert.match(spec.application.mermaid, /subgraph g_cloud\["Cloud"\]/);
      assert.match(spec.application.mermaid, /subgraph g_onprem\["On-premises"\]\n {4}s1\["Warehouse ERP<br\/>erp"\]/);
    });

    it('draws middleware as hexagons and the rest as boxes', () => {
      const { set } = setOf(BASE);
      assert.match(set.application.mermaid, /s2\{\{"Service Bus<br\/>service-bus"\}\}/);
      assert.match(set.application.mermaid, /s0\["Dynamics 365 Sales<br\/>dynamics-365-sales"\]/);
      assert.match(set.application.mermaid, /class s2 middleware/);
    });

    it('routes an integration through its via systems, labelling the first edge and numbering the rest', () => {
      const { set } = setOf(BASE);
      const edges = set.application.mermaid.split('\n').filter((l) => /@/.test(l));
      assert.deepEqual(edges, ['  s1 e0@-.->|"1. Order status<br/>500/day"| s2', '  s2 e1@-.->|"1"| s0']);
    });

    it('labels an integration with its rate as the author wrote it, never converted', () => {
      const label = (set: Record<string, string | null>) => /e0@[^|]*\|"([^"]*)"\|/.exec(setOf(withIntegration({ via: null, ...set })).set.application.mermaid)![1];
      assert.equal(label({ volume: '8k/day', frequency: 'every 4h' }), '1. Order status<br/>8k/day · every 4h');
      assert.equal(label({ volume: '8k/day', peak: '1.2k/hour' }), '1. Order status<br/>8k/day');
      // A long rate line is two: amount, then frequency (not a line that wraps after its `·`).
      assert.equal(label({ volume: null, peak: '3k/hour', frequency: 'near-real-time' }), '1. Order status<br/>peak 3k/hour<br/>near-real-time');
      assert.equal(label({ volume: '1.2k/day', frequency: 'on-demand' }), '1. Order status<br/>1.2k/day · on-demand');
      assert.equal(label({ volume: null, frequency: null }), '1. Order status');
      // What the author wrote is drawn as text, whatever it is.
      assert.equal(label({ volume: 'end"] --> x[%%{init}%%', frequency: null }), '✖ 1. Order status<br/>end#34;#93; --#62; x#91;#37;#37;#123;init#125;#37;#37;');
    });

    it('flows left to right unless told, and turns without changing anything else', () => {
      const lr = setOf(BASE).set.application.mermaid;
      assert.match(lr, /^flowchart LR\n/);
      const tb = diagramsFor(lintText(BASE), { today: TODAY, direction: 'TB' }).application.mermaid;
      assert.equal(tb, lr.replace(/^flowchart LR/, 'flowchart TB'));
      assert.equal(withDirection(lr, 'TB'), tb);
      assert.equal(withDirection(tb, 'LR'), lr);
      // Only a generated first line turns: a directive first, or a sequence, stays as it is.
      assert.equal(withDirection('%%{init: {}}%%\nflowchart LR\n', 'TB'), '%%{init: {}}%%\nflowchart LR\n');
      assert.equal(withDirection('sequenceDiagram\n', 'TB'), 'sequenceDiagram\n');
    });

    it('draws sync solid, async and batch dashed, two-way with two heads', () => {
      const line = (set: Record<string, string | null>) => setOf(withIntegration({ via: null, ...set })).set.application.mermaid.split('\n').find((l) => l.includes('e0@'))!;
      assert.match(line({ mode: 'sync' }), /e0@-->\|/);
      assert.match(line({ mode: 'async' }), /e0@-\.->\|/);
      assert.match(line({ mode: 'batch' }), /e0@-\.->\|/);
      assert.match(line({ mode: 'sync', direction: 'two-way' }), /e0@<-->\|/);
      assert.match(line({ mode: 'async', direction: 'two-way' }), /e0@<-\.->\|/);
    });

    it('colours each edge by type and dashes asynchronous ones', () => {
      const style = (type: string, mode = 'async') => setOf(withIntegration({ type, mode, via: null })).set.application.mermaid.split('\n').find((l) => l.includes('linkStyle'))!;
      assert.match(style('ui'), /stroke:#2f81f7,stroke-width:2px,stroke-dasharray:8 5/);
      assert.match(style('data'), /stroke:#1a9e5c/);
      assert.match(style('process', 'sync'), /stroke:#a259d9,stroke-width:2px(,color|$)/);
      assert.doesNotMatch(style('process', 'sync'), /dasharray/);
    });

    it('marks integrations with warnings (⚠, orange) and errors (✖, red)', () => {
      const warned = setOf(withIntegration({ monitoring: null })).set.application.mermaid;
      assert.match(warned, /\|"⚠ 1\. Order status/);
      assert.match(warned, /linkStyle 0,1 .*color:#d9822b/);
      const failed = setOf(BASE.replace('transport: tls1.2', 'transport: http')).set.application.mermaid;
      assert.match(failed, /\|"✖ 1\. Order status/);
      assert.match(failed, /color:#e5484d/);
      const clean = setOf(BASE).set.application.mermaid;
      assert.doesNotMatch(clean, /[⚠✖]/);
    });

    it('maps every node and edge id back to its item and document span', () => {
      const { analysis, set } = setOf(BASE);
      const text = analysis.document.text;
      const { nodes, edges } = set.application;
      assert.deepEqual(Object.keys(nodes).sort(), ['s0', 's1', 's2']);
      for (const [id, t] of Object.entries(nodes)) {
        assert.equal(text.slice(t.selection.start, t.selection.end), t.itemId, id);
        assert.ok(text.slice(t.span.start, t.span.end).startsWith(`id: ${t.itemId}`), id);
        assert.match(set.application.mermaid, new RegExp(`^\\s+${id}[[{]`, 'm'));
      }
      assert.deepEqual(Object.keys(edges), ['e0', 'e1']);
      assert.equal(text.slice(edges['e0']!.selection.start, edges['e0']!.selection.end), 'status');
      // The edge beyond the bus selects `to: sales`.
      const e1 = edges['e1']!;
      assert.equal(text.slice(e1.selection.start, e1.selection.end), 'sales');
      assert.ok(text.slice(e1.selection.start - 8, e1.selection.start).includes('to: '));
      assert.ok(text.slice(e1.span.start, e1.span.end).startsWith('id: status'));
    });

    it('draws references to undeclared systems, marked, so the path stays visible', () => {
      const { set } = setOf(CASES['undeclared-and-self']!);
      assert.match(set.application.mermaid, /x0\["gateway<br\/>not declared under systems"\]/);
      assert.match(set.application.mermaid, /x1\["crm<br\/>not declared under systems"\]/);
      assert.match(set.application.mermaid, /s2 e1@-\.->\|"1"\| x0\n {2}x0 e2@-\.->\|"1"\| x1/);
      assert.match(set.application.mermaid, /class x0,x1 undeclared/);
      assert.match(set.application.mermaid, /s0 e\d+@-->\|"✖ 2\. Self"\| s0/);
    });

    it('says what to do when there are no systems', () => {
      assert.match(setOf(CASES['empty']!).set.application.mermaid, /empty\["No systems yet/);
    });

    it('is deterministic: two separate processes draw the pinned snapshot, byte for byte', function () {
      this.timeout(60_000);
      // Separate processes: nothing cached or counted in one run (ids, maps, random numbers) carries over.
      const file = 'test/fixtures/spec-example.integration.yaml';
      const first = diagramSetInNewProcess(file);
      const second = diagramSetInNewProcess(file);
      assert.equal(second, first, 'two processes drew different diagram sets');
      const pinned = readFileSync(join(SNAPSHOTS, 'spec-example.mmd'), 'utf8');
      assert.equal(snapshotText(JSON.parse(first) as DiagramSet), pinned, 'the diagrams differ from test/unit/__snapshots__/spec-example.mmd');
    });
  });

  describe('focus view', () => {
    function large(systems: number): string {
      const lines = ['integrationManifest: 1', 'solution:', '  name: Large', 'systems:'];
      for (let i = 0; i < systems; i++) lines.push(`  - id: sys${i}`, `    name: System ${i}`, '    kind: erp', '    hosting: cloud');
      lines.push('integrations:');
      // sys1 is the hub: it talks to every fifth system.
      for (let i = 0; i < systems; i++) lines.push(`  - id: int${i}`, `    name: Integration ${i}`, '    type: data', `    from: sys${i % 5 === 0 ? 1 : i}`, `    to: sys${(i + 1) % systems}`);
      return joinLines(...lines);
    }

    it('centres a too-large diagram on the busiest system and says so', () => {
      const { set } = setOf(large(LIMITS.systems + 10));
      const focus = set.application.focus!;
      assert.ok(focus, 'a focus view');
      assert.equal(focus.systemId, 'sys1');
      assert.equal(focus.forced, true);
      assert.ok(set.application.systemCount < 20, `${set.application.systemCount} systems drawn`);
      assert.match(focus.message, /70 systems, more than the 60/);
      assert.match(focus.message, /System 1 and the \d+ systems it connects to/);
      assert.match(set.application.mermaid, /class s1 focus/);
      assert.equal(set.application.systems.length, 70);
    });

    it('centres on a business system rather than the bus every integration crosses, and keeps a busy focus within the edge limit', () => {
      const lines = ['integrationManifest: 1', 'solution:', '  name: Hub', 'systems:', '  - id: bus', '    name: Bus', '    kind: service-bus'];
      for (let i = 0; i < 90; i++) lines.push(`  - id: s${i}`, `    name: S${i}`, '    kind: erp');
      lines.push('integrations:');
      for (let i = 0; i < 100; i++) lines.push(`  - id: i${i}`, `    name: I${i}`, '    type: data', `    from: s${i < 80 ? 0 : i - 10}`, `    to: s${(i % 89) + 1}`, '    via: [bus]');
      // Two groups (the bus, the others) would open on the overview: this is the focus view when the whole diagram is asked for.
      const { set } = setOf(joinLines(...lines), { landscape: { layout: 'whole' } });
      assert.equal(set.application.focus?.systemId, 's0');
      assert.ok(set.application.edgeCount <= LIMITS.edges, `${set.application.edgeCount} edges`);
      assert.equal(set.application.integrationCount, LIMITS.edges / 2);
      assert.match(set.application.focus.message, /Only the first 75 of its 80 integrations fit in one diagram\./);
    });

    it('centres on the requested system, and draws everything when the diagram fits', () => {
      const { set } = setOf(large(10), { focus: 'sys3' });
      assert.equal(set.application.focus?.systemId, 'sys3');
      assert.equal(set.application.focus?.forced, false);
      assert.deepEqual(Object.values(set.application.nodes).map((n) => n.itemId).sort(), ['sys2', 'sys3', 'sys4']);
      assert.equal(setOf(large(10)).set.application.focus, undefined);
      assert.equal(setOf(large(10), { focus: 'nope' }).set.application.focus, undefined);
    });

    it('draws the whole diagram for Markdown and the command line', () => {
      const { set } = setOf(large(LIMITS.systems + 10), { portable: true });
      assert.equal(set.application.focus, undefined);
      assert.equal(set.application.systemCount, 70);
      assert.doesNotMatch(set.application.mermaid, /e\d+@/);
    });
  });

  describe('interaction diagrams', () => {
    const interaction = (text: string, n = 0) => setOf(text).set.interactions[n]!;

    it('draws steps in order, async steps as async messages, actors as actors', () => {
      const d = interaction(readFileSync(join(ROOT, 'test/fixtures/hostile-names.integration.yaml'), 'utf8'), 2);
      assert.equal(d.source, 'steps');
      assert.match(d.mermaid, /^ {2}actor p0 as end #60;b#62;bold#60;\/b#62; #38; 'single'$/m);
      assert.match(d.mermaid, /^ {2}p0->>p1: click p0 call alert\(1\)#59; end$/m);
      assert.match(d.mermaid, /^ {2}p1-\)p2: /m);
    });

    it('derives trigger → from → via → to for an asynchronous integration, with the failure path', () => {
      const d = interaction(BASE);
      assert.equal(d.source, 'derived');
      assert.equal(
        d.mermaid,
        joinLines(
          'sequenceDiagram',
          '  participant t0 as Event',
          '  participant p0 as ERP',
          '  participant p1 as Service Bus',
          '  participant p2 as Dynamics 365 Sales',
          '  participant d0 as Dead-letter queue',
          '  participant n0 as support@contoso.com',
          '  t0->>p0: Triggers the integration',
          '  p0-)p1: Order status · 500/day',
          '  p1-)p2: Forward',
          '  alt Delivery fails',
          '    loop Up to 5 retries, exponential backoff',
          '      p1-)p2: Retry',
          '    end',
          '    p1-)d0: Park the failed message',
          '    p1-)n0: Notify',
          '  end',
        ),
      );
    });

    it('replies along the path for a synchronous call started by a user', () => {
      const d = interaction(CASES['sync-user-two-way']!);
      assert.match(d.mermaid, /actor t0 as User/);
      assert.match(d.mermaid, /t0->>p0: Starts Order status\n {2}p0->>p1: Order status · 500\/day\n {2}p1-->>p0: Response with changes\n {2}p0-->>t0: Shows the result/);
      assert.match(d.mermaid, /Note over p0,p1: wrap: ⚠ No errorHandling: failures are lost/);
    });

    it('starts a scheduled batch from its schedule', () => {
      const d = interaction(CASES['batch-schedule']!);
      assert.match(d.mermaid, /participant t0 as Schedule \(every 15m\)/);
      assert.match(d.mermaid, /p0-\)p1: Batch of Order status · 2m\/day/);
    });

    it('sends changes back for a two-way asynchronous integration', () => {
      assert.match(interaction(CASES['async-two-way-event']!).mermaid, /p2-\)p1: Changes from Dynamics 365 Sales\n {2}p1-\)p0: Changes from Dynamics 365 Sales/);
    });

    it('maps participants and every message to the manifest', () => {
      const { analysis, set } = setOf(BASE);
      const d = set.interactions[0]!;
      const text = analysis.document.text;
      const arrows = d.mermaid.split('\n').filter((l) => /^\s+\w+(->>|-\)|-->>)\w+:/.test(l));
      assert.equal(d.messages.length, arrows.length);
      const picked = d.messages.map((m) => text.slice(m.selection.start, m.selection.end));
      assert.deepEqual(picked, ['event', 'bus', 'sales', '{ attempts: 5, backoff: exponential }', 'true', 'support@contoso.com']);
      assert.deepEqual(Object.keys(d.participants), ['t0', 'p0', 'p1', 'p2', 'd0', 'n0']);
      assert.equal(d.participants['p1']!.itemId, 'bus');
      assert.equal(text.slice(d.participants['p1']!.selection.start, d.participants['p1']!.selection.end), 'bus');
    });

    it('maps step messages to their steps', () => {
      const text = readFileSync(join(ROOT, 'test/fixtures/spec-example.integration.yaml'), 'utf8');
      const { set } = setOf(text);
      const d = set.interactions[0]!;
      assert.equal(d.messages[0]!.kind, 'step');
      assert.ok(text.slice(d.messages[0]!.span.start, d.messages[0]!.span.end).startsWith('from: erp'));
      assert.ok(text.slice(d.messages[1]!.span.start, d.messages[1]!.span.end).includes('Update sales order status'));
    });

    it('says how to get a sequence when from or to is missing', () => {
      const { set } = setOf(CASES['half-written']!);
      assert.match(set.interactions[0]!.mermaid, /Note over p_missing: wrap: Declare from and to/);
    });
  });

  describe('mappings and waivers', () => {
    it('lists field mappings with the systems at both ends', () => {
      const { set } = setOf(readFileSync(join(ROOT, 'test/fixtures/spec-example.integration.yaml'), 'utf8'));
      assert.deepEqual(set.mappings.map((m) => [m.integrationId, m.fromSystem, m.toSystem, m.rows]), [
        ['order-status', 'Warehouse ERP', 'Dynamics 365 Sales', [{ from: 'ORDER_STATUS', to: 'statuscode', transform: 'map ERP codes to Sales status reasons' }]],
      ]);
    });

    it('lists waivers: active, expired, without a reason', () => {
      const text = BASE.trimEnd() + '\n' + joinLines('    waivers:', '      - rule: goal-alignment', '        reason: Internal plumbing', '      - rule: load-testing', '        reason: Small', '        expires: 2020-01-01', '      - rule: dead-letter');
      const { set } = setOf(text);
      assert.deepEqual(set.waivers.map((w) => [w.itemId, w.rule, w.status]), [
        ['status', 'goal-alignment', 'active'],
        ['status', 'load-testing', 'expired'],
        ['status', 'dead-letter', 'no-reason'],
      ]);
    });
  });

  describe('the diagram request', () => {
    it('answers with the diagram set of the document, reused while the version is the same, null for unknown documents', async () => {
      let handler: ((params: DiagramsParams, token: unknown) => Promise<unknown>) | undefined;
      const connection = { onRequest: (type: { method: string }, h: typeof handler) => type.method === DiagramsRequest.method && (handler = h) } as unknown as Connection;
      const analysis = lintText(BASE);
      registerDiagramRequest(connection, (uri) => Promise.resolve(uri === 'file:///test.integration.yaml' ? analysis : undefined));
      assert.ok(handler);
      const request = (params: DiagramsParams) => handler!(params, {});
      const first = (await request({ uri: 'file:///test.integration.yaml' })) as DiagramSet;
      assert.equal(first.uri, 'file:///test.integration.yaml');
      assert.equal(first.version, analysis.document.version);
      assert.equal(await request({ uri: 'file:///test.integration.yaml' }), first);
      const focused = (await request({ uri: 'file:///test.integration.yaml', focus: 'bus' })) as DiagramSet;
      assert.equal(focused.application.focus?.systemId, 'bus');
      assert.equal(await request({ uri: 'file:///other.yaml' }), null);
      assert.equal(await request({} as DiagramsParams), null);
    });
  });

  describe('command line', () => {
    let dir: string;
    before(() => {
      dir = mkdtempSync(join(tmpdir(), 'im-diagram-'));
      writeFileSync(join(dir, 'm.integration.yaml'), BASE);
      writeFileSync(join(dir, 'hostile.integration.yaml'), HOSTILE);
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    async function run(...args: string[]) {
      const io: CliIo & { out: string; err: string } = {
        cwd: dir,
        out: '',
        err: '',
        stdout: (t) => void (io.out += t),
        stderr: (t) => void (io.err += t),
        resolve: (f) => resolve(dir, f),
        color: false,
        version: '0.0.0',
      };
      const code = await runCli(args, io);
      return { code, out: io.out, err: io.err };
    }

    it('prints the application diagram, without edge ids, top to bottom unless told', async () => {
      const r = await run('diagram', 'm.integration.yaml');
      assert.equal(r.code, 0);
      assert.match(r.out, /^flowchart TB\n/);
      assert.match(r.out, /s1 -\.->\|"1\. Order status<br\/>500\/day"\|/);
      assert.equal(r.err, '');
      assert.match((await run('diagram', 'm.integration.yaml', '--direction', 'LR')).out, /^flowchart LR\n/);
      assert.match((await run('diagram', 'm.integration.yaml', '--direction', 'auto')).out, /^flowchart TB\n/);
      assert.match((await run('docs', 'm.integration.yaml', '--direction', 'lr')).out, /```mermaid\nflowchart LR\n/);
      const wrong = await run('diagram', 'm.integration.yaml', '--direction', 'up');
      assert.equal(wrong.code, 2);
      assert.match(wrong.err, /Unknown direction 'up': use auto, LR \(left to right\) or TB \(top to bottom\)/);
    });

    it('prints one interaction diagram, or all of them separated', async () => {
      const one = await run('diagram', 'm.integration.yaml', '--integration', 'status');
      assert.equal(one.code, 0);
      assert.match(one.out, /^sequenceDiagram\n/);
      const all = await run('diagram', 'hostile.integration.yaml', '--type', 'interaction');
      assert.equal(all.code, 0);
      assert.equal(all.out.match(/^sequenceDiagram$/gm)?.length, 5);
      assert.match(all.out, /^%% Interaction diagram 1 of 5: integration end-to-graph\nsequenceDiagram/m);
      assert.match(all.err, /has \d+ errors?; the diagrams show what could be read/);
    });

    it('explains unknown integrations, types, missing files and misplaced options', async () => {
      const unknown = await run('diagram', 'm.integration.yaml', '--integration', 'stauts');
      assert.equal(unknown.code, 2);
      assert.match(unknown.err, /has no integration 'stauts'\. Did you mean 'status'\? Its integrations: status\./);
      const type = await run('diagram', 'm.integration.yaml', '--type', 'sequence');
      assert.match(type.err, /Unknown diagram type 'sequence': use application or interaction/);
      const missing = await run('diagram', 'nope.yaml');
      assert.equal(missing.code, 2);
      assert.match(missing.err, /File not found: nope\.yaml/);
      const both = await run('diagram', 'm.integration.yaml', '--type', 'application', '--integration', 'status');
      assert.match(both.err, /--integration picks an interaction diagram/);
      const none = await run('diagram');
      assert.match(none.err, /diagram needs a manifest file/);
      const docsMissing = await run('docs', 'm.integration.yaml', '--output', 'no/such/folder/out.md');
      assert.match(docsMissing.err, /Cannot write no\/such\/folder\/out\.md: its folder does not exist/);
    });

    it('writes Markdown documentation with diagrams, inventory, mappings and waivers', async () => {
      const r = await run('docs', 'm.integration.yaml', '--output', 'docs.md');
      assert.equal(r.code, 0);
      assert.match(r.err, /Wrote the documentation of m\.integration\.yaml to docs\.md/);
      const md = readFileSync(join(dir, 'docs.md'), 'utf8');
      assert.match(md, /^# Test solution\n/);
      assert.match(md, /## Application integration diagram\n\n```mermaid\nflowchart TB\n/);
      assert.match(md, /\| No\. \| Id \| Name \| Type \| From → To \| Mode \| Pattern \| Rate \| Owner \| Findings \|/);
      assert.match(md, /\| 1 \| status \| Order status \| data \| ERP → Service Bus → Dynamics 365 Sales \| async \| business-events \| 500\/day \\\(20\.8\/hour\\\) \| +\| none \|/);
      assert.match(md, /### 1\. Order status \(`status`\)\n\nDerived from/);
      const printed = await run('docs', 'm.integration.yaml');
      assert.equal(printed.out, md);
    });

    it('keeps hostile names as text in Markdown', async () => {
      const r = await run('docs', 'hostile.integration.yaml');
      const outsideDiagrams = r.out.replace(/```mermaid[\s\S]*?```/g, '');
      assert.ok(!outsideDiagrams.includes('<img'), 'no raw HTML');
      assert.ok(!outsideDiagrams.includes('<script'), 'no raw HTML');
      assert.match(outsideDiagrams, /&lt;script&gt;window\.\\_\\_pwned = 1&lt;\/script&gt;/);
      assert.match(outsideDiagrams, /\| &lt;b&gt;FIELD&lt;\/b&gt; \| javascript:alert\\\(1\\\) \| \\\| pipes \\\| and \\`ticks\\` \|/);
      assert.equal((r.out.match(/```/g) ?? []).length % 2, 0);
    });
  });

  describe('preview messages', () => {
    it('accepts the webview messages it knows, with their exact shape', () => {
      assert.deepEqual(parseWebviewMessage({ type: 'ready' }), { type: 'ready' });
      assert.deepEqual(parseWebviewMessage({ type: 'reveal', uri: 'file:///a', version: 3, selection: { start: 1, end: 4 }, extra: 1 }), {
        type: 'reveal',
        uri: 'file:///a',
        version: 3,
        selection: { start: 1, end: 4 },
      });
      assert.deepEqual(parseWebviewMessage({ type: 'focus', uri: 'u', systemId: null }), { type: 'focus', uri: 'u', systemId: null });
      assert.deepEqual(parseWebviewMessage({ type: 'export', uri: 'u', format: 'png', name: 'application', data: 'data:image/png;base64,AAAA' })?.type, 'export');
    });

    it('ignores unknown and malformed messages', () => {
      for (const m of [
        null,
        'ready',
        [],
        { type: 'eval', code: 'x' },
        { type: 'reveal', uri: 'u', version: 1, selection: { start: 5, end: 2 } },
        { type: 'reveal', uri: 'u', version: -1, selection: { start: 1, end: 2 } },
        { type: 'reveal', uri: 'u', version: 1, selection: { start: 1.5, end: 2 } },
        { type: 'reveal', uri: 1, version: 1, selection: { start: 1, end: 2 } },
        { type: 'export', uri: 'u', format: 'exe', name: 'a', data: '' },
        { type: 'export', uri: 'u', format: 'svg', name: '../../etc/passwd', data: '' },
        { type: 'export', uri: 'u', format: 'png', name: 'a', data: 'data:text/html;base64,AAAA' },
        { type: 'export', uri: 'u', format: 'svg', name: 'a', data: 'x'.repeat(MAX_EXPORT_CHARS + 1) },
        { type: 'focus', uri: 'u', systemId: 3 },
      ])
        assert.equal(parseWebviewMessage(m), undefined, JSON.stringify(m)?.slice(0, 80));
    });
  });

  describe('preview HTML', () => {
    it('allows only its nonce-carrying script and nothing from the network', () => {
      const csp = contentSecurityPolicy('https://webview.example', 'abc');
      const directives = new Map(csp.split('; ').map((d) => [d.split(' ')[0], d]));
      assert.equal(directives.get('default-src'), "default-src 'none'");
      assert.equal(directives.get('script-src'), "script-src 'nonce-abc'");
      assert.equal(directives.get('img-src'), 'img-src https://webview.example data:');
      assert.ok(!csp.includes('unsafe-eval'));
      assert.ok(!/script-src[^;]*unsafe-inline/.test(csp));
      assert.ok(!/https?:\/\/(?!webview\.example)/.test(csp));
    });

    it('puts the nonce on its one script and escapes what it inserts', () => {
      const html = previewHtml({ cspSource: 'https://w', scriptUri: 'https://w/p.js?a=1&b="2"', styleUri: 'https://w/p.css', nonce: 'n0nce' });
      assert.equal(html.match(/<script/g)?.length, 1);
      assert.match(html, /<script nonce="n0nce" src="https:\/\/w\/p\.js\?a=1&amp;b=&quot;2&quot;"><\/script>/);
      assert.match(html, /http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;|http-equiv="Content-Security-Policy" content="default-src 'none'/);
    });

    it('makes a fresh 128-bit nonce each time', () => {
      const a = newNonce();
      assert.match(a, /^[A-Za-z0-9+/]{22}==$/);
      assert.notEqual(a, newNonce());
    });
  });
});
