/**
 * The floor under the first request sent behind a large `didOpen`: the same client and
 * transport as the benchmark's (`lspClient.ts`: the child's stdio, vscode-languageserver's
 * stream reader and writer), speaking to a process that does nothing but keep the text it is
 * sent and answer. The client encodes the message as JSON, the pipe carries it, the other
 * process decodes it whole before it reads the request behind it: no server can answer that
 * request sooner.
 */
import { spawn } from 'node:child_process';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';

/** The process at the other end: keeps each opened text, answers completion with an empty list. */
const HOLDER = `
const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-languageserver/node');
const connection = createProtocolConnection(new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout));
const held = new Map();
connection.onNotification('textDocument/didOpen', (p) => held.set(p.textDocument.uri, p.textDocument.text));
connection.onNotification('textDocument/didClose', (p) => held.delete(p.textDocument.uri));
connection.onRequest('textDocument/completion', () => ({ isIncomplete: false, items: [] }));
connection.listen();
`;

/** How long a request sent right behind the `didOpen` of `text` waits for its answer, `tries` times (ms). */
export async function transportFloor(text: string, cwd: string, tries = 5): Promise<number[]> {
  const child = spawn(process.execPath, ['-e', HOLDER], { cwd, stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.listen();
  const ask = () => connection.sendRequest('textDocument/completion', { textDocument: { uri: 'file:///bench/small.integration.yaml' }, position: { line: 0, character: 0 } });
  try {
    for (let i = 0; i < 20; i++) await ask(); // warm-up
    const waits: number[] = [];
    for (let i = 0; i < tries; i++) {
      const uri = `file:///bench/floor-${i}.integration.yaml`;
      const sent = connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'integration-manifest', version: 1, text } });
      const asked = performance.now();
      await ask();
      waits.push(performance.now() - asked);
      await sent;
      await connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    return waits;
  } finally {
    connection.dispose();
    child.kill();
  }
}
