/**
 * The slice queue (server/src/incremental/slices.ts): every sliced computation of the server
 * pauses there, one goes on per event-loop turn, background work only when nothing else waits,
 * and a message just read goes before the next slice.
 */
import assert from 'node:assert/strict';
import { analyzeText } from '../../server/src/analysis/analyze';
import { PassThrough } from 'node:stream';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { messageArrived, runInSlices, STDIO_TURNS } from '../../server/src/incremental/slices';
import { findRule } from '../../server/src/rules';
import { findingsOf } from '../../server/src/rules/types';
import { generateManifest } from '../../bench/generate';
import { TODAY } from '../helpers/text';

/** Work of `steps` steps that records each in `log` under `name`. */
function* recorded(log: string[], name: string, steps: number): Generator<void, string> {
  for (let i = 0; i < steps; i++) {
    log.push(name);
    yield;
  }
  return name;
}

const oneStepASlice = { stale: () => false, budgetMs: 0 };

describe('the slice queue', () => {
  it('lets the computations that wait take one slice each in turn', async () => {
    const log: string[] = [];
    const results = await Promise.all([runInSlices(recorded(log, 'a', 4), oneStepASlice), runInSlices(recorded(log, 'b', 4), oneStepASlice)]);
    assert.deepEqual(results, ['a', 'b']);
    // Each takes its first step at once, then they alternate, a slice a turn.
    assert.deepEqual(log.join(''), 'abababab');
  });

  it('gives background work a turn only when nothing else waits', async () => {
    const log: string[] = [];
    await Promise.all([runInSlices(recorded(log, 'r', 4), { ...oneStepASlice, background: true }), runInSlices(recorded(log, 'u', 4), oneStepASlice)]);
    assert.deepEqual(log.join(''), 'ruuuurrr');
  });

  it('lets a message just read be handled before the next slice', async () => {
    const log: string[] = [];
    let handled = false;
    // Steps until the message is handled (a turn takes microseconds: a fixed count may end before the timer).
    function* untilHandled(): Generator<void, void> {
      for (let i = 0; !handled && i < 1_000_000; i++) {
        log.push('.');
        yield;
      }
    }
    const work = runInSlices(untilHandled(), oneStepASlice);
    // As the protocol library does when it reads a message: the handler is queued for the check
    // phase, behind the turn that the last slice queued. The transport tells the queue. (Without
    // the signal, that turn goes first: a slice runs between the read and the handler.)
    setTimeout(() => {
      log.push('read');
      messageArrived();
      setImmediate(() => {
        log.push('handled');
        handled = true;
      });
    }, 1);
    await work;
    const text = log.join(' ').replace(/(\. )+/g, (steps) => `${steps.length / 2} steps `);
    assert.match(text, /^\d+ steps read handled$/, `the handler runs before the next slice: ${text}`);
  });

  it('lets a request read over stdio be handled before the next slice (the real reader and connection)', async () => {
    // What node/main.ts does with `--stdio`: the connection reads a stream, and the stream's data
    // tells the queue. vscode-jsonrpc hands a message on in two turns (the reader's lock, then the
    // connection's queue), so one turn stepped aside would let a slice run before the handler.
    const input = new PassThrough();
    const connection = createProtocolConnection(new StreamMessageReader(input), new StreamMessageWriter(new PassThrough()));
    const log: string[] = [];
    let handled = false;
    connection.onRequest('test/ask', () => {
      log.push('handled');
      handled = true;
      return 1;
    });
    connection.listen();
    input.on('data', () => messageArrived(STDIO_TURNS));
    function* untilHandled(): Generator<void, void> {
      for (let i = 0; !handled && i < 1_000_000; i++) {
        log.push('.');
        yield;
      }
    }
    const work = runInSlices(untilHandled(), oneStepASlice);
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'test/ask', params: {} });
    setTimeout(() => {
      log.push('read');
      input.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    }, 1);
    await work;
    connection.dispose();
    const text = log.join(' ').replace(/(\. )+/g, (steps) => `${steps.length / 2} steps `);
    assert.match(text, /^\d+ steps read handled$/, `the handler runs before the next slice: ${text}`);
  });

  it('stops a computation that went stale at its next pause', async () => {
    const log: string[] = [];
    let stale = false;
    const work = runInSlices(recorded(log, '.', 10), { stale: () => stale, budgetMs: 0 });
    stale = true;
    assert.equal(await work, undefined);
    assert.equal(log.length, 1);
  });
});

describe('rules that read much between two findings', () => {
  const text = generateManifest({ integrations: 300, seed: 5, detail: 0.6 });
  const { manifest } = analyzeText(text, 'file:///many.integration.yaml', { today: TODAY });
  const rule = findRule('no-inline-secrets')!;
  const context = { manifest, threshold: 1000, today: TODAY, ruleIds: [] };

  it('mark points where the caller may pause, and find what they find without them', () => {
    const steps = [...rule.check(context)];
    const findings = findingsOf(rule, context);
    assert.ok(steps.length - findings.length >= 10, `${steps.length - findings.length} points to pause among ${steps.length} steps`);
    assert.deepEqual(steps.filter((s) => s !== undefined), findings);
  });
});
