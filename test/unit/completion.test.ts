import assert from 'node:assert/strict';
import { InsertTextFormat, type CompletionItem, type TextEdit } from 'vscode-languageserver';
import { complete, resolveCompletion } from '../../server/src/features/completion';
import { expandSnippet } from '../../server/src/features/completion/snippets';
import { applyEdits } from '../../server/src/document/edits';
import { BASE, joinLines, lintText } from '../helpers/text';

/** A manifest with actors, two goals, ends on both sides of the cloud boundary and two middleware systems. */
const M = joinLines(
  'integrationManifest: 1',
  'solution:',
  '  name: Contoso',
  'actors:',
  '  - id: order-taker',
  '    name: Order taker',
  'goals:',
  '  - id: visibility',
  '    title: Sales sees order status',
  '  - id: cash',
  '    title: Faster cash collection',
  'systems:',
  '  - id: sales',
  '    name: Dynamics 365 Sales',
  '    kind: dynamics-365-sales',
  '    hosting: cloud',
  '  - id: erp',
  '    name: Warehouse ERP',
  '    kind: erp',
  '    hosting: on-premises',
  '  - id: bus',
  '    name: Integration bus',
  '    kind: service-bus',
  '    hosting: cloud',
  '  - id: flows',
  '    name: Power Automate',
  '    kind: power-automate',
  '    hosting: cloud',
  '  - id: lake',
  '    name: Data lake',
  '    kind: data-lake',
  '    hosting: cloud',
  'integrations:',
  '  - id: status',
  '    name: Order status',
  '    type: data',
  '    from: erp',
  '    to: sales',
  '    mode: async',
  '    volume: 20k/day',
  '    via: [bus]',
  '    systemOfRecord: erp',
  '    goals: [visibility]',
  '    security:',
  '      authentication: entra-id',
  '    errorHandling:',
  '      retry: { attempts: 5, backoff: exponential }',
);

/** `text` with `find` replaced by `by`, which marks the cursor with `|`. */
function put(find: string, by: string, text = M): string {
  assert.ok(text.includes(find), `the manifest has no ${JSON.stringify(find)}`);
  return text.replace(find, by);
}
/** `text` with the line `line` inserted after the line `after`. */
function after(after: string, line: string, text = M): string {
  return put(`${after}\n`, `${after}\n${line}\n`, text);
}

interface Completed {
  items: CompletionItem[];
  text: string;
  offset: number;
}

function completeAt(marked: string): Completed {
  const offset = marked.indexOf('|');
  assert.ok(offset >= 0, 'no cursor `|` in the text');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  return { items: complete(lintText(text), offset), text, offset };
}

const labels = (items: readonly CompletionItem[]) => items.map((i) => i.label);
/** Labels in the order the editor shows them (by sortText, then label). */
const ordered = (items: readonly CompletionItem[]) =>
  [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label) || a.label.localeCompare(b.label)).map((i) => i.label);
const item = (c: Completed, label: string) => {
  const found = c.items.find((i) => i.label === label);
  assert.ok(found, `no item ${label}; have ${labels(c.items).join(', ')}`);
  return found;
};
/** The document after accepting `label`, snippets expanded with their defaults. */
function accept(c: Completed, label: string): string {
  const chosen = item(c, label);
  const edit = chosen.textEdit as TextEdit;
  const analysis = lintText(c.text);
  const start = analysis.document.lines.offsetAt(edit.range.start);
  const end = analysis.document.lines.offsetAt(edit.range.end);
  const newText = chosen.insertTextFormat === InsertTextFormat.Snippet ? expandSnippet(edit.newText) : edit.newText;
  return applyEdits(c.text, [{ start, end, newText }]);
}

interface Case {
  name: string;
  text: string;
  offers: string[];
  /** Labels that must not be offered (already present, or wrong here). */
  not?: string[];
  /** The first labels in display order. */
  first?: string[];
  /** Exactly these labels, in any order. */
  exactly?: boolean;
}

const SEVERITIES = ['error', 'warning', 'info', 'hint', 'off'];

const CASES: Case[] = [
  // top level and solution-wide blocks
  { name: 'top-level keys on a blank line', text: M + '|', offers: ['governance', 'imports', 'rules', 'views'], not: ['solution', 'systems', 'integrations', 'actors', 'goals', 'integrationManifest'], exactly: true },
  { name: 'a half-typed top-level key', text: M + 'gov|', offers: ['governance', 'rules'], not: ['systems'] },
  { name: 'integrationManifest when it is missing', text: put('integrationManifest: 1\n', '|\n'), offers: ['integrationManifest'], first: ['integrationManifest'] },
  { name: 'the format version', text: put('integrationManifest: 1', 'integrationManifest: |'), offers: ['1'], exactly: true },
  { name: 'solution keys not yet written', text: after('  name: Contoso', '  |'), offers: ['description'], not: ['name'], exactly: true },
  { name: 'governance keys', text: M + 'governance:\n  |', offers: ['alm', 'versionControl', 'disasterRecovery', 'availability'], exactly: true },
  { name: 'governance.alm values', text: M + 'governance:\n  alm: |', offers: ['azure-devops', 'github', 'other', 'none'], exactly: true },
  { name: 'a boolean key', text: M + 'governance:\n  versionControl: |', offers: ['true', 'false'], first: ['true'], exactly: true },
  // systems
  { name: 'system keys not yet written', text: after('    name: Warehouse ERP', '    |'), offers: ['endpoint', 'owner', 'waivers', 'description', 'tags'], not: ['id', 'name', 'kind', 'hosting'] },
  { name: 'a half-typed system kind', text: put('    kind: erp', '    kind: serv|'), offers: ['service-bus', 'erp', 'dynamics-365-sales', 'power-automate'], first: ['dataverse'] },
  { name: 'hosting values', text: put('    hosting: on-premises', '    hosting: |'), offers: ['cloud', 'on-premises'], exactly: true },
  { name: 'a new system on a `- ` line', text: after('    hosting: on-premises', '  - |'), offers: ['New system', 'id', 'name', 'kind'], first: ['New system'] },
  { name: 'a new system where the dash goes', text: put('integrations:\n', '  |\nintegrations:\n'), offers: ['New system', 'id', 'kind'], first: ['New system', 'id'] },
  // integrations: keys
  { name: 'integration keys not yet written', text: after('    volume: 20k/day', '    |'), offers: ['trigger', 'frequency', 'peak', 'pattern', 'monitoring', 'testing', 'steps', 'waivers', 'owner', 'docs', 'data'], not: ['id', 'name', 'type', 'from', 'to', 'mode', 'volume', 'via', 'security', 'errorHandling', 'goals'] },
  { name: 'a half-typed integration key', text: after('    volume: 20k/day', '    direc|'), offers: ['direction'], not: ['mode', 'via'] },
  { name: 'required keys come first in a new item', text: M + '  - |', first: ['New data integration', 'New process integration', 'New UI integration', 'id', 'name', 'type', 'from', 'to'], offers: ['pattern'] },
  // integrations: enum values
  { name: 'a half-typed pattern', text: after('    volume: 20k/day', '    pattern: dua|'), offers: ['dual-write', 'virtual-tables', 'dmf', 'odata', 'web-api', 'business-events', 'synapse-link', 'connector', 'embedded', 'messaging', 'file-transfer', 'custom'], exactly: true, first: ['messaging'] },
  { name: 'mode values', text: put('    mode: async', '    mode: |'), offers: ['sync', 'async', 'batch'], first: ['async'], exactly: true },
  { name: 'mode right after the colon', text: put('    mode: async', '    mode:|'), offers: ['sync', 'async', 'batch'], exactly: true },
  { name: 'type values', text: put('    type: data', '    type: |'), offers: ['ui', 'data', 'process'], exactly: true },
  { name: 'direction values', text: after('    volume: 20k/day', '    direction: |'), offers: ['one-way', 'two-way'], exactly: true },
  { name: 'trigger values', text: after('    volume: 20k/day', '    trigger: |'), offers: ['event', 'schedule', 'user'], first: ['event'], exactly: true },
  { name: 'frequency values', text: after('    volume: 20k/day', '    frequency: |'), offers: ['real-time', 'near-real-time', 'on-demand', 'hourly', 'daily', 'weekly', 'monthly', 'every 15m'] },
  { name: 'rate examples for volume', text: put('    volume: 20k/day', '    volume: |'), offers: ['500/hour', '20k/day', '1.5m/month'] },
  { name: 'rate examples for peak', text: after('    volume: 20k/day', '    peak: 3|'), offers: ['500/hour', '20k/day'] },
  // references
  { name: 'systems for from, ends before middleware', text: put('    from: erp', '    from: |'), offers: ['sales', 'erp', 'bus', 'flows', 'lake'], first: ['erp', 'lake'], not: ['visibility', 'order-taker'], exactly: true },
  { name: 'systems for to, not the from system first', text: put('    to: sales', '    to: s|'), offers: ['sales', 'erp', 'bus'], first: ['sales', 'lake'] },
  { name: 'systemOfRecord prefers the integration ends', text: put('    systemOfRecord: erp', '    systemOfRecord: |'), offers: ['sales', 'erp', 'bus', 'flows', 'lake'], first: ['sales', 'erp'] },
  { name: 'via flow sequence: middleware first, nothing listed twice', text: put('    via: [bus]', '    via: [bus, |]'), offers: ['flows', 'lake'], first: ['flows'], not: ['bus', 'erp', 'sales'], exactly: true },
  { name: 'via flow sequence, half typed', text: put('    via: [bus]', '    via: [fl|, bus]'), offers: ['flows'], not: ['bus'] },
  { name: 'via block sequence', text: put('    via: [bus]', '    via:\n      - bus\n      - |'), offers: ['flows', 'lake'], first: ['flows'], not: ['bus'] },
  { name: 'via block sequence where the dash goes', text: put('    via: [bus]', '    via:\n      - bus\n      |'), offers: ['flows', 'lake'], not: ['bus'] },
  { name: 'goals flow sequence', text: put('    goals: [visibility]', '    goals: [|]'), offers: ['visibility', 'cash'], exactly: true },
  { name: 'goals flow sequence without the listed goal', text: put('    goals: [visibility]', '    goals: [visibility, |]'), offers: ['cash'], exactly: true },
  // nested blocks of an integration
  { name: 'security keys not yet written', text: after('      authentication: entra-id', '      |'), offers: ['secrets', 'transport'], not: ['authentication'], exactly: true },
  { name: 'transport values', text: after('      authentication: entra-id', '      transport: |'), offers: ['tls1.3', 'tls1.2', 'tls1.1', 'tls1.0', 'http'], first: ['tls1.2'], exactly: true },
  { name: 'authentication values', text: put('      authentication: entra-id', '      authentication: |'), offers: ['entra-id', 'oauth2', 'managed-identity', 'certificate', 'api-key', 'basic', 'shared-key', 'none'], first: ['entra-id'], exactly: true },
  { name: 'monitoring keys', text: M + '    monitoring:\n      |', offers: ['tool', 'alerts', 'audit'], exactly: true },
  { name: 'monitoring tool values', text: M + '    monitoring:\n      tool: |', offers: ['application-insights', 'azure-monitor', 'log-analytics', 'power-platform-admin', 'other', 'none'], first: ['application-insights'], exactly: true },
  { name: 'errorHandling keys', text: M + '      |', offers: ['deadLetter', 'notify'], not: ['retry'], exactly: true },
  { name: 'keys of a flow map', text: put('retry: { attempts: 5, backoff: exponential }', 'retry: { attempts: 5, | }'), offers: ['backoff'], exactly: true },
  { name: 'values in a flow map', text: put('backoff: exponential', 'backoff: ex|'), offers: ['fixed', 'exponential'], exactly: true },
  { name: 'deadLetter', text: M + '      deadLetter: |', offers: ['true', 'false'], exactly: true },
  { name: 'testing keys and values', text: M + '    testing:\n      load: |', offers: ['none', 'planned', 'done'], first: ['planned'], exactly: true },
  { name: 'data keys', text: M + '    data:\n      |', offers: ['entities', 'format', 'pii', 'mapping'], exactly: true },
  { name: 'data format', text: M + '    data:\n      format: |', offers: ['json', 'xml', 'csv', 'edi', 'binary', 'other'], exactly: true },
  { name: 'a mapping item', text: M + '    data:\n      mapping:\n        - from: ORDER_NO\n          |', offers: ['to', 'transform'], not: ['from'], exactly: true },
  // steps
  { name: 'a new step', text: M + '    steps:\n      - |', offers: ['New step', 'from', 'to', 'action', 'async'], first: ['New step'] },
  { name: 'step ends: the integration path first, then actors', text: M + '    steps:\n      - from: |', offers: ['erp', 'bus', 'sales', 'order-taker', 'flows'], first: ['erp', 'bus', 'sales', 'order-taker'], not: ['visibility'] },
  { name: 'the other end of a step', text: M + '    steps:\n      - from: erp\n        to: |', offers: ['bus', 'order-taker'] },
  // waivers and rules
  { name: 'rule ids in a waiver', text: M + '    waivers:\n      - rule: |', offers: ['load-testing', 'monitoring-required', 'dead-letter', 'goal-alignment'], not: ['yaml-syntax'] },
  { name: 'a new waiver', text: M + '    waivers:\n      - |', offers: ['New waiver', 'rule', 'reason', 'expires'], first: ['New waiver'] },
  { name: 'waiver keys', text: M + '    waivers:\n      - rule: load-testing\n        |', offers: ['reason', 'expires'], not: ['rule'], exactly: true },
  { name: 'rule ids under rules:', text: M + 'rules:\n  goal-alignment: off\n  |', offers: ['load-testing', 'monitoring-required', 'yaml-syntax'], not: ['goal-alignment'] },
  { name: 'severities under rules:', text: M + 'rules:\n  load-testing: |', offers: [...SEVERITIES, '{ severity, threshold }'], exactly: true },
  { name: 'a rule without threshold has no threshold form', text: M + 'rules:\n  monitoring-required: |', offers: SEVERITIES, exactly: true },
  { name: 'keys of a rule object', text: M + 'rules:\n  load-testing:\n    |', offers: ['severity', 'threshold'], exactly: true },
  { name: 'severity in a rule object', text: M + 'rules:\n  load-testing:\n    severity: |', offers: SEVERITIES, exactly: true },
  // new items of the other lists
  { name: 'a new integration of each type', text: M + '  - |', offers: ['New data integration', 'New process integration', 'New UI integration'] },
  { name: 'a new integration where the dash goes', text: M + '  |', offers: ['New data integration', 'New process integration', 'New UI integration', 'id'] },
  { name: 'a new goal', text: after('    title: Faster cash collection', '  - |'), offers: ['New goal', 'id', 'title', 'metric'] },
  { name: 'a new actor', text: after('    name: Order taker', '  |'), offers: ['New actor', 'id', 'name', 'description', 'tags'], exactly: true },
  // broken documents
  {
    name: 'a broken document: systems read from the text',
    text: joinLines('integrationManifest: 1', 'systems:', '  - id: erp', '    name: "Warehouse ERP', '  - id: sales', '    kind: dynamics-365-sales', 'integrations:', '  - id: a', '    from: |'),
    offers: ['erp', 'sales'],
  },
  {
    name: 'a broken document: an unclosed flow sequence above',
    text: put('    via: [bus]', '    via: [bus,\n    |'),
    offers: ['trigger', 'pattern'],
    not: ['from', 'to'],
  },
  {
    name: 'a broken document: a tab and a half-written item',
    text: M + '  - id: new\n\tname: x\n    type: |',
    offers: ['ui', 'data', 'process'],
    exactly: true,
  },
  // more nesting levels
  {
    name: 'an empty document: the starter, then the top-level keys',
    text: '|',
    offers: ['New manifest (starter)', 'integrationManifest', 'solution', 'systems', 'integrations', 'goals', 'actors', 'governance', 'imports', 'rules', 'views'],
    first: ['New manifest (starter)', 'integrationManifest', 'solution'],
    exactly: true,
  },
  { name: 'retry keys in a block map', text: put('      retry: { attempts: 5, backoff: exponential }', '      retry:\n        attempts: 3\n        |'), offers: ['backoff'], exactly: true },
  { name: 'testing keys', text: M + '    testing:\n      load: done\n      |', offers: ['endToEnd'], exactly: true },
  { name: 'step keys', text: M + '    steps:\n      - from: erp\n        |', offers: ['to', 'action', 'async'], not: ['from'], exactly: true },
  { name: 'goal keys', text: after('    title: Faster cash collection', '    |'), offers: ['metric', 'description', 'tags'], not: ['id', 'title'], exactly: true },
  { name: 'a key indented below an empty map key', text: after('    volume: 20k/day', '    monitoring:\n      |'), offers: ['tool', 'alerts', 'audit'], exactly: true },
  // nothing to complete
  { name: 'inside a comment', text: M + '    # a note about |', offers: [], exactly: true },
  { name: 'inside a block scalar', text: M + '    description: >\n      Orders flow from the\n      |', offers: [], exactly: true },
  { name: 'a free-text value', text: put('    name: Order status', '    name: Order |'), offers: [], exactly: true },
];

describe('completion', () => {
  describe('offers what the position allows', () => {
    for (const c of CASES) {
      it(c.name, () => {
        const done = completeAt(c.text);
        const got = labels(done.items);
        for (const label of c.offers) assert.ok(got.includes(label), `expected ${label} among ${got.join(', ')}`);
        for (const label of c.not ?? []) assert.ok(!got.includes(label), `did not expect ${label} among ${got.join(', ')}`);
        if (c.exactly) assert.deepEqual([...got].sort(), [...c.offers].sort());
        if (c.first) assert.deepEqual(ordered(done.items).slice(0, c.first.length), c.first);
      });
    }
  });

  describe('edits', () => {
    it('replaces the half-typed value', () => {
      const c = completeAt(after('    volume: 20k/day', '    pattern: dua|'));
      const dual = item(c, 'dual-write');
      const edit = dual.textEdit as TextEdit;
      const line = c.text.split('\n').findIndex((l) => l === '    pattern: dua');
      assert.deepEqual(edit.range, { start: { line, character: 13 }, end: { line, character: 16 } });
      assert.equal(edit.newText, 'dual-write');
      assert.match(accept(c, 'dual-write'), /\n {4}pattern: dual-write\n/);
      assert.match(dual.detail ?? '', /finance and operations apps and Dataverse/);
    });

    it('replaces a whole value with the cursor in the middle', () => {
      const c = completeAt(put('    mode: async', '    mode: as|ync'));
      assert.match(accept(c, 'batch'), /\n {4}mode: batch\n/);
    });

    it('inserts a space after a colon typed without one', () => {
      const c = completeAt(put('    mode: async', '    mode:|'));
      assert.match(accept(c, 'sync'), /\n {4}mode: sync\n/);
    });

    it('adds an id to a flow sequence', () => {
      const c = completeAt(put('    via: [bus]', '    via: [bus, |]'));
      assert.match(accept(c, 'flows'), /via: \[bus, flows\]/);
    });

    it('starts a new block-sequence item with its dash', () => {
      const c = completeAt(put('    via: [bus]', '    via:\n      - bus\n      |'));
      assert.match(accept(c, 'flows'), /\n {6}- bus\n {6}- flows\n/);
    });

    it('inserts `key: ` for a scalar and re-opens the list for its values', () => {
      const c = completeAt(after('    volume: 20k/day', '    pat|'));
      const pattern = item(c, 'pattern');
      assert.equal((pattern.textEdit as TextEdit).newText, 'pattern: ');
      assert.equal(pattern.command?.command, 'editor.action.triggerSuggest');
      assert.equal(item(c, 'docs').command, undefined, 'a free-text key has no values to suggest');
    });

    it('opens a map key on the next line, indented below it', () => {
      const c = completeAt(after('    volume: 20k/day', '    |'));
      const text = accept(c, 'monitoring');
      assert.match(text, /\n {4}monitoring:\n {6}\n/);
    });

    it('opens a list of maps with a dash', () => {
      const c = completeAt(after('    volume: 20k/day', '    |'));
      assert.match(accept(c, 'steps'), /\n {4}steps:\n {6}- \n/);
    });

    it('only renames a key that already has its colon', () => {
      const c = completeAt(put('    mode: async', '    mo|de: async'));
      assert.equal((item(c, 'trigger').textEdit as TextEdit).newText, 'trigger');
      assert.ok(labels(c.items).includes('mode'), 'the key under the cursor may be chosen again');
    });

    it('adds a rule under rules: with its summary', () => {
      const c = completeAt(M + 'rules:\n  |');
      const rule = item(c, 'load-testing');
      assert.equal((rule.textEdit as TextEdit).newText, 'load-testing: ');
      assert.match(rule.detail ?? '', /load/);
    });

    it('puts the rules that report on the item first in a waiver', () => {
      // `status` has no monitoring: monitoring-required reports on it.
      const c = completeAt(M + '    waivers:\n      - rule: |');
      const order = ordered(c.items);
      assert.ok(order.indexOf('monitoring-required') < order.indexOf('unused-goal'), order.join(', '));
      assert.equal(item(c, 'monitoring-required').labelDetails?.description, 'reports on this item');
    });
  });

  describe('snippets', () => {
    for (const label of ['New data integration', 'New process integration', 'New UI integration']) {
      it(`${label} is the recommended pattern: no error or warning once inserted`, () => {
        const c = completeAt(BASE + '  - |');
        const text = accept(c, label);
        const findings = lintText(text).problems.filter((p) => p.severity === 'error' || p.severity === 'warning');
        assert.deepEqual(findings.map((p) => `${p.rule}: ${p.message}`), []);
        assert.equal(lintText(text).manifest.integrations.length, 2);
      });
    }

    it('the data integration goes through the declared Service Bus, with system of record, security, monitoring and error handling', () => {
      const text = accept(completeAt(M + '  - |'), 'New data integration');
      const added = lintText(text).manifest.integrations[1]!;
      assert.equal(added.type, 'data');
      assert.equal(added.mode, 'async');
      assert.deepEqual(added.via.map((v) => v.id), ['bus']);
      assert.equal(added.systemOfRecord?.id, added.from?.id);
      assert.equal(added.from?.id, 'erp', 'an outside system sends');
      assert.equal(added.to?.id, 'sales', 'to the Dynamics 365 side');
      assert.deepEqual(added.security, { present: true, authentication: 'entra-id', secrets: 'key-vault', transport: 'tls1.2' });
      assert.deepEqual(added.monitoring, { present: true, tool: 'application-insights', alerts: true, audit: undefined });
      assert.equal(added.errorHandling.deadLetter, true);
      assert.equal(added.errorHandling.backoff, 'exponential');
      assert.deepEqual(added.goals.map((g) => g.id), ['visibility']);
    });

    it('a UI integration copies nothing: no volume, no system of record', () => {
      const text = accept(completeAt(M + '  - |'), 'New UI integration');
      const added = lintText(text).manifest.integrations[1]!;
      assert.equal(added.type, 'ui');
      assert.equal(added.pattern, 'embedded');
      assert.equal(added.volume, undefined);
      assert.equal(added.systemOfRecord, undefined);
      assert.equal(added.from?.id, 'lake', 'an analytics system is the likeliest to be embedded');
    });

    it('a process integration is event driven', () => {
      const added = lintText(accept(completeAt(M + '  - |'), 'New process integration')).manifest.integrations[1]!;
      assert.equal(added.trigger, 'event');
      assert.equal(added.mode, 'async');
    });

    it('is indented to the list where the dash goes', () => {
      const text = accept(completeAt(M + '  |'), 'New data integration');
      assert.match(text, /\n {2}- id: new-data-integration\n {4}name: Data integration\n {4}type: data\n/);
      assert.match(text, /\n {4}security:\n {6}authentication: entra-id\n/);
    });

    it('a new system parses and has a fresh id', () => {
      const text = accept(completeAt(put('integrations:\n', '  |\nintegrations:\n')), 'New system');
      const systems = lintText(text).manifest.systems;
      assert.equal(systems.at(-1)!.id, 'new-system');
      assert.equal(systems.at(-1)!.systemKind, 'erp');
      assert.equal(lintText(text).document.syntaxProblems.length, 0);
    });

    it('a new step proposes the next hop of the integration path', () => {
      const first = lintText(accept(completeAt(M + '    steps:\n      - |'), 'New step')).manifest.integrations[0]!.steps;
      assert.deepEqual(first.map((s) => [s.from?.id, s.to?.id, s.async]), [['erp', 'bus', true]]);
      const second = lintText(accept(completeAt(M + '    steps:\n      - from: erp\n        to: bus\n        action: Publish\n      - |'), 'New step')).manifest
        .integrations[0]!.steps;
      assert.deepEqual(second.map((s) => [s.from?.id, s.to?.id]), [['erp', 'bus'], ['bus', 'sales']]);
    });

    it('a new goal parses', () => {
      const text = accept(completeAt(after('    title: Faster cash collection', '  - |')), 'New goal');
      assert.deepEqual(lintText(text).manifest.goals.map((g) => g.id), ['visibility', 'cash', 'new-goal']);
    });
  });

  describe('documentation', () => {
    it('resolves the documentation of a key from the schema and the guidance', () => {
      const c = completeAt(after('    volume: 20k/day', '    |'));
      const key = item(c, 'pattern');
      assert.equal(key.documentation, undefined, 'documentation comes with resolve');
      const resolved = resolveCompletion(key);
      const doc = (resolved.documentation as { value: string }).value;
      assert.match(doc, /The integration pattern or technology used/);
      assert.match(doc, /DMF for bulk/);
      assert.match(doc, /docs\/rules\/dual-write-scope\.md/);
    });

    it('resolves the documentation of a value and of a rule id', () => {
      const value = item(completeAt(put('    mode: async', '    mode: |')), 'async');
      assert.match((resolveCompletion(value).documentation as { value: string }).value, /asynchronous, messaging-based/);
      const rule = item(completeAt(M + '    waivers:\n      - rule: |'), 'dead-letter');
      assert.match((resolveCompletion(rule).documentation as { value: string }).value, /docs\/rules\/dead-letter\.md/);
    });

    it('documents each reference with the item summary', () => {
      const erp = item(completeAt(put('    from: erp', '    from: |')), 'erp');
      const doc = (erp.documentation as { value: string }).value;
      assert.match(doc, /System `erp`.*Warehouse ERP/);
      assert.match(doc, /on-premises/);
      assert.match(doc, /Used by 1 integration/);
      assert.equal(erp.detail, 'Warehouse ERP · erp');
    });

    it('survives a round trip through JSON (the client holds the item between list and resolve)', () => {
      const key = item(completeAt(after('    volume: 20k/day', '    |')), 'testing');
      const back = resolveCompletion(JSON.parse(JSON.stringify(key)) as CompletionItem);
      assert.match((back.documentation as { value: string }).value, /realistic loads/);
    });
  });
});
