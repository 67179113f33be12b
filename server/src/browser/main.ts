/**
 * The language server in a web worker (vscode.dev, github.dev): the entry of
 * `dist/browser/server.js`. LSP messages come and go with `postMessage` to the extension that
 * started the worker. There is no thread for the rules here: they run in this worker a slice
 * at a time (`runInSlices`), so completion and hover are answered between two slices.
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { startServer } from '../server';

/** The worker's global scope, which receives and posts the messages. */
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

startServer(createConnection(ProposedFeatures.all, new BrowserMessageReader(self), new BrowserMessageWriter(self)));
