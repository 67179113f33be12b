import * as assert from 'node:assert/strict';
import { workbench } from './workbench';

const EXAMPLE = 'examples/order-to-cash.integration.yaml';
/** The systems of that example, written out from it: each drawn as one node, its name over its kind. */
const SYSTEMS = [
  ['Dynamics 365 Sales', 'dynamics-365-sales'],
  ['Dynamics 365 Finance', 'dynamics-365-finance'],
  ['Warehouse ERP', 'erp'],
  ['Contoso integration bus', 'service-bus'],
];

describe('diagram preview on screen', () => {
  after(async () => {
    const wb = await workbench();
    await wb.revertAndCloseAll();
    await wb.sideBar(true);
  });

  it('draws the application diagram beside the manifest', async () => {
    const wb = await workbench();
    await wb.openFile(EXAMPLE);
    await wb.sideBar(false);
    await wb.command('Integration Manifests: Open Diagram to the Side', 'Open Diagram to the Side');
    const nodes = wb.webview().locator('#canvas svg g.node');
    await nodes.first().waitFor({ timeout: 60_000 });
    // Each node's label: one text row per line (the name, then the kind).
    const drawn = await nodes.evaluateAll((gs) => gs.map((g) => Array.from(g.querySelectorAll('tspan.row')).map((row) => row.textContent ?? '')));
    await wb.screenshot('preview');
    assert.deepEqual(drawn.map((rows) => rows.join(' / ')).sort(), SYSTEMS.map((rows) => rows.join(' / ')).sort(), 'one node per system of the example, and no other');
  });

  it('moves the editor to a system when its node is clicked', async () => {
    const wb = await workbench();
    const text = wb.readFile(EXAMPLE);
    const lines = text.split('\n');
    const first = lines.findIndex((l) => l === '  - id: erp') + 1;
    const next = lines.findIndex((l, i) => i >= first && /^ {2}- id: /.test(l)) + 1;
    assert.ok(first > 0 && next > first);
    await wb.webview().locator('svg g.node', { hasText: 'Warehouse ERP' }).first().click();
    // The editor's active line number is one of the lines of the `erp` system.
    const erpLines = Array.from({ length: next - first }, (_, i) => first + i);
    const active = wb.page.locator('.editor-group-container .monaco-editor .line-numbers.active-line-number');
    await active.filter({ hasText: new RegExp(`^\\s*(${erpLines.join('|')})\\s*$`) }).first().waitFor();
    await wb.screenshot('preview-node-click');
  });
});
