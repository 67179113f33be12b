import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, codeOf, codesOf, FIXTURE, openEditor, waitForDiagnostics, workspaceUri } from './helpers';

const EXPECTED = ['prefer-async-messaging', 'transport-tls', 'unknown-reference'];

describe('diagnostics', () => {
  afterEach(closeAllEditors);

  it('shows the findings of the fixture on the right text, with rule, source, severity and a documentation link', async () => {
    const editor = await openEditor(FIXTURE);
    const diagnostics = await waitForDiagnostics(workspaceUri(FIXTURE), (ds) => EXPECTED.every((code) => codesOf(ds).includes(code)));
    assert.deepEqual(codesOf(diagnostics), EXPECTED);
    for (const d of diagnostics) {
      assert.equal(d.source, 'integration-manifest');
      assert.ok(typeof d.code === 'object' && d.code.target.toString().includes(String(d.code.value)), `${codeOf(d)} links to its documentation`);
    }
    const byCode = new Map(diagnostics.map((d) => [codeOf(d), d]));
    assert.equal(byCode.get('transport-tls')?.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(editor.document.getText(byCode.get('transport-tls')?.range), 'http');
    assert.equal(byCode.get('unknown-reference')?.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(editor.document.getText(byCode.get('unknown-reference')?.range), 'salez');
    assert.equal(byCode.get('prefer-async-messaging')?.severity, vscode.DiagnosticSeverity.Warning);
  });

  it('follows typing: a finding goes when its cause is edited away and comes back with it', async () => {
    const editor = await openEditor(FIXTURE);
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, (ds) => codesOf(ds).includes('unknown-reference'));
    const at = editor.document.getText().indexOf('to: salez');
    const salez = new vscode.Range(editor.document.positionAt(at + 4), editor.document.positionAt(at + 9));

    assert.ok(await editor.edit((edit) => edit.replace(salez, 'sales')));
    await waitForDiagnostics(uri, (ds) => !codesOf(ds).includes('unknown-reference') && codesOf(ds).includes('transport-tls'));

    assert.ok(await editor.edit((edit) => edit.replace(salez, 'nowhere')));
    const after = await waitForDiagnostics(uri, (ds) => codesOf(ds).includes('unknown-reference'));
    const unknown = after.find((d) => codeOf(d) === 'unknown-reference');
    assert.equal(editor.document.getText(unknown?.range), 'nowhere');
  });

  it('reports a YAML syntax error in a half-written manifest and keeps answering', async () => {
    const document = await vscode.workspace.openTextDocument({
      language: 'integration-manifest',
      content: 'integrationManifest: 1\nsolution:\n  name: [unclosed\n',
    });
    await vscode.window.showTextDocument(document);
    const diagnostics = await waitForDiagnostics(document.uri, (ds) => ds.some((d) => d.severity === vscode.DiagnosticSeverity.Error));
    assert.ok(codesOf(diagnostics).some((c) => c === 'yaml-syntax' || c === 'schema'), codesOf(diagnostics).join(', '));
  });
});
