import * as assert from 'node:assert/strict';
import { FIXTURE } from '../names';
import { lineAt, locate } from './text';
import { workbench } from './workbench';

describe('quick fix on screen', () => {
  after(async () => {
    const wb = await workbench();
    await wb.revertAndCloseAll();
    wb.restoreFixtures();
  });

  it('sets TLS 1.2 from the light bulb (Ctrl+.), and the error goes', async () => {
    const wb = await workbench();
    await wb.openFile(FIXTURE);
    await wb.problemCounts(2, 1);
    const original = wb.readFile(FIXTURE);
    const { line, column } = locate(original, 'transport: http');
    await wb.goTo(line, column + 'transport: '.length);
    await wb.page.keyboard.press('Control+.');
    const actions = await wb.codeActions();
    await actions.filter({ hasText: /waive transport-tls/i }).first().waitFor();
    await wb.screenshot('quick-fix-menu');
    assert.equal((await wb.chooseAction(actions, /^Set 'transport: tls1\.2'/)).trim(), "Set 'transport: tls1.2'");
    // One error left: the unknown system, further down.
    await wb.problemCounts(1, 1);
    await wb.screenshot('quick-fix-applied');
    await wb.save();
    assert.equal(lineAt(wb.readFile(FIXTURE), line), '      transport: tls1.2');
    const lines = original.split('\n');
    lines[line - 1] = '      transport: tls1.2';
    assert.equal(wb.readFile(FIXTURE), lines.join('\n'), 'only that line changed');
  });
});
