/**
 * Root hooks of the UI scenarios (mocha --require): a screenshot of any failed scenario, and the
 * shared workbench closed after the last one.
 */
import type { Context } from 'mocha';
import { closeWorkbench, workbench } from './workbench';

export const mochaHooks = {
  async afterEach(this: Context): Promise<void> {
    const test = this.currentTest;
    if (test?.state !== 'failed') return;
    const name = `FAILED-${test.fullTitle().replace(/[^A-Za-z0-9]+/g, '-').slice(0, 80)}`;
    console.log(`    screenshot: ${await (await workbench()).screenshot(name)}`);
  },
  async afterAll(): Promise<void> {
    await closeWorkbench();
  },
};
