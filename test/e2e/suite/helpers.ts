/** Helpers for the extension API suite: open workspace files, wait on VS Code's events. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export { EXTENSION_ID, FIXTURE, LANGUAGE_ID } from '../names';
import { LANGUAGE_ID } from '../names';

export function workspaceUri(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests run with a workspace folder open');
  return vscode.Uri.joinPath(folder.uri, relativePath);
}

/** Opens a workspace file in an editor and returns it. */
export async function openEditor(relativePath: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(relativePath));
  return vscode.window.showTextDocument(document, { preview: false });
}

/** Opens a document from text (an untitled manifest), for tests that edit freely. */
export async function openUntitled(content: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content });
  return vscode.window.showTextDocument(document, { preview: false });
}

/**
 * Resolves with the diagnostics of `uri` once `accept` holds for them: at once if it already
 * does, else on the first onDidChangeDiagnostics that makes it hold. Rejects after `timeoutMs`
 * with what was there, so a failure says what the editor showed.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: readonly vscode.Diagnostic[]) => boolean,
  timeoutMs = 20_000,
): Promise<readonly vscode.Diagnostic[]> {
  const now = vscode.languages.getDiagnostics(uri);
  if (accept(now)) return Promise.resolve(now);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`diagnostics of ${uri.toString()} did not reach the expected state; they are:\n${describe(vscode.languages.getDiagnostics(uri))}`));
    }, timeoutMs);
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((changed) => changed.toString() === uri.toString())) return;
      const diagnostics = vscode.languages.getDiagnostics(uri);
      if (!accept(diagnostics)) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(diagnostics);
    });
  });
}

/**
 * Resolves once `condition` holds: at once if it does now, else on the first `event` after
 * which it does. Rejects after `timeoutMs`, naming `what` was awaited.
 */
export function waitUntil<T>(event: vscode.Event<T>, condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  if (condition()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`no ${what} within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    const subscription = event(() => {
      if (!condition()) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve();
    });
  });
}

export function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

export function codesOf(diagnostics: readonly vscode.Diagnostic[]): string[] {
  return diagnostics.map((d) => codeOf(d) ?? '?').sort();
}

export function describe(diagnostics: readonly vscode.Diagnostic[]): string {
  return diagnostics.map((d) => `  ${d.range.start.line + 1}:${d.range.start.character + 1} ${codeOf(d)} ${d.message}`).join('\n') || '  (none)';
}

/** The position just after the first occurrence of `text` in the document. */
export function positionAfter(document: vscode.TextDocument, text: string, from = 0): vscode.Position {
  const offset = document.getText().indexOf(text, from);
  assert.ok(offset >= 0, `the document contains ${JSON.stringify(text)}`);
  return document.positionAt(offset + text.length);
}

/** Reverts every changed document and closes every editor, so the next test starts afresh
 * (closing a changed editor would ask whether to save, and wait for an answer). */
export async function closeAllEditors(): Promise<void> {
  for (const document of vscode.workspace.textDocuments) {
    if (!document.isDirty) continue;
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
