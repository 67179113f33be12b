/**
 * The language server in Node: the entry of `dist/server.js`. Run it as `node dist/server.js
 * --stdio` (any editor) or with `--node-ipc` (the VS Code client). The rules run on a worker
 * thread that loads this same bundle (see `analysisWorker.ts`): there, no server starts.
 */
import { isMainThread } from 'node:worker_threads';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { messageArrived, STDIO_TURNS } from '../incremental/slices';
import { startServer } from '../server';
import { AnalysisWorker } from './analysisWorker';
import { nodeWorkspaceFiles } from './workspaceFiles';

if (require.main === module && isMainThread) {
  startServer(createConnection(ProposedFeatures.all), {
    rulesWorker: (logger) => (AnalysisWorker.available() ? new AnalysisWorker(undefined, logger) : undefined),
    workspaceFiles: nodeWorkspaceFiles(),
  });
  // The slice queue lets a message just read go first (see `messageArrived`): listen where the
  // connection reads, stdin with `--stdio` (two turns to the handler), the parent's messages with
  // `--node-ipc` (VS Code; one turn).
  if (process.argv.includes('--stdio')) process.stdin.on('data', () => messageArrived(STDIO_TURNS));
  else if (process.argv.includes('--node-ipc')) process.on('message', () => messageArrived(1));
}
