import * as assert from 'node:assert/strict';
import { FIXTURE } from '../names';
import { locate } from './text';
import { workbench } from './workbench';

describe('hover on screen', () => {
  after(async () => (await workbench()).revertAndCloseAll());

  it('explains a key with the guidance', async () => {
    const wb = await workbench();
    await wb.openFile(FIXTURE);
    const { line, column } = locate(wb.readFile(FIXTURE), 'mode: sync');
    await wb.goTo(line, column + 1);
    await wb.page.keyboard.press('Control+K');
    await wb.page.keyboard.press('Control+I'); // Show Hover
    const hover = await wb.hover();
    const text = await hover.innerText();
    assert.match(text, /async/i, `the hover on \`mode\` speaks of asynchronous integration: ${text}`);
    await wb.screenshot('hover');
    await wb.page.keyboard.press('Escape');
  });
});
