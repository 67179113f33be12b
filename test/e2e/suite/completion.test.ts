import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, FIXTURE, openEditor, positionAfter } from './helpers';

async function labelsAt(uri: vscode.Uri, position: vscode.Position): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
  return list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label)).sort();
}

describe('completion', () => {
  after(closeAllEditors);

  it('offers exactly the declared systems after `from: `', async () => {
    const editor = await openEditor(FIXTURE);
    // The fixture declares two systems, `sales` and `erp`; its goal `order-visibility` is no system.
    assert.deepEqual(await labelsAt(editor.document.uri, positionAfter(editor.document, '    from: ')), ['erp', 'sales']);
  });

  it('offers exactly the three modes after `mode: `', async () => {
    const editor = await openEditor(FIXTURE);
    assert.deepEqual(await labelsAt(editor.document.uri, positionAfter(editor.document, '    mode: ')), ['async', 'batch', 'sync']);
  });
});
