import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, codeOf, codesOf, FIXTURE, openEditor, waitForDiagnostics } from './helpers';

/** Asks for the quick fixes of one diagnostic, as the light bulb does. */
async function quickFixesFor(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider',
    uri,
    diagnostic.range,
    vscode.CodeActionKind.QuickFix.value,
  );
  return actions.filter((a): a is vscode.CodeAction => 'kind' in a || 'edit' in a || 'diagnostics' in a);
}

async function apply(action: vscode.CodeAction): Promise<void> {
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), `${action.title} applies`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

describe('quick fixes', () => {
  afterEach(closeAllEditors);

  it('sets TLS 1.2 on an integration that uses plain HTTP, and the finding goes', async () => {
    const editor = await openEditor(FIXTURE);
    const uri = editor.document.uri;
    const diagnostics = await waitForDiagnostics(uri, (ds) => codesOf(ds).includes('transport-tls'));
    const finding = diagnostics.find((d) => codeOf(d) === 'transport-tls');
    assert.ok(finding);
    // The API returns the actions without the diagnostics they fix: tell them by their titles.
    const actions = await quickFixesFor(uri, finding);
    const titles = actions.map((a) => a.title).join(' | ');
    const fix = actions.find((a) => /tls1\.2/.test(a.title) && !/waive/i.test(a.title));
    assert.ok(fix, `a fix that sets tls1.2 among: ${titles}`);
    assert.ok(actions.some((a) => /waive transport-tls/i.test(a.title)), `a waiver among: ${titles}`);

    await apply(fix);
    assert.match(editor.document.getText(), /^ {6}transport: tls1\.2$/m);
    const after = await waitForDiagnostics(uri, (ds) => !codesOf(ds).includes('transport-tls'));
    assert.deepEqual(codesOf(after), ['prefer-async-messaging', 'unknown-reference']);
  });

  it('renames an unknown system reference to the closest declared id', async () => {
    const editor = await openEditor(FIXTURE);
    const uri = editor.document.uri;
    const diagnostics = await waitForDiagnostics(uri, (ds) => codesOf(ds).includes('unknown-reference'));
    const finding = diagnostics.find((d) => codeOf(d) === 'unknown-reference');
    assert.ok(finding);
    const fix = (await quickFixesFor(uri, finding)).find((a) => /sales/.test(a.title) && !/waive|create/i.test(a.title));
    assert.ok(fix, 'a fix that renames to `sales`');
    await apply(fix);
    assert.match(editor.document.getText(), /^ {4}to: sales$/m);
    await waitForDiagnostics(uri, (ds) => !codesOf(ds).includes('unknown-reference'));
  });
});
