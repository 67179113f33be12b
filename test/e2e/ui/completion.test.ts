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

  it('offers exactly the declared systems after typing `from: ` and inserts the one accepted', async () => {
    const wb = await workbench();
    await wb.openFile(FIXTURE);
    const original = wb.readFile(FIXTURE);
    // The second integration's `from: erp`: retype it and pick `sales` from the list.
    const { line } = locate(original, '    from: erp', 1);
    await wb.goTo(line, 5);
    await wb.page.keyboard.press('Shift+End');
    await wb.page.keyboard.type('from: ');
    const rows = await wb.suggestions();
    await rows.filter({ hasText: 'erp' }).first().waitFor();
    const sales = rows.filter({ hasText: /^\s*sales/ }).first();
    await sales.waitFor();
    await wb.screenshot('completion');
    // The fixture declares two systems, `sales` and `erp`, and nothing else is one.
    const labels = (await rows.locator('.label-name').allInnerTexts()).map((label) => label.trim()).sort();
    assert.deepEqual(labels, ['erp', 'sales']);
    await sales.click();
    await wb.save();
    const lines = original.split('\n');
    lines[line - 1] = '    from: sales';
    assert.equal(lineAt(wb.readFile(FIXTURE), line), '    from: sales');
    assert.equal(wb.readFile(FIXTURE), lines.join('\n'), 'only that line changed');
  });
});
