import assert from 'node:assert/strict';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver/node';
import { BASE, joinLines, withIntegration } from '../helpers/text';
import { startHarness, type Harness } from './harness';

const WITH_ACTORS = BASE.replace('goals:\n', joinLines('actors:', '  - id: clerk', '    name: Order clerk', 'goals:'));

describe('protocol: outline and code lenses', () => {
  let h: Harness;
  before(async () => (h = await startHarness()));
  after(() => h.dispose());

  it('document symbols group systems, integrations, goals and actors', async () => {
    const uri = await h.open(WITH_ACTORS);
    const symbols = await h.symbols(uri);
    const shape = (s: DocumentSymbol): unknown => [s.name, s.kind, ...(s.children?.length ? [s.children.map(shape)] : [])];
    assert.deepEqual(symbols.map(shape), [
      ['Systems', SymbolKind.Namespace, [['sales', SymbolKind.Class], ['erp', SymbolKind.Class], ['bus', SymbolKind.Class]]],
      ['Integrations', SymbolKind.Namespace, [['status', SymbolKind.Event]]],
      ['Goals', SymbolKind.Namespace, [['visibility', SymbolKind.Boolean]]],
      ['Actors', SymbolKind.Namespace, [['clerk', SymbolKind.Object]]],
    ]);
    const status = symbols[1]!.children![0]!;
    assert.equal(status.detail, 'Order status · erp → sales');
    assert.deepEqual(status.selectionRange, { start: h.at(uri, 'id: |status'), end: h.at(uri, 'id: status|') });
    assert.equal(status.range.start.line, h.rangeOf(uri, 'id: status').start.line);
    assert.equal(status.range.end.line, h.rangeOf(uri, 'notify: support@contoso.com').end.line);
    assert.equal(symbols[0]!.children![0]!.detail, 'Dynamics 365 Sales · dynamics-365-sales · cloud');
    assert.deepEqual(symbols[0]!.selectionRange, h.rangeOf(uri, 'systems'));
  });

  it('keeps a half-written item in the outline', async () => {
    const uri = await h.open(joinLines('integrationManifest: 1', 'systems:', '  - name: No id yet', '  - id: erp'));
    const [systems] = await h.symbols(uri);
    assert.deepEqual(systems?.children?.map((c) => c.name), ['No id yet', 'erp']);
  });

  it('code lens: a summary over each integration and "Open diagram" over `integrations:`', async () => {
    const uri = await h.open(withIntegration({ systemOfRecord: null, peak: '3k/hour' }));
    const lenses = await h.codeLenses(uri);
    assert.deepEqual(
      lenses.map((l) => [l.range.start.line, l.command?.title, l.command?.command, l.command?.arguments]),
      [
        [h.rangeOf(uri, 'integrations:').start.line, 'Open diagram', 'integrationManifests.openPreview', [uri]],
        [h.rangeOf(uri, '- id: status').start.line, 'data · async · 500/day · peak 3k/hour · 2 findings', '', undefined],
      ],
    );
  });

  it('code lens counts findings inside each integration only, and says when there is no rate', async () => {
    const two = BASE + joinLines('  - id: second', '    name: Second', '    type: ui', '    from: sales', '    to: erp', '    mode: sync');
    const uri = await h.open(two);
    const titles = (await h.codeLenses(uri)).map((l) => l.command?.title);
    assert.equal(titles[1], 'data · async · 500/day (20.8/hour) · no findings');
    assert.match(titles[2]!, /^ui · sync · no rate · \d+ findings?$/);
  });
});
