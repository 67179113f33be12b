/**
 * The language client: starts the bundled server over node IPC for manifests, passes the
 * rule settings, and shows the server's state in the status bar.
 */
import * as vscode from 'vscode';
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { COMMANDS, LANGUAGE_ID, SETTINGS_SECTION, STATUS_ITEM_ID } from '../../shared/src/names';
import type { InitializationOptions, RuleSettings } from '../../shared/src/settings';

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
      rules: vscode.workspace.getConfiguration(SETTINGS_SECTION).get<RuleSettings>('rules') ?? {},
    } satisfies InitializationOptions,
  };
  return new LanguageClient(SETTINGS_SECTION, 'Integration Manifests', serverOptions, clientOptions);
}

/** A status bar item that shows whether the server runs; shown while a manifest is the active editor. */
export function createStatusItem(context: vscode.ExtensionContext, client: LanguageClient, outputChannel: vscode.OutputChannel): void {
  const item = vscode.window.createStatusBarItem(STATUS_ITEM_ID, vscode.StatusBarAlignment.Right, 100);
  item.name = 'Integration Manifests';
  item.command = COMMANDS.showOutput;
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
    vscode.commands.registerCommand(COMMANDS.showOutput, () => outputChannel.show(true)),
  );
}
