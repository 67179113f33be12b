/**
 * The extension on the web (vscode.dev, github.dev): the entry of `dist/browser/extension.js`.
 * The language server runs in a web worker (`dist/browser/server.js`) and speaks LSP over
 * `postMessage`; everything else is the desktop's.
 */
import * as vscode from 'vscode';
import { BaseLanguageClient, BrowserMessageReader, BrowserMessageWriter, type LanguageClientOptions, type MessageTransports } from 'vscode-languageclient/browser';
import { activateWith } from '../activation';
import { registerFileAccess } from '../files';
import { CLIENT_ID, CLIENT_NAME } from '../languageClient';

export { deactivate } from '../activation';

/** A web worker, as the extension host of the web has it (the client's types know no DOM). */
interface WebWorker {
  terminate(): void;
}
declare const Worker: new (url: string) => WebWorker;
declare const Blob: new (parts: Uint8Array[], options: { type: string }) => object;
declare const URL: { createObjectURL(blob: object): string };

/**
 * What a web worker can be started from. vscode.dev and github.dev serve the extension over
 * https, and the worker starts from that address. Where the extension is on another kind of
 * location (a remote host in code-server: `vscode-remote:`), a worker cannot start from it:
 * the bundle is read through VS Code's file system and started from a blob.
 */
async function workerSource(script: vscode.Uri): Promise<string> {
  if (script.scheme === 'https' || script.scheme === 'http') return script.toString(true);
  const bytes = await vscode.workspace.fs.readFile(script);
  return URL.createObjectURL(new Blob([bytes], { type: 'text/javascript' }));
}

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

  protected async createMessageTransports(): Promise<MessageTransports> {
    this.worker?.terminate();
    const worker = (this.worker = new Worker(await workerSource(this.script)));
    return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
  }
}

export function activate(context: vscode.ExtensionContext): Promise<void> {
  return activateWith(context, (context, options) => {
    const client = new WorkerLanguageClient(options, vscode.Uri.joinPath(context.extensionUri, 'dist', 'browser', 'server.js'));
    // The server in the worker has no file system: it reads imported manifests through the editor.
    registerFileAccess(client);
    return client;
  });
}
