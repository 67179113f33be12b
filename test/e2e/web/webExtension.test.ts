/**
 * The web extension in a real VS Code for the web: code-server runs the packaged .vsix in its
 * web worker extension host (the setting `remote.extensionKind` puts it there, as vscode.dev
 * and github.dev do for every extension), so `dist/browser/extension.js` activates in the
 * browser and starts `dist/browser/server.js` in a web worker. Then, on screen: the extension
 * is listed as running in a web worker, a manifest shows its finding, a hover explains a key,
 * the quick fix clears the finding, and the diagram preview draws the systems.
 *
 * test/e2e/run-code-server.mjs runs these with `--web` (and in a full run).
 */
import * as assert from 'node:assert/strict';
import { locate } from '../ui/text';
import { workbench } from '../ui/workbench';

const EXAMPLE = 'examples/order-to-cash.integration.yaml';

describe('the web extension in VS Code for the web (web worker extension host)', () => {
  after(async () => {
    const wb = await workbench();
    await wb.revertAndCloseAll();
    await wb.sideBar(true);
  });

  it('shows the finding of a manifest, from the language server in a web worker', async () => {
    const wb = await workbench();
    await wb.openFile(EXAMPLE);
    await wb.languageServerRunning();
    // The status bar counts one warning.
    await wb.page.locator('#status\\.problems[aria-label*="Warnings: 1"], #status\\.problems [aria-label*="Warnings: 1"]').first().waitFor();
    const rows = await wb.problems();
    await rows.filter({ hasText: /credit-check/ }).first().waitFor();
    await wb.screenshot('web-finding');
    await wb.closePanel();
  });

  it('runs in the web worker extension host, not in Node', async () => {
    const wb = await workbench();
    await wb.command('Developer: Show Running Extensions', 'Show Running Extensions');
    const row = wb.page.locator('.monaco-list-row', { hasText: 'Integration Manifests' }).first();
    await row.waitFor();
    await wb.screenshot('web-running-extensions');
    assert.match(await row.innerText(), /web worker/i);
    await wb.command('View: Close Editor', 'Close Editor');
  });

  it('explains a key on hover', async () => {
    const wb = await workbench();
    await wb.openFile(EXAMPLE);
    const { line, column } = locate(wb.readFile(EXAMPLE), '    mode: sync');
    await wb.goTo(line, column + 5); // on the key `mode`
    await wb.page.keyboard.press('Control+K');
    await wb.page.keyboard.press('Control+I'); // Show Hover
    const hover = await wb.hover();
    await hover.filter({ hasText: /sync waits for an answer/ }).waitFor();
    await wb.screenshot('web-hover');
    await wb.page.keyboard.press('Escape');
  });

  it('applies the quick fix from the light bulb, and the finding goes', async () => {
    const wb = await workbench();
    const { line, column } = locate(wb.readFile(EXAMPLE), '    mode: sync');
    await wb.goTo(line, column + '    mode: '.length);
    await wb.page.keyboard.press('Control+.');
    const actions = await wb.codeActions();
    const chosen = await wb.chooseAction(actions, /^Make it asynchronous/);
    assert.match(chosen, /^Make it asynchronous/);
    await wb.noProblems();
    await wb.screenshot('web-quick-fix-applied');
  });

  it('draws the application diagram beside the manifest', async () => {
    const wb = await workbench();
    await wb.sideBar(false);
    await wb.command('Integration Manifests: Open Diagram to the Side', 'Open Diagram to the Side');
    const nodes = wb.webview().locator('#canvas svg g.node');
    await nodes.first().waitFor({ timeout: 60_000 });
    const labels = await nodes.evaluateAll((gs) => gs.map((g) => g.textContent ?? ''));
    await wb.screenshot('web-preview');
    for (const name of ['Dynamics 365 Sales', 'Dynamics 365 Finance', 'Warehouse ERP']) assert.ok(labels.some((label) => label.includes(name)), `${name} among ${labels.join(' | ')}`);
  });
});
