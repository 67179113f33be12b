import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, FIXTURE, openEditor, waitUntil } from './helpers';

const VIEW_TYPE = 'integrationManifests.preview';

function previewTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith(VIEW_TYPE));
}

describe('diagram preview', () => {
  after(closeAllEditors);

  it('opens beside the manifest as a webview panel that follows it', async () => {
    const editor = await openEditor(FIXTURE);
    assert.equal(previewTabs().length, 0);
    await vscode.commands.executeCommand('integrationManifests.openPreview');
    // The panel names the manifest it draws once it follows it.
    const title = `Diagrams: ${FIXTURE}`;
    await waitUntil(vscode.window.tabGroups.onDidChangeTabs, () => previewTabs().some((t) => t.label === title), `a preview tab titled ${title}`);
    assert.deepEqual(previewTabs().map((t) => t.label), [title], 'one preview');
    const [tab] = previewTabs();
    assert.ok(tab);
    assert.notEqual(tab.group.viewColumn, editor.viewColumn, 'the preview opens to the side');
    assert.ok(vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === editor.document.uri.toString()), 'the manifest stays visible');
  });
});
