/**
 * The language client's options, the same on every platform (manifests, the output channel,
 * the rule settings at start), and the status item that shows the server's state.
 */
import * as vscode from 'vscode';
import { State, type BaseLanguageClient, type LanguageClientOptions } from 'vscode-languageclient';
import { COMMANDS, LANGUAGE_ID, SETTINGS_SECTION, STATUS_ITEM_ID } from '../../shared/src/names';
import type { InitializationOptions, RuleSettings } from '../../shared/src/settings';

/** The client id (its settings section: `integrationManifests.trace.server`) and the name shown to the user. */
export const CLIENT_ID = SETTINGS_SECTION;
export const CLIENT_NAME = 'Integration Manifests';

export function clientOptions(outputChannel: vscode.OutputChannel): LanguageClientOptions {
  return {
    documentSelector: [{ language: LANGUAGE_ID }],
    outputChannel,
    initializationOptions: {
      // A plain copy: VS Code hands settings out as read-only proxies, which a web worker's
      // postMessage cannot clone (JSON over IPC on the desktop does not mind).
      rules: structuredCopy(vscode.workspace.getConfiguration(SETTINGS_SECTION).get<RuleSettings>('rules') ?? {}),
    } satisfies InitializationOptions,
  };
}

/** The JSON value of a setting, as plain objects. */
function structuredCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** A status bar item that shows whether the server runs; shown while a manifest is the active editor. */
export function createStatusItem(context: vscode.ExtensionContext, client: BaseLanguageClient, outputChannel: vscode.OutputChannel): void {
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
