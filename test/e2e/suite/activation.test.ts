import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, EXTENSION_ID, FIXTURE, LANGUAGE_ID, openEditor, waitForDiagnostics, workspaceUri } from './helpers';

describe('activation', () => {
  after(closeAllEditors);

  it('activates on opening a manifest and the language server answers with diagnostics', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    const editor = await openEditor(FIXTURE);
    assert.equal(editor.document.languageId, LANGUAGE_ID);
    // Nothing calls activate(): only opening the manifest can have started the extension.
    const diagnostics = await waitForDiagnostics(workspaceUri(FIXTURE), (ds) => ds.some((d) => d.source === 'integration-manifest'));
    assert.ok(diagnostics.length > 0);
    assert.equal(extension.isActive, true);
  });

  it('recognizes every example manifest and outlines its systems and integrations', async () => {
    const examples = await vscode.workspace.findFiles('examples/*.integration.{yaml,yml}');
    assert.ok(examples.length > 0, 'the workspace holds the examples');
    for (const uri of examples) {
      const document = await vscode.workspace.openTextDocument(uri);
      assert.equal(document.languageId, LANGUAGE_ID, `${uri.path} opens as an integration manifest`);
      const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', uri);
      const names = flatten(symbols ?? []).map((s) => s.name);
      assert.ok(names.length > 0, `${uri.path} has an outline`);
    }
  });
});

function flatten(symbols: vscode.DocumentSymbol[]): vscode.DocumentSymbol[] {
  return symbols.flatMap((s) => [s, ...flatten(s.children ?? [])]);
}
