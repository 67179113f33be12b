import assert from 'node:assert/strict';
import { InsertTextFormat, type CompletionItem, type Hover, type MarkupContent, type Position, type Range, type TextEdit } from 'vscode-languageserver/node';
import { expandSnippet } from '../../server/src/features/completion/snippets';
import { BASE } from '../helpers/text';
import { startHarness, type Harness } from './harness';

/** BASE with a CRM system and a second integration written as flow maps, one of them over two lines with a comment. */
const TEXT = BASE.replace('integrations:\n', '  - { id: crm, name: Legacy CRM, kind: crm, hosting: on-premises }\nintegrations:\n').replace(
  '  - id: status\n',
  '  - { id: leads, name: Leads, # from the CRM\n      type: data, from: crm, to: sales, mode: async }\n  - id: status\n',
);

describe('protocol: flow style', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    await h.dispose();
  });

  /** Types `text` (one line) at `position` one character at a time, as an editor sends it. */
  async function type(uri: string, position: Position, text: string): Promise<Position> {
    const { line } = position;
    let { character } = position;
    for (const c of text) {
      await h.applyEdit({ changes: { [uri]: [{ range: { start: { line, character }, end: { line, character } }, newText: c }] } });
      character++;
    }
    return { line, character };
  }

  async function accept(uri: string, item: CompletionItem): Promise<void> {
    const edit = item.textEdit as TextEdit;
    const newText = item.insertTextFormat === InsertTextFormat.Snippet ? expandSnippet(edit.newText) : edit.newText;
    await h.applyEdit({ changes: { [uri]: [{ range: edit.range, newText }] } });
  }

  const find = (items: CompletionItem[], label: string) => {
    const item = items.find((i) => i.label === label);
    assert.ok(item, `no ${label} among ${items.map((i) => i.label).join(', ')}`);
    return item;
  };

  /** Every edit lies on `line` between the columns `after` (exclusive, the brace) and `before` (inclusive). */
  function inside(items: CompletionItem[], line: number, after: number, before: number): void {
    assert.ok(items.length > 0, 'no completion items');
    for (const item of items) {
      const { start, end } = (item.textEdit as TextEdit).range;
      assert.ok(start.line === line && end.line === line && start.character > after && end.character <= before, `${item.label} replaces ${JSON.stringify({ start, end })}`);
      assert.ok(!item.label.startsWith('New '), `the item snippet ${item.label} is offered inside a flow map`);
    }
  }

  const markdown = (hover: Hover | null): string => {
    assert.ok(hover, 'expected a hover');
    return (hover.contents as MarkupContent).value;
  };

  it('offers the system kinds inside a flow map item, replacing only the value', async () => {
    const uri = await h.open(TEXT.replace('kind: crm, ', 'kind: , '));
    const at = h.at(uri, '{ id: crm, name: Legacy CRM, kind: |, ');
    const items = await h.completion(uri, at);
    for (const kind of ['crm', 'erp', 'dataverse', 'service-bus']) find(items, kind);
    inside(items, at.line, h.at(uri, '|{ id: crm').character, at.character);
    await accept(uri, find(items, 'crm'));
    assert.match(h.text(uri), /\n {2}- \{ id: crm, name: Legacy CRM, kind: crm, hosting: on-premises \}\n/);
    const schema = (await h.diagnostics(uri)).filter((d) => d.code === 'schema' || d.code === 'yaml-syntax');
    assert.deepEqual(schema, []);
  });

  it('completes a reference typed into an unclosed flow map, character by character', async () => {
    const uri = await h.open(TEXT.replace('  - id: status\n', '\n  - id: status\n'));
    const blank = { line: h.at(uri, '|\n  - id: status').line, character: 0 };
    const end = await type(uri, blank, '  - { id: orders, name: Orders, type: data, from: crm, to: s');
    const items = await h.completion(uri, end);
    const sales = find(items, 'sales');
    assert.deepEqual((sales.textEdit as TextEdit).range, { start: { line: end.line, character: end.character - 1 }, end });
    inside(items, end.line, 4, end.character);
    await accept(uri, sales);
    assert.equal(h.text(uri).split('\n')[end.line], '  - { id: orders, name: Orders, type: data, from: crm, to: sales');
  });

  it('offers the keys not yet written after a trailing comma, on the continuation line of a flow map', async () => {
    const uri = await h.open(TEXT.replace('to: sales, mode: async }', 'to: sales, mode: async,\n       }'));
    const at = h.at(uri, 'mode: async,\n      | }');
    const items = await h.completion(uri, at);
    const labels = items.map((i) => i.label);
    for (const key of ['trigger', 'pattern', 'security', 'via']) assert.ok(labels.includes(key), `${key} among ${labels.join(', ')}`);
    for (const key of ['id', 'name', 'type', 'from', 'to', 'mode']) assert.ok(!labels.includes(key), `${key} is already written`);
    inside(items, at.line, 0, at.character);
    assert.equal((find(items, 'security').textEdit as TextEdit).newText, 'security: { $0 }');
  });

  it('offers the values of a nested flow map and the systems of a flow sequence', async () => {
    const uri = await h.open(TEXT.replace('    security:\n      authentication: entra-id\n      secrets: key-vault\n      transport: tls1.2\n', '    security: { authentication: entra-id, transport:  }\n'));
    const transport = await h.completion(uri, h.at(uri, 'transport: | }'));
    assert.deepEqual(transport.map((i) => i.label).sort(), ['http', 'tls1.0', 'tls1.1', 'tls1.2', 'tls1.3']);
    const other = await h.open(TEXT.replace('via: [bus]', 'via: [ ]').replace('mode: async }', 'mode: async, via: [bus, ] }'));
    assert.deepEqual((await h.completion(other, h.at(other, '    via: [| ]'))).map((i) => i.label).sort(), ['bus', 'crm']);
    assert.deepEqual((await h.completion(other, h.at(other, 'via: [bus, |] }'))).map((i) => i.label).sort(), ['erp']);
  });

  it('hovers keys and values inside flow maps as in block style', async () => {
    const uri = await h.open(TEXT);
    const hoverAt = async (needle: string, occurrence = 1): Promise<{ text: string; range: Range }> => {
      const hover = await h.hover(uri, h.at(uri, needle, occurrence));
      return { text: markdown(hover), range: hover!.range! };
    };
    // The key `kind` and the value `crm`/`erp` of the flow system and of a block one.
    const flowKind = await hoverAt('Legacy CRM, ki|nd: crm');
    assert.equal(flowKind.text, (await hoverAt('    ki|nd: erp')).text);
    assert.deepEqual(flowKind.range, { start: h.at(uri, 'Legacy CRM, |kind'), end: h.at(uri, 'Legacy CRM, kind|') });
    assert.match((await hoverAt('kind: c|rm')).text, /\*\*`kind: crm`\*\*/);
    // A reference on the continuation line of a multi-line flow map: the system's summary.
    const crm = await hoverAt('from: c|rm, to: sales');
    assert.match(crm.text, /\*\*System `crm`\*\* — Legacy CRM/);
    assert.match(crm.text, /Used by 1 integration: `leads`/);
    // An enum value and a key on that line: the guidance of block style.
    assert.equal((await hoverAt('sales, mode: as|ync }')).text, (await hoverAt('    mode: as|ync')).text);
    assert.equal((await hoverAt('ty|pe: data, from: crm')).text, (await hoverAt('    ty|pe: data')).text);
    // The integration's own id: its facts.
    assert.match((await hoverAt('{ id: le|ads')).text, /\*\*Integration `leads`\*\* — Leads/);
  });
});
