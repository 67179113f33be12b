/**
 * The language client: starts the bundled server over node IPC for manifests, passes the
 * rule settings, and shows the server's state in the status bar.
 */
import * as vscode from 'vscode';
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

/** The client id: VS Code reads the trace level from `integrationManifests.trace.server`. */
export const CLIENT_ID = 'integrationManifests';
export const LANGUAGE_ID = 'integration-manifest';
const SHOW_OUTPUT_COMMAND = 'integrationManifests.showOutput';

export function createLanguageClient(context: vscode.ExtensionContext, outputChannel: vscode.OutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: LANGUAGE_ID }],
    outputChannel,
    initializationOptions: {
      rules: vscode.workspace.getConfiguration(CLIENT_ID).get<Record<string, unknown>>('rules') ?? {},
    },
  };
  return new LanguageClient(CLIENT_ID, 'Integration Manifests', serverOptions, clientOptions);
}

/** A status bar item that shows whether the server runs; shown while a manifest is the active editor. */
export function createStatusItem(context: vscode.ExtensionContext, client: LanguageClient, outputChannel: vscode.OutputChannel): void {
  const item = vscode.window.createStatusBarItem('integrationManifests.status', vscode.StatusBarAlignment.Right, 100);
  item.name = 'Integration Manifests';
  item.command = SHOW_OUTPUT_COMMAND;
  const render = (state: State) => {
    const [icon, words] =
      state === State.Running ? ['$(check)', 'running'] : state === State.Starting ? ['$(sync~spin)', 'starting'] : ['$(error)', 'stopped'];
    item.text = `${icon} Integration Manifests`;
    item.tooltip = `Integration Manifests language server: ${words}. Click to show its output.`;
    item.backgroundColor = state === State.Stopped ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
  };
  const follow = (editor: vscode.TextEditor | undefined) => {
    if (editor?.document.languageId === LANGUAGE_ID) item.show();
    else item.hide();
  };
  render(client.state);
  follow(vscode.window.activeTextEditor);
  context.subscriptions.push(
    item,
    client.onDidChangeState(({ newState }) => render(newState)),
    vscode.window.onDidChangeActiveTextEditor(follow),
    vscode.commands.registerCommand(SHOW_OUTPUT_COMMAND, () => outputChannel.show(true)),
  );
}
