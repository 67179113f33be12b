/**
 * The Node flags the extension starts the language server with (shared/src/serverProcess.ts):
 * Node accepts them, and they shrink the young generation as they say.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { SERVER_NODE_FLAGS } from '../../shared/src/serverProcess';

/** The young generation's size in a Node process started with `flags`, after making garbage that lives a while, as a parse's does. */
function youngGenerationMb(flags: readonly string[]): number {
  const script = `
    let keep = [];
    for (let i = 0; i < 2e6; i++) { keep.push({ i, s: 'x'.repeat(i % 50) }); if (keep.length > 100000) keep = []; }
    const space = require('node:v8').getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
    process.stdout.write(String(space.space_size / 2 ** 20));`;
  return Number(execFileSync(process.execPath, [...flags, '-e', script], { encoding: 'utf8' }));
}

describe('the language server process', () => {
  it('is started with flags Node accepts, that make the young generation smaller than by default', () => {
    assert.ok(SERVER_NODE_FLAGS.length > 0);
    const tuned = youngGenerationMb(SERVER_NODE_FLAGS);
    const plain = youngGenerationMb([]);
    assert.ok(tuned < plain, `young generation ${tuned} MB with ${SERVER_NODE_FLAGS.join(' ')}, ${plain} MB without`);
  });
});
