/**
 * How long requests wait while the server opens a very large manifest (SPEC 16, "Opening":
 * no request waits more than 100 ms behind the opening of any manifest, 10 MB included).
 * A small manifest is open; the large one is opened; until its first diagnostics arrive,
 * hover and completion are asked on the small one, one after the other with a short pause,
 * each timed from sending to the answer.
 */
import { resolve } from 'node:path';
import { generateManifest } from './generate';
import { pullDiagnostics, type ServerProcess } from './lspClient';
import { summarize } from './stats';
import { transportFloor } from './transportFloor';
import { LONG_WAIT_MS, type OpenWaitResult } from './openWaitReport';

const SMALL = 'file:///bench/small.integration.yaml';
const LARGE = 'file:///bench/large.integration.yaml';

/** 33,000 integrations that say little each: ≈ 10 MB. */
export const LARGE_INTEGRATIONS = 33_000;

export async function openWait(srv: ServerProcess, integrations = LARGE_INTEGRATIONS): Promise<OpenWaitResult> {
  const { connection } = srv;
  const small = generateManifest({ integrations: 100, seed: 7 });
  const large = generateManifest({ integrations, detail: 0 });
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: SMALL, languageId: 'integration-manifest', version: 1, text: small } });
  await pullDiagnostics(connection, SMALL);
  const lineOf = (text: string, offset: number) => ({ line: text.slice(0, offset).split('\n').length - 1, character: offset - (text.lastIndexOf('\n', offset - 1) + 1) });
  const completionAt = lineOf(small, small.indexOf('    mode: ') + 10);
  const hoverAt = lineOf(small, small.indexOf('    pattern: ') + 6);
  const ask = (i: number) =>
    i % 2 === 0
      ? connection.sendRequest('textDocument/completion', { textDocument: { uri: SMALL }, position: completionAt })
      : connection.sendRequest('textDocument/hover', { textDocument: { uri: SMALL }, position: hoverAt });
  for (let i = 0; i < 20; i++) await ask(i); // warm-up

  const start = performance.now();
  const openedAt = Date.now();
  let done = false;
  const opened = (async () => {
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: LARGE, languageId: 'integration-manifest', version: 1, text: large } });
    await pullDiagnostics(connection, LARGE);
    done = true;
    return performance.now() - start;
  })();
  const waits: number[] = [];
  const longWaits: { at: number; ms: number }[] = [];
  for (let i = 0; !done; i++) {
    const asked = performance.now();
    await ask(i);
    const waited = performance.now() - asked;
    waits.push(waited);
    if (waited > LONG_WAIT_MS) longWaits.push({ at: asked - start, ms: waited });
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const openToDiagnostics = await opened;
  const memory = srv.memory();
  // The first request was sent right behind the 10 MB message: what the transport alone makes it wait, measured after.
  const floor = await transportFloor(large, resolve(__dirname, '..'));
  return { mb: Buffer.byteLength(large) / 2 ** 20, integrations, openToDiagnostics, waits: summarize(waits), first: waits[0]!, othersLongest: Math.max(0, ...waits.slice(1)), floor: summarize(floor), longWaits, memory, openedAt };
}
