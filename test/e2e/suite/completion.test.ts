import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, FIXTURE, openEditor, positionAfter } from './helpers';

async function labelsAt(uri: vscode.Uri, position: vscode.Position): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
  return list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
}

describe('completion', () => {
  after(closeAllEditors);

  it('offers the declared systems after `from: `', async () => {
    const editor = await openEditor(FIXTURE);
    const labels = await labelsAt(editor.document.uri, positionAfter(editor.document, '    from: '));
    assert.ok(labels.includes('sales') && labels.includes('erp'), `got ${labels.join(', ')}`);
    assert.ok(!labels.includes('order-visibility'), 'a goal is no system');
  });

  it('offers the allowed values after `mode: `', async () => {
    const editor = await openEditor(FIXTURE);
    const labels = await labelsAt(editor.document.uri, positionAfter(editor.document, '    mode: '));
    for (const mode of ['sync', 'async', 'batch']) assert.ok(labels.includes(mode), `${mode} in ${labels.join(', ')}`);
  });
});
