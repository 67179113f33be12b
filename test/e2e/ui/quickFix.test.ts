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
    await wb.squiggles('error').nth(1).waitFor();
    const { line, column } = locate(wb.readFile(FIXTURE), 'transport: http');
    await wb.goTo(line, column + 'transport: '.length);
    await wb.page.keyboard.press('Control+.');
    const actions = await wb.codeActions();
    const fix = actions.filter({ hasText: /TLS 1\.2|tls1\.2/i }).filter({ hasNotText: /waive/i }).first();
    await fix.waitFor();
    await wb.screenshot('quick-fix-menu');
    await fix.click();
    // One error left: the unknown system.
    await wb.squiggles('error').nth(1).waitFor({ state: 'detached' });
    await wb.squiggles('error').first().waitFor();
    await wb.screenshot('quick-fix-applied');
    await wb.save();
    assert.equal(lineAt(wb.readFile(FIXTURE), line), '      transport: tls1.2');
  });
});
