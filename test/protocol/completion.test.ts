import assert from 'node:assert/strict';
import { InsertTextFormat, InsertTextMode, type CompletionItem, type CompletionList, type MarkupContent, type Position, type TextEdit } from 'vscode-languageserver/node';
import { expandSnippet } from '../../server/src/features/completion/snippets';
import { BASE } from '../helpers/text';
import { startHarness, type Harness } from './harness';
import { DEFERRED_SUMMARIES_FROM } from '../../server/src/features/completion/references';

/** BASE plus a Power Automate system, so `via` has a second middleware to offer. */
const TEXT = BASE.replace('integrations:\n', '  - id: flows\n    name: Power Automate\n    kind: power-automate\n    hosting: cloud\nintegrations:\n');

describe('protocol: completion', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    await h.dispose();
  });

  /** Types `text` at `position` one character at a time, as an editor sends it. */
  async function type(uri: string, position: Position, text: string): Promise<Position> {
    let { line, character } = position;
    for (const c of text) {
      await h.applyEdit({ changes: { [uri]: [{ range: { start: { line, character }, end: { line, character } }, newText: c }] } });
      if (c === '\n') {
        line++;
        character = 0;
      } else character++;
    }
    return { line, character };
  }

  /** Applies the item's edit as the editor would (a snippet with its placeholders left at their defaults). */
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

  it('advertises completion with resolve and the characters that start a value or an item', () => {
    const provider = h.capabilities.completionProvider;
    assert.equal(provider?.resolveProvider, true);
    for (const c of [':', ' ', '[', ',', '-']) assert.ok(provider?.triggerCharacters?.includes(c), `trigger character ${c}`);
  });

  it('completes a pattern while it is typed, replacing what was typed', async () => {
    const uri = await h.open(TEXT);
    const end = await type(uri, h.at(uri, '    pattern: business-events|\n'), '\n    direction: tw');
    const items = await h.completion(uri, end);
    const twoWay = find(items, 'two-way');
    assert.deepEqual((twoWay.textEdit as TextEdit).range, { start: { line: end.line, character: 15 }, end });
    await accept(uri, twoWay);
    assert.match(h.text(uri), /\n {4}direction: two-way\n/);
    const schema = (await h.diagnostics(uri)).filter((d) => d.code === 'schema');
    assert.deepEqual(schema, []);
  });

  it('offers middleware for a flow sequence and ids only once', async () => {
    const uri = await h.open(TEXT.replace('via: [bus]', 'via: [bus, ]'));
    const items = await h.completion(uri, h.at(uri, 'via: [bus, |]'));
    assert.deepEqual(items.map((i) => i.label), ['flows']);
    await accept(uri, items[0]!);
    assert.match(h.text(uri), /via: \[bus, flows\]/);
  });

  it('offers goals in an empty flow sequence and rule ids in a waiver', async () => {
    const uri = await h.open(TEXT.replace('goals: [visibility]', 'goals: []') + '    waivers:\n      - rule: \n');
    assert.deepEqual((await h.completion(uri, h.at(uri, 'goals: [|]'))).map((i) => i.label), ['visibility']);
    const rules = await h.completion(uri, h.at(uri, '- rule: |'));
    const loadTesting = find(rules, 'load-testing');
    assert.match(loadTesting.detail ?? '', /\S/);
  });

  it('keeps completing when the document does not parse', async () => {
    const uri = await h.open(TEXT);
    const end = await type(uri, h.at(uri, '    via: [bus|]'), ', ');
    // `via: [bus, ]` is fine; break the document above it and ask again.
    await h.applyEdit({ changes: { [uri]: [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, newText: '  description: "unclosed\n' }] } });
    const broken = await h.diagnostics(uri);
    assert.ok(broken.some((d) => d.code === 'yaml-syntax'), 'the document is broken');
    const items = await h.completion(uri, { line: end.line + 1, character: end.character });
    assert.deepEqual(items.map((i) => i.label), ['flows']);
  });

  it('adds the documentation on resolve', async () => {
    const uri = await h.open(TEXT.replace('    mode: async\n', ''));
    const items = await h.completion(uri, h.at(uri, '    |trigger: event'));
    const mode = find(items, 'mode');
    assert.equal(mode.documentation, undefined);
    const resolved = await h.resolveCompletion(mode);
    const doc = resolved.documentation as MarkupContent;
    assert.equal(doc.kind, 'markdown');
    assert.match(doc.value, /How the systems exchange/);
    assert.match(doc.value, /asynchronous, messaging-based patterns/);
  });

  it('sends a long list of ids without their summaries, and adds the summary of one on resolve', async () => {
    const many = Array.from({ length: DEFERRED_SUMMARIES_FROM }, (_, i) => `  - id: warehouse-${i}\n    name: Warehouse ${i}\n    kind: erp\n    hosting: on-premises\n`).join('');
    const uri = await h.open(TEXT.replace('integrations:\n', `${many}integrations:\n`));
    const items = await h.completion(uri, h.at(uri, '    to: |sales'));
    assert.ok(items.length > DEFERRED_SUMMARIES_FROM, String(items.length));
    assert.ok(items.every((i) => i.documentation === undefined));
    const warehouse = find(items, 'warehouse-7');
    assert.equal(warehouse.detail, 'Warehouse 7 · erp');
    const doc = (await h.resolveCompletion(warehouse)).documentation as MarkupContent;
    assert.equal(doc.kind, 'markdown');
    assert.match(doc.value, /Warehouse 7/);
    // The summary counts what uses the system: `sales` is used by the integration.
    assert.match(((await h.resolveCompletion(find(items, 'sales'))).documentation as MarkupContent).value, /Dynamics 365 Sales|sales/);
    // A manifest closed meanwhile: the item stays as it was.
    await h.close(uri);
    assert.equal((await h.resolveCompletion(warehouse)).documentation, undefined);
  });

  it('sends what every item of a long list shares once, with the list, to a client that takes defaults', async () => {
    const many = Array.from({ length: DEFERRED_SUMMARIES_FROM }, (_, i) => `  - id: warehouse-${i}\n    name: Warehouse ${i}\n    kind: erp\n    hosting: on-premises\n`).join('');
    const uri = await h.open(TEXT.replace('integrations:\n', `${many}integrations:\n`));
    const position = h.at(uri, '    to: |sales');
    const list = (await h.completionList(uri, position)) as CompletionList;
    const expanded = await h.completion(uri, position);
    // Every item replaces the value at the cursor: one range for all, and the items' own data is only their id (the label).
    assert.deepEqual(list.itemDefaults?.editRange, { start: position, end: { line: position.line, character: position.character + 'sales'.length } });
    assert.deepEqual(list.itemDefaults?.data, { doc: 'reference', uri, lists: ['systems'] });
    for (const item of list.items) {
      assert.equal(item.textEdit, undefined, item.label);
      assert.equal(item.data, undefined, item.label);
      assert.equal(item.filterText, undefined, item.label);
    }
    // Put back as the editor does, each item inserts its id.
    assert.deepEqual(
      expanded.map((i) => (i.textEdit as TextEdit).newText),
      list.items.map((i) => i.label),
    );
    assert.ok(JSON.stringify(list).length < JSON.stringify(expanded).length * 0.6, `${JSON.stringify(list).length} of ${JSON.stringify(expanded).length} characters`);
  });

  it('inserts a data integration snippet that follows the guidance', async () => {
    const uri = await h.open(TEXT + '  - ');
    const items = await h.completion(uri, { line: TEXT.split('\n').length - 1, character: 4 });
    const data = find(items, 'New data integration');
    assert.equal(data.insertTextFormat, InsertTextFormat.Snippet);
    assert.equal(data.insertTextMode, InsertTextMode.asIs, 'the snippet carries its own indentation');
    await accept(uri, data);
    const findings = (await h.diagnostics(uri)).filter((d) => d.severity === 1 || d.severity === 2);
    assert.deepEqual(findings.map((d) => `${String(d.code)}: ${d.message}`), []);
    assert.match(h.text(uri), /\n {4}via: \[bus\]\n {4}systemOfRecord: erp\n/);
  });

  it('answers after each change, with the values of the key just accepted', async () => {
    const uri = await h.open(TEXT.replace('    trigger: event\n', ''));
    let position = h.at(uri, '    pattern: business-events|\n');
    position = await type(uri, position, '\n    trig');
    const trigger = find(await h.completion(uri, position), 'trigger');
    assert.equal(trigger.command?.command, 'editor.action.triggerSuggest', 'the list re-opens for the values');
    await accept(uri, trigger);
    position = { line: position.line, character: '    trigger: '.length };
    assert.equal(h.text(uri).split('\n')[position.line], '    trigger: ');
    const values = await h.completion(uri, position);
    assert.deepEqual(values.map((i) => i.label).sort(), ['event', 'schedule', 'user']);
  });
});
