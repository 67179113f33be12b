import * as assert from 'node:assert/strict';
import { FIXTURE } from '../names';
import { lineAt, locate } from './text';
import { workbench } from './workbench';

describe('completion on screen', () => {
  after(async () => {
    const wb = await workbench();
    await wb.revertAndCloseAll();
    wb.restoreFixtures();
  });

  it('offers the declared systems after typing `from: ` and inserts the one accepted', async () => {
    const wb = await workbench();
    await wb.openFile(FIXTURE);
    // The second integration's `from: erp`: retype it and pick `sales` from the list.
    const { line } = locate(wb.readFile(FIXTURE), '    from: erp', 1);
    await wb.goTo(line, 5);
    await wb.page.keyboard.press('Shift+End');
    await wb.page.keyboard.type('from: ');
    const rows = await wb.suggestions();
    await rows.filter({ hasText: 'erp' }).first().waitFor();
    const sales = rows.filter({ hasText: /^\s*sales/ }).first();
    await sales.waitFor();
    await wb.screenshot('completion');
    await sales.click();
    await wb.save();
    assert.equal(lineAt(wb.readFile(FIXTURE), line), '    from: sales');
  });
});
