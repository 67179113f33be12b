import { FIXTURE } from '../names';
import { workbench } from './workbench';

describe('findings on screen', () => {
  after(async () => (await workbench()).revertAndCloseAll());

  it('underlines each finding in the editor and lists it in the Problems panel', async () => {
    const wb = await workbench();
    await wb.openFile(FIXTURE);
    // Two errors (plain HTTP, unknown system) and one warning (synchronous at 3,000/hour); the
    // editor draws the squiggles of the lines on screen, the status bar counts them all.
    await wb.squiggles('error').first().waitFor();
    await wb.squiggles('warning').first().waitFor();
    await wb.problemCounts(2, 1);
    const rows = await wb.problems();
    for (const rule of ['transport-tls', 'unknown-reference', 'prefer-async-messaging']) await rows.filter({ hasText: rule }).first().waitFor();
    await rows.filter({ hasText: 'salez' }).first().waitFor(); // the message names the unknown id
    await wb.screenshot('problems');
    await wb.closePanel();
  });
});
