/**
 * Imports in VS Code for the web: the packaged .vsix in code-server's web worker extension host
 * (as webExtension.test.ts), on the estate of the fixtures (e2e-estate: a domain manifest whose
 * systems come from a shared catalog it imports). The language server in the web worker has no
 * file system: it lists and reads the workspace's manifests through the extension
 * (`vscode.workspace.findFiles` and `vscode.workspace.fs`). On screen: the domain's systems
 * resolve through the import, go to definition opens the catalog, and a system renamed in the
 * catalog, typed (unsaved) or written on disk while the catalog is not open, shows as unknown
 * in the domain.
 *
 * test/e2e/run-code-server.mjs runs these with `--web` (and in a full run).
 */
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { locate } from '../ui/text';
import { workbench } from '../ui/workbench';

const DOMAIN = 'e2e-estate/orders.integration.yaml';
const CATALOG = 'e2e-estate/shared/systems.integration.yaml';

describe('imports in VS Code for the web (web worker extension host)', () => {
  after(async () => {
    const wb = await workbench();
    await wb.closePanel();
    await wb.command('View: Close All Editors', 'Close All Editors');
  });

  it("resolves a manifest's systems through its import, read by the server in the web worker", async () => {
    const wb = await workbench();
    await wb.openFile(DOMAIN);
    await wb.languageServerRunning();
    const rows = await wb.problems();
    // The domain's one finding, there on purpose: once it shows, the server has answered for the file.
    await rows.filter({ hasText: /transport-tls/ }).first().waitFor();
    await wb.screenshot('web-estate-domain');
    // `erp`, `crm` and `bus` are declared only in the catalog: without the import they would be unknown.
    const texts = await rows.allInnerTexts();
    assert.ok(!texts.some((text) => /unknown-reference|import-unresolved/.test(text)), texts.join('\n'));
  });

  it('goes to the definition of an imported system in the catalog', async () => {
    const wb = await workbench();
    const { line, column } = locate(wb.readFile(DOMAIN), '    from: erp');
    await wb.goTo(line, column + '    from: e'.length);
    await wb.page.keyboard.press('F12');
    await wb.page.locator('.tab.active[aria-label^="systems.integration.yaml"]').waitFor();
    await wb.cursorAt(locate(wb.readFile(CATALOG), '  - id: erp').line);
    await wb.screenshot('web-estate-definition');
  });

  it('shows an unknown system in the domain when the catalog it imports is changed (typed, unsaved)', async () => {
    const wb = await workbench();
    const { line, column } = locate(wb.readFile(CATALOG), '  - id: erp');
    await wb.goTo(line, column + '  - id: '.length);
    await wb.page.keyboard.press('Shift+End');
    await wb.page.keyboard.type('ledger');
    await wb.page.locator('.tab.active.dirty[aria-label^="systems.integration.yaml"]').waitFor();
    await wb.openFile(DOMAIN);
    const rows = await wb.problems();
    await rows.filter({ hasText: /unknown-reference/ }).filter({ hasText: /erp/ }).first().waitFor();
    await wb.screenshot('web-estate-unknown-after-catalog-edit');
    // Put the catalog back as it is on disk: the finding goes.
    await wb.openFile(CATALOG);
    await wb.command('File: Revert File', 'Revert File');
    await wb.openFile(DOMAIN);
    await rows.filter({ hasText: /transport-tls/ }).first().waitFor();
    await rows.filter({ hasText: /unknown-reference/ }).first().waitFor({ state: 'detached' });
  });

  it('follows the catalog changed on disk while it is not open (VS Code reports the change to the server)', async () => {
    const wb = await workbench();
    await wb.command('View: Close All Editors', 'Close All Editors');
    await wb.openFile(DOMAIN);
    const rows = await wb.problems();
    await rows.filter({ hasText: /transport-tls/ }).first().waitFor();
    try {
      writeFileSync(join(wb.workspace, CATALOG), wb.readFile(CATALOG).replace('- id: crm', '- id: sales-crm'));
      await rows.filter({ hasText: /unknown-reference/ }).filter({ hasText: /crm/ }).first().waitFor();
      await wb.screenshot('web-estate-unknown-after-catalog-on-disk');
    } finally {
      wb.restoreFixtures();
    }
    await rows.filter({ hasText: /unknown-reference/ }).first().waitFor({ state: 'detached' });
  });
});
