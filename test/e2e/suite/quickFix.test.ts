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
  const args: unknown[] = action.command?.arguments ?? [];
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...args);
}

/** `text` with its one line `line` (which must be there exactly once) replaced by `by`. */
function replaceLine(text: string, line: string, by: string): string {
  const lines = text.split('\n');
  assert.equal(lines.filter((l) => l === line).length, 1, `the fixture has one line ${JSON.stringify(line)}`);
  return lines.map((l) => (l === line ? by : l)).join('\n');
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
    const fix = actions.find((a) => a.title === "Set 'transport: tls1.2'");
    assert.ok(fix, `the fix \`Set transport: tls1.2\` among: ${titles}`);
    assert.ok(actions.some((a) => a.title === 'Waive transport-tls for this item...'), `the waiver among: ${titles}`);

    const before = editor.document.getText();
    await apply(fix);
    // The one line changes, and nothing else: the fixture's first integration now asks for TLS 1.2.
    assert.equal(editor.document.getText(), replaceLine(before, '      transport: http', '      transport: tls1.2'));
    const after = await waitForDiagnostics(uri, (ds) => !codesOf(ds).includes('transport-tls'));
    assert.deepEqual(codesOf(after), ['prefer-async-messaging', 'unknown-reference']);
  });

  it('renames an unknown system reference to the closest declared id', async () => {
    const editor = await openEditor(FIXTURE);
    const uri = editor.document.uri;
    const diagnostics = await waitForDiagnostics(uri, (ds) => codesOf(ds).includes('unknown-reference'));
    const finding = diagnostics.find((d) => codeOf(d) === 'unknown-reference');
    assert.ok(finding);
    const actions = await quickFixesFor(uri, finding);
    const fix = actions.find((a) => a.title === "Change to 'sales'");
    assert.ok(fix, `the fix \`Change to sales\` among: ${actions.map((a) => a.title).join(' | ')}`);
    const before = editor.document.getText();
    await apply(fix);
    assert.equal(editor.document.getText(), replaceLine(before, '    to: salez', '    to: sales'));
    const after = await waitForDiagnostics(uri, (ds) => !codesOf(ds).includes('unknown-reference'));
    assert.deepEqual(codesOf(after), ['prefer-async-messaging', 'transport-tls']);
  });
});
