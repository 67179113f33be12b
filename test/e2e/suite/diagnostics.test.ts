import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, codeOf, codesOf, describe as describeDiagnostics, FIXTURE, openEditor, waitForDiagnostics, workspaceUri } from './helpers';

const EXPECTED = ['prefer-async-messaging', 'transport-tls', 'unknown-reference'];

describe('diagnostics', () => {
  afterEach(closeAllEditors);

  it('shows the findings of the fixture on the right text, with rule, source, severity and a documentation link', async () => {
    const editor = await openEditor(FIXTURE);
    const diagnostics = await waitForDiagnostics(workspaceUri(FIXTURE), (ds) => EXPECTED.every((code) => codesOf(ds).includes(code)));
    assert.deepEqual(codesOf(diagnostics), EXPECTED);
    for (const d of diagnostics) {
      assert.equal(d.source, 'integration-manifest');
      assert.ok(typeof d.code === 'object', `${codeOf(d)} links to its documentation`);
      assert.equal(d.code.target.toString(), `https://github.com/integration-manifests/integration-manifests/blob/main/docs/rules/${codeOf(d)}.md`);
    }
    const byCode = new Map(diagnostics.map((d) => [codeOf(d), d]));
    assert.equal(byCode.get('transport-tls')?.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(editor.document.getText(byCode.get('transport-tls')?.range), 'http');
    assert.equal(byCode.get('unknown-reference')?.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(editor.document.getText(byCode.get('unknown-reference')?.range), 'salez');
    assert.equal(byCode.get('prefer-async-messaging')?.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(editor.document.getText(byCode.get('prefer-async-messaging')?.range), 'sync');
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
    const diagnostics = await waitForDiagnostics(document.uri, (ds) => codesOf(ds).includes('yaml-syntax'));
    const syntax = diagnostics.filter((d) => codeOf(d) === 'yaml-syntax');
    assert.equal(syntax.length, 1, describeDiagnostics(diagnostics));
    assert.equal(syntax[0]?.severity, vscode.DiagnosticSeverity.Error);
    assert.match(syntax[0]?.message ?? '', /^Flow sequence .*end with a \]\.$/, 'the unclosed `[` is what is wrong');
    // And it keeps answering on the broken text: the guidance on the key `solution`.
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(1, 2));
    const texts = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)));
    assert.equal(texts.length, 1, `one hover: ${texts.join(' | ')}`);
    assert.ok(texts[0]?.startsWith('**`solution`**\n\n'), `the hover explains \`solution\`: ${texts[0]}`);
  });
});
