import * as assert from 'node:assert/strict';
import { FIXTURE } from '../names';
import { locate } from './text';
import { workbench } from './workbench';

/**
 * The guidance on the key `mode`, paragraph by paragraph as the hover draws it (code spans and
 * links drawn as their text): what the key holds, what the integration guidance says about it,
 * its values, and the rules that check it.
 */
const MODE_GUIDANCE = [
  'mode',
  'How the systems exchange: sync waits for an answer, async hands over a message and moves on, batch moves data in bulk at intervals.',
  'Synchronous calls wait for an answer; asynchronous messages decouple the systems; batch moves volume at intervals. The guidance favours robust, asynchronous, messaging-based patterns.',
  'Values: sync, async, batch.',
  'Checked by prefer-async-messaging, service-protection-limits, dead-letter, dmf-bulk.',
];

describe('hover on screen', () => {
  after(async () => (await workbench()).revertAndCloseAll());

  it('explains the key `mode` with the guidance on it', async () => {
    const wb = await workbench();
    await wb.openFile(FIXTURE);
    const { line, column } = locate(wb.readFile(FIXTURE), 'mode: sync');
    await wb.goTo(line, column + 1); // on the key, not the value
    await wb.page.keyboard.press('Control+K');
    await wb.page.keyboard.press('Control+I'); // Show Hover
    const hover = await wb.hover();
    await hover.filter({ hasText: MODE_GUIDANCE[1]! }).waitFor();
    const paragraphs = (await hover.innerText())
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    await wb.screenshot('hover');
    assert.deepEqual(paragraphs, MODE_GUIDANCE);
    await wb.page.keyboard.press('Escape');
  });
});
