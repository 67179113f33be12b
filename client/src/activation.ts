/**
 * Activation, the same on the desktop and on the web: the language client, its status item,
 * the restart command and the diagram preview. Only how the client reaches the server differs:
 * `node/extension.ts` starts it as a Node process, `browser/extension.ts` in a web worker.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import { COMMANDS } from '../../shared/src/names';
import { clientOptions, createStatusItem } from './languageClient';
import { registerPreview } from './preview/register';

/** Makes the language client of this platform, with the options every platform shares. */
export type ClientFactory = (context: vscode.ExtensionContext, options: LanguageClientOptions) => BaseLanguageClient;

let client: BaseLanguageClient | undefined;

export async function activateWith(context: vscode.ExtensionContext, createClient: ClientFactory): Promise<void> {
  const output = vscode.window.createOutputChannel('Integration Manifests');
  context.subscriptions.push(output);
  client = createClient(context, clientOptions(output));
  createStatusItem(context, client, output);
  context.subscriptions.push(vscode.commands.registerCommand(COMMANDS.restartServer, restart));
  registerPreview(context, client);
  try {
    await client.start();
  } catch (e) {
    // The client has already told the user; the log keeps the detail, and the restart command stays available.
    output.appendLine(`The language server did not start: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Stops the server and starts it again (on the web, in a new worker). */
async function restart(): Promise<void> {
  if (!client) return;
  await client.stop();
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
