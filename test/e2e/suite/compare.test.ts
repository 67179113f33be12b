/**
 * "Compare with HEAD" in a real VS Code: the committed text comes from the built-in Git
 * extension's API, the change view from the language server; where there is no committed text
 * to be had, the command says why.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { ChangeView } from '../../../shared/src/changes';
import { closeAllEditors, FIXTURE, openUntitled, waitUntil, workspaceUri } from './helpers';

const COMMAND = 'integrationManifests.compareWithHead';

interface GitExtension {
  readonly enabled: boolean;
  readonly onDidChangeEnablement: vscode.Event<boolean>;
  getAPI(v: 1): { openRepository(root: vscode.Uri): Promise<unknown> };
}

/** The built-in Git extension, activated. */
async function gitExtension(): Promise<GitExtension> {
  const extension = vscode.extensions.getExtension<GitExtension>('vscode.git');
  assert.ok(extension, 'the built-in Git extension is there');
  return extension.isActive ? extension.exports : extension.activate();
}

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd, stdio: 'pipe' });
}

describe('Compare with HEAD', () => {
  after(closeAllEditors);

  it('a manifest not saved to disk: the command says why there is nothing to compare', async () => {
    await openUntitled(readFileSync(workspaceUri(FIXTURE).fsPath, 'utf8'));
    const outcome = await vscode.commands.executeCommand<ChangeView | string | undefined>(COMMAND);
    assert.equal(typeof outcome, 'string');
    assert.match(outcome as string, /needs a saved file in a git repository/);
    await closeAllEditors();
  });

  it('with the Git extension turned off (git.enabled: false, as the test profile has it): the command says why', async () => {
    assert.equal(vscode.workspace.getConfiguration('git').get('enabled'), false);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceUri(FIXTURE)), { preview: false });
    const outcome = await vscode.commands.executeCommand<ChangeView | string | undefined>(COMMAND);
    assert.equal(typeof outcome, 'string');
    assert.match(outcome as string, /needs the built-in Git extension, which is turned off \(the git\.enabled setting\)/);
    await closeAllEditors();
  });

  it('a committed manifest edited in the editor: the change against HEAD, read through the Git extension', async () => {
    const git = await gitExtension();
    await vscode.workspace.getConfiguration('git').update('enabled', true, vscode.ConfigurationTarget.Global);
    if (!git.enabled) await waitUntil(git.onDidChangeEnablement, () => git.enabled, 'the Git extension turned on');
    try {
      await compareCommitted(git);
    } finally {
      await vscode.workspace.getConfiguration('git').update('enabled', false, vscode.ConfigurationTarget.Global);
    }
  });
});

/** A manifest committed in a repository of its own, edited (unsaved): the command compares the editor's text with HEAD. */
async function compareCommitted(gitApi: GitExtension): Promise<void> {
  const folder = workspaceUri('compare-repo');
  mkdirSync(folder.fsPath, { recursive: true });
  const text = readFileSync(workspaceUri(FIXTURE).fsPath, 'utf8');
  writeFileSync(vscode.Uri.joinPath(folder, 'orders.integration.yaml').fsPath, text);
  git(folder.fsPath, 'init', '-q');
  git(folder.fsPath, 'add', '.');
  git(folder.fsPath, 'commit', '-q', '-m', 'first');
  assert.ok(await gitApi.getAPI(1).openRepository(folder), 'the Git extension opens the repository');

  const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, 'orders.integration.yaml'));
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  // Unsaved: the view compares the editor's text.
  const at = document.getText().indexOf('systems:\n') + 'systems:\n'.length;
  await editor.edit((b) => b.insert(document.positionAt(at), '  - id: crm\n    name: Legacy CRM\n    kind: custom\n    hosting: on-premises\n'));
  const outcome = await vscode.commands.executeCommand<ChangeView | string | undefined>(COMMAND);
  assert.ok(outcome && typeof outcome === 'object', `a change view, not: ${JSON.stringify(outcome)}`);
  assert.equal(outcome.baseExists, true);
  assert.equal(outcome.baseLabel, 'HEAD');
  assert.deepEqual(outcome.changes.map((c) => [c.status, c.id]), [['added', 'crm']]);
  assert.match(outcome.summary, /^1 system: 1 added\./);
  await vscode.commands.executeCommand('workbench.action.files.revert');
}
