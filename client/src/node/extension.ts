/** The extension on the desktop: the entry of `dist/extension.js`. The language server runs in Node, over IPC. */
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { SERVER_NODE_FLAGS } from '../../../shared/src/serverProcess';
import { activateWith } from '../activation';
import { CLIENT_ID, CLIENT_NAME } from '../languageClient';

export { deactivate } from '../activation';

export function activate(context: vscode.ExtensionContext): Promise<void> {
  return activateWith(context, (context, options) => {
    const module = context.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS] } },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6009'] } },
    };
    return new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, options);
  });
}
