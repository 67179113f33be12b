import assert from 'node:assert/strict';
import { DocumentHighlightKind, type Location, type Range, type WorkspaceEdit } from 'vscode-languageserver/node';
import { joinLines } from '../helpers/text';
import { startHarness, type Harness } from './harness';

/** Every kind of reference: from, to (also quoted), systemOfRecord, via (flow and block), goals (flow and block), steps from/to. */
const NAV = joinLines(
  'integrationManifest: 1',
  'solution:',
  '  name: Navigation',
  'actors:',
  '  - id: clerk',
  '    name: Order clerk',
  'goals:',
  '  - id: visibility',
  '    title: Sales sees order status',
  'systems:',
  '  - id: sales',
  '    name: Dynamics 365 Sales',
  '    kind: dynamics-365-sales',
  '    hosting: cloud',
  '  - id: erp # the warehouse',
  '    name: ERP',
  '    kind: erp',
  '    hosting: cloud',
  '  - id: bus',
  '    name: Service Bus',
  '    kind: service-bus',
  '    hosting: cloud',
  'integrations:',
  '  - id: status',
  '    name: Order status',
  '    type: data',
  '    from: erp',
  '    to: sales',
  '    via: [bus]',
  '    systemOfRecord: erp',
  '    goals: [visibility]',
  '    steps:',
  '      - from: clerk',
  '        to: erp',
  '        action: Enter the order',
  '      - from: erp',
  '        to: bus',
  '        action: Publish',
  '      - from: bus',
  '        to: sales',
  '        action: Update',
  '  - id: feedback',
  '    name: Order feedback',
  '    type: process',
  '    from: sales',
  '    to: "erp"',
  '    via:',
  '      - bus',
  '    goals:',
  '      - visibility',
);

function applyTo(text: string, edit: WorkspaceEdit | null, uri: string): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  const edits = [...(edit?.changes?.[uri] ?? [])].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  for (const e of edits) text = text.slice(0, offset(e.range.start)) + e.newText + text.slice(offset(e.range.end));
  return text;
}

const lines = (locations: (Location | { range: Range })[]) => locations.map((l) => l.range.start.line + 1).sort((a, b) => a - b);

describe('protocol: navigation', () => {
  let h: Harness;
  let uri: string;
  before(async () => {
    h = await startHarness();
    uri = await h.open(NAV);
  });
  after(() => h.dispose());

  describe('rename', () => {
    it('renames a system at its id and at from, to (quoted), systemOfRecord and steps', async () => {
      const edit = await h.rename(uri, h.at(uri, 'id: e|rp'), 'warehouse');
      const renamed = applyTo(NAV, edit, uri);
      assert.equal(
        renamed,
        NAV.replace('id: erp #', 'id: warehouse #')
          .replace('from: erp\n    to: sales', 'from: warehouse\n    to: sales')
          .replace('systemOfRecord: erp', 'systemOfRecord: warehouse')
          .replace('        to: erp', '        to: warehouse')
          .replace('      - from: erp', '      - from: warehouse')
          .replace('to: "erp"', 'to: "warehouse"'),
      );
      assert.match(renamed, /kind: erp\n/, 'the system kind `erp` is not a reference');
      assert.equal(edit?.changes?.[uri]?.length, 6);
    });

    it('renames a system used in via lists and steps, from a reference', async () => {
      const renamed = applyTo(NAV, await h.rename(uri, h.at(uri, 'via: [b|us]'), 'queue'), uri);
      assert.doesNotMatch(renamed, /[\s[]bus\b/);
      assert.equal(renamed.match(/\bqueue\b/g)?.length, 5);
      assert.match(renamed, /via: \[queue\]/);
      assert.match(renamed, /via:\n {6}- queue/);
    });

    it('renames a goal in flow and block goals lists', async () => {
      const renamed = applyTo(NAV, await h.rename(uri, h.at(uri, '- visibilit|y'), 'order-visibility'), uri);
      assert.equal(renamed.match(/\border-visibility\b/g)?.length, 3);
      assert.match(renamed, /goals: \[order-visibility\]/);
    });

    it('renames an actor in steps and `to` ends', async () => {
      const actor = applyTo(NAV, await h.rename(uri, h.at(uri, '- from: cl|erk'), 'order-clerk'), uri);
      assert.equal(actor.match(/\border-clerk\b/g)?.length, 2);
      const sales = applyTo(NAV, await h.rename(uri, h.at(uri, '    to: sa|les'), 'crm'), uri);
      assert.doesNotMatch(sales, /: sales\b/);
      assert.equal(sales.match(/: crm\b/g)?.length, 4);
    });

    it('the renamed manifest has no unknown references', async () => {
      const other = await h.open(NAV);
      await h.applyEdit(await h.rename(other, h.at(other, 'id: e|rp'), 'warehouse'));
      assert.deepEqual((await h.diagnostics(other)).filter((d) => d.code === 'unknown-reference'), []);
    });

    it('prepareRename gives the id range without quotes and its text', async () => {
      assert.deepEqual(await h.prepareRename(uri, h.at(uri, 'to: "e|rp"')), { range: h.rangeOf(uri, 'erp', 7), placeholder: 'erp' });
      assert.equal(h.text(uri).split('erp').length - 1, 7);
      assert.equal(await h.prepareRename(uri, h.at(uri, 'name: Or|der clerk')), null);
    });

    it('rejects a new name that is not an id, or an id already used, with a message', async () => {
      await assert.rejects(h.rename(uri, h.at(uri, 'id: e|rp'), 'my erp'), /'my erp' cannot be an id: an id starts with a letter/);
      await assert.rejects(h.rename(uri, h.at(uri, 'id: e|rp'), '1erp'), /cannot be an id/);
      await assert.rejects(h.rename(uri, h.at(uri, 'id: e|rp'), 'sales'), /The id 'sales' is already used by the system on line 11/);
    });

    it('quotes a new id that YAML would read as a boolean', async () => {
      const renamed = applyTo(NAV, await h.rename(uri, h.at(uri, 'id: cl|erk'), 'true'), uri);
      assert.match(renamed, /id: "true"/);
      assert.match(renamed, /- from: "true"/);
    });
  });

  it('definition goes from any reference to the id', async () => {
    const erpId = h.rangeOf(uri, 'erp', 1);
    for (const needle of ['from: e|rp', 'systemOfRecord: e|rp', '   to: e|rp', 'to: "er|p"']) {
      const location = await h.definition(uri, h.at(uri, needle));
      assert.deepEqual(location, { uri, range: erpId }, needle);
    }
    assert.deepEqual((await h.definition(uri, h.at(uri, 'goals: [vis|ibility]')))?.range.start.line, 7);
    assert.equal(await h.definition(uri, h.at(uri, 'kind: e|rp')), null);
  });

  it('references lists every use, with or without the declaration', async () => {
    const at = h.at(uri, 'id: b|us');
    assert.deepEqual(lines(await h.references(uri, at, true)), [19, 29, 37, 39, 48]);
    assert.deepEqual(lines(await h.references(uri, at, false)), [29, 37, 39, 48]);
  });

  it('highlights the id (as written) and its references (as read)', async () => {
    const highlights = await h.highlights(uri, h.at(uri, 'goals: [visi|bility]'));
    assert.deepEqual(
      highlights.map((x) => [x.range.start.line + 1, x.kind]),
      [
        [8, DocumentHighlightKind.Write],
        [31, DocumentHighlightKind.Read],
        [50, DocumentHighlightKind.Read],
      ],
    );
    assert.deepEqual(await h.highlights(uri, h.at(uri, 'action: Pub|lish')), []);
  });
});
