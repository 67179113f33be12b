/** Activation: wires the language client, its status item, the restart command and the diagram preview. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { COMMANDS } from '../../shared/src/names';
import { createLanguageClient, createStatusItem } from './languageClient';
import { registerPreview } from './preview/register';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Integration Manifests');
  context.subscriptions.push(output);
  client = createLanguageClient(context, output);
  createStatusItem(context, client, output);
  context.subscriptions.push(vscode.commands.registerCommand(COMMANDS.restartServer, () => client?.restart()));
  registerPreview(context, client);
  try {
    await client.start();
  } catch (e) {
    // The client has already told the user; the log keeps the detail, and the restart command stays available.
    output.appendLine(`The language server did not start: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
