/** Completion lists sent with their items' shared parts once (`withItemDefaults`), and read back by resolve. */
import assert from 'node:assert/strict';
import type { CompletionItem, CompletionList } from 'vscode-languageserver';
import { completionData, withItemDefaults } from '../../server/src/features/completion/itemDefaults';

const range = (start: number, end: number) => ({ start: { line: 3, character: start }, end: { line: 3, character: end } });
const ALL = ['commitCharacters', 'editRange', 'insertTextFormat', 'insertTextMode', 'data'];

function item(label: string, newText = label, at = range(8, 10)): CompletionItem {
  return { label, filterText: label, sortText: label, textEdit: { range: at, newText }, data: { doc: 'reference', uri: 'file:///a.integration.yaml', id: label, lists: ['systems'] } };
}

describe('completion lists with item defaults', () => {
  it('sends the shared range and data once, the text only where it is not the label, and no filter text equal to the label', () => {
    const list: CompletionList = { isIncomplete: true, items: [item('erp'), item('crm', '- crm')] };
    const short = withItemDefaults(list, ALL);
    assert.deepEqual(short.itemDefaults, { editRange: range(8, 10), data: { doc: 'reference', uri: 'file:///a.integration.yaml', lists: ['systems'] } });
    assert.deepEqual(short.items, [
      { label: 'erp', sortText: 'erp' },
      { label: 'crm', sortText: 'crm', textEditText: '- crm' },
    ]);
    assert.equal(short.isIncomplete, true);
    // Resolve reads the defaults the editor put on the item, with its label as the id.
    assert.deepEqual(completionData({ label: 'crm', data: short.itemDefaults?.data as unknown }), { doc: 'reference', uri: 'file:///a.integration.yaml', lists: ['systems'], id: 'crm' });
    assert.deepEqual(completionData(item('erp')), item('erp').data);
  });

  it('keeps each item whole where the items differ, or the client takes no defaults', () => {
    const ranges = withItemDefaults({ isIncomplete: false, items: [item('erp'), item('crm', 'crm', range(6, 10))] }, ALL);
    assert.equal(ranges.itemDefaults?.editRange, undefined);
    assert.deepEqual(ranges.items[1]!.textEdit, { range: range(6, 10), newText: 'crm' });
    // Data shared, ranges not.
    assert.ok(ranges.itemDefaults?.data);
    const otherData = item('crm');
    otherData.data = { doc: 'reference', uri: 'file:///b.integration.yaml', id: 'crm', lists: ['systems'] };
    const data = withItemDefaults({ isIncomplete: false, items: [item('erp'), otherData] }, ALL);
    assert.equal(data.itemDefaults?.data, undefined);
    assert.deepEqual(data.items[1]!.data, otherData.data);
    const none = withItemDefaults({ isIncomplete: false, items: [item('erp'), item('crm')] }, []);
    assert.equal(none.itemDefaults, undefined);
    assert.deepEqual(none.items[0], { label: 'erp', sortText: 'erp', textEdit: item('erp').textEdit, data: item('erp').data as unknown });
    // A filter text that is not the label stays.
    const filtered = withItemDefaults({ isIncomplete: false, items: [{ label: 'New system', filterText: 'system' }] }, ALL);
    assert.deepEqual(filtered.items, [{ label: 'New system', filterText: 'system' }]);
  });
});
