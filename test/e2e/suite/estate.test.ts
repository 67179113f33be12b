/**
 * The estate in a real VS Code: a domain manifest that imports a shared catalog
 * (fixtures/workspace/e2e-estate). Go to definition lands in the catalog, a rename edits both
 * files in one edit, and the domain's diagnostics follow the catalog, typed in (unsaved) or
 * written on disk (VS Code's file watcher tells the server).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, codesOf, openEditor, positionAfter, waitForDiagnostics, workspaceUri } from './helpers';

const DOMAIN = 'e2e-estate/orders.integration.yaml';
/** The domain's one finding, there on purpose: once it shows, the language server has answered for the file. */
const ANSWERED = (ds: readonly vscode.Diagnostic[]) => codesOf(ds).includes('transport-tls');
const CATALOG = 'e2e-estate/shared/systems.integration.yaml';

describe('estate', () => {
  afterEach(closeAllEditors);

  it('goes to the definition of an imported system in the catalog', async () => {
    const editor = await openEditor(DOMAIN);
    await waitForDiagnostics(editor.document.uri, ANSWERED);
    const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', editor.document.uri, positionAfter(editor.document, 'from: e'));
    assert.equal(found.length, 1);
    const target = found[0]!;
    const uri = 'targetUri' in target ? target.targetUri : target.uri;
    const range = 'targetRange' in target ? target.targetRange : target.range;
    assert.equal(uri.toString(), workspaceUri(CATALOG).toString());
    const catalog = await vscode.workspace.openTextDocument(uri);
    assert.equal(catalog.getText(range), 'erp');
    assert.equal(catalog.lineAt(range.start.line).text, '  - id: erp');
  });

  it('renames an imported system in the domain and the catalog in one edit', async () => {
    const editor = await openEditor(DOMAIN);
    await waitForDiagnostics(editor.document.uri, ANSWERED);
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', editor.document.uri, positionAfter(editor.document, 'from: e'), 'ledger');
    const files = edit.entries().map(([uri]) => uri.toString()).sort();
    assert.deepEqual(files, [workspaceUri(DOMAIN).toString(), workspaceUri(CATALOG).toString()].sort());
    assert.ok(await vscode.workspace.applyEdit(edit));
    const catalog = await vscode.workspace.openTextDocument(workspaceUri(CATALOG));
    assert.match(catalog.getText(), /^ {2}- id: ledger$/m);
    assert.match(catalog.getText(), /^# The shared catalog/, 'the comment is kept');
    assert.match(editor.document.getText(), /from: ledger\n/);
    assert.match(editor.document.getText(), /systemOfRecord: ledger\n/);
    // Renamed on both sides: nothing is unknown.
    await waitForDiagnostics(editor.document.uri, (ds) => !codesOf(ds).includes('unknown-reference'));
  });

  it('shows a finding in the domain when the catalog it imports is changed, typed or on disk', async () => {
    const domain = await openEditor(DOMAIN);
    await waitForDiagnostics(domain.document.uri, (ds) => ANSWERED(ds) && !codesOf(ds).includes('unknown-reference'));
    // Typed, unsaved.
    const catalog = await openEditor(CATALOG);
    const at = catalog.document.getText().indexOf('- id: crm') + 6;
    assert.ok(await catalog.edit((e) => e.replace(new vscode.Range(catalog.document.positionAt(at), catalog.document.positionAt(at + 3)), 'sales-crm')));
    const typed = await waitForDiagnostics(domain.document.uri, (ds) => codesOf(ds).includes('unknown-reference'));
    const unknown = typed.find((d) => d.message.includes('crm'));
    assert.equal(domain.document.getText(unknown?.range), 'crm');
    await closeAllEditors();

    // On disk, the catalog not open: the watcher's event brings the change.
    const reopened = await openEditor(DOMAIN);
    await waitForDiagnostics(reopened.document.uri, (ds) => ANSWERED(ds) && !codesOf(ds).includes('unknown-reference'));
    const original = await vscode.workspace.fs.readFile(workspaceUri(CATALOG));
    const text = Buffer.from(original).toString('utf8');
    try {
      await vscode.workspace.fs.writeFile(workspaceUri(CATALOG), Buffer.from(text.replace('- id: erp', '- id: warehouse-erp')));
      const onDisk = await waitForDiagnostics(reopened.document.uri, (ds) => codesOf(ds).filter((c) => c === 'unknown-reference').length === 2);
      assert.deepEqual(onDisk.filter((d) => d.message.includes('erp')).map((d) => reopened.document.getText(d.range)), ['erp', 'erp']);
    } finally {
      await vscode.workspace.fs.writeFile(workspaceUri(CATALOG), original);
    }
    await waitForDiagnostics(reopened.document.uri, (ds) => !codesOf(ds).includes('unknown-reference'));
  });
});
