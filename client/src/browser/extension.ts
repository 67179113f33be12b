/**
 * The extension on the web (vscode.dev, github.dev): the entry of `dist/browser/extension.js`.
 * The language server runs in a web worker (`dist/browser/server.js`) and speaks LSP over
 * `postMessage`; everything else is the desktop's.
 */
import * as vscode from 'vscode';
import { BaseLanguageClient, BrowserMessageReader, BrowserMessageWriter, type LanguageClientOptions, type MessageTransports } from 'vscode-languageclient/browser';
import { activateWith } from '../activation';
import { CLIENT_ID, CLIENT_NAME } from '../languageClient';

export { deactivate } from '../activation';

/** A web worker, as the extension host of the web has it (the client's types know no DOM). */
interface WebWorker {
  terminate(): void;
}
declare const Worker: new (url: string) => WebWorker;

/**
 * The language client over a web worker. Each start gets a new worker (the one before is
 * ended), so the restart command starts the server afresh, as on the desktop.
 */
class WorkerLanguageClient extends BaseLanguageClient {
  private worker: WebWorker | undefined;

  constructor(
    options: LanguageClientOptions,
    private readonly script: vscode.Uri,
  ) {
    super(CLIENT_ID, CLIENT_NAME, options);
  }

  protected createMessageTransports(): Promise<MessageTransports> {
    this.worker?.terminate();
    const worker = (this.worker = new Worker(this.script.toString(true)));
    return Promise.resolve({ reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) });
  }
}

export function activate(context: vscode.ExtensionContext): Promise<void> {
  return activateWith(context, (context, options) => new WorkerLanguageClient(options, vscode.Uri.joinPath(context.extensionUri, 'dist', 'browser', 'server.js')));
}
