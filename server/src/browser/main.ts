/**
 * The language server in a web worker (vscode.dev, github.dev): the entry of
 * `dist/browser/server.js`. LSP messages come and go with `postMessage` to the extension that
 * started the worker. There is no thread for the rules here: they run in this worker a slice
 * at a time (`runInSlices`), so completion and hover are answered between two slices. The
 * workspace's manifests are listed and read through the editor (`clientWorkspaceFiles`), so
 * imports and the features across files work as on the desktop.
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { messageArrived } from '../incremental/slices';
import { startServer } from '../server';
import { clientWorkspaceFiles } from './workspaceFiles';

/** The worker's global scope, which receives and posts the messages. */
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(self), new BrowserMessageWriter(self));
startServer(connection, { workspaceFiles: clientWorkspaceFiles(connection) });
// The slice queue lets a message just received go first (see `messageArrived`).
(self as unknown as { addEventListener(type: 'message', listener: () => void): void }).addEventListener('message', () => messageArrived(1));
