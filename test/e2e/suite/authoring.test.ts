import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, LANGUAGE_ID, openUntitled } from './helpers';

describe('authoring from an empty file', () => {
  after(closeAllEditors);

  it('a new manifest indents with two spaces and suggests values while typing (the extension\'s editor defaults)', async () => {
    const editor = await openUntitled('');
    assert.equal(editor.document.languageId, LANGUAGE_ID);
    assert.equal(editor.options.tabSize, 2);
    assert.equal(editor.options.insertSpaces, true);
    const config = vscode.workspace.getConfiguration('editor', { languageId: LANGUAGE_ID });
    assert.deepEqual(config.get('quickSuggestions'), { other: 'on', comments: 'off', strings: 'on' });
    assert.equal(config.get('wordBasedSuggestions'), 'off');
  });

  it('offers the starter first in an empty manifest, a snippet with no choice list', async () => {
    const editor = await openUntitled('');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(0, 0));
    const label = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);
    const ordered = [...list.items].sort((a, b) => (a.sortText ?? label(a)).localeCompare(b.sortText ?? label(b)));
    const starter = ordered[0];
    assert.equal(starter && label(starter), 'New manifest (starter)');
    const text = starter?.insertText instanceof vscode.SnippetString ? starter.insertText.value : '';
    assert.match(text, /^integrationManifest: 1\n/);
    assert.ok(!/\$\{\d+\|/.test(text), 'no choice list');
  });
});
