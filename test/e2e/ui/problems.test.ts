import * as assert from 'node:assert/strict';
import { FIXTURE } from '../names';
import { locate } from './text';
import { workbench } from './workbench';

/**
 * The fixture's findings, written out from its comments: the rule, a word of its message, and
 * where it is (the value it underlines, found in its line of the fixture).
 */
const FINDINGS = [
  { rule: 'transport-tls', says: 'plain HTTP', line: '      transport: http', value: 'http' },
  { rule: 'unknown-reference', says: "'salez'", line: '    to: salez', value: 'salez' },
  { rule: 'prefer-async-messaging', says: "'order-status'", line: '    mode: sync', value: 'sync' },
] as const;

describe('findings on screen', () => {
  after(async () => (await workbench()).revertAndCloseAll());

  it('underlines each finding in the editor and lists exactly those in the Problems panel', async () => {
    const wb = await workbench();
    await wb.openFile(FIXTURE);
    const text = wb.readFile(FIXTURE);
    // Two errors (plain HTTP, unknown system) and one warning (synchronous at 3,000/hour); the
    // editor draws the squiggles of the lines on screen, the status bar counts them all.
    await wb.squiggles('error').first().waitFor();
    await wb.squiggles('warning').first().waitFor();
    await wb.problemCounts(2, 1);
    const rows = await wb.problems();
    for (const { rule } of FINDINGS) await rows.filter({ hasText: rule }).first().waitFor();
    await wb.screenshot('problems');
    // One row for the file, then one per finding, each with its message and position.
    const texts = await rows.allInnerTexts();
    assert.equal(texts.length, 1 + FINDINGS.length, `rows:\n${texts.join('\n')}`);
    assert.ok(texts[0]?.includes(FIXTURE), `the first row names the file: ${texts[0]}`);
    for (const { rule, says, line, value } of FINDINGS) {
      // A row's parts, one a line: the message, the source, the rule, the position.
      const matching = texts.filter((t) => t.split('\n').some((part) => part.trim() === rule));
      assert.equal(matching.length, 1, `one row for ${rule}:\n${texts.join('\n')}`);
      const at = locate(text, line);
      const position = `[Ln ${at.line}, Col ${at.column + line.indexOf(value)}]`;
      assert.ok(matching[0]?.includes(says), `the ${rule} row says ${says}: ${matching[0]}`);
      assert.ok(matching[0]?.includes(position), `the ${rule} row is at ${position}: ${matching[0]}`);
    }
    await wb.closePanel();
  });
});
