/**
 * Authoring from an empty file, on screen, as a person types: the starter from Ctrl+Space in
 * an empty manifest, its fields filled with Tab between them, values picked from the list
 * with Enter (then Tab, then typing: the habit that used to corrupt values), a system and an
 * integration added with snippets; the file is then exactly what was typed and lints clean,
 * and the diagram draws it. Only the keyboard writes the manifest.
 */
import * as assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeText } from '../../../server/src/analysis/analyze';
import { locate } from './text';
import { workbench, type Workbench } from './workbench';

const FILE = 'authored.integration.yaml';

/** The manifest the keystrokes below write, written out by hand. */
const EXPECTED = [
  'integrationManifest: 1',
  'solution:',
  '  name: Fabrikam web shop',
  'governance:',
  '  alm: azure-devops',
  '  versionControl: true',
  "  availability: '99.9%'",
  '  disasterRecovery: Agree recovery point and time objectives with the business',
  'goals:',
  '  - id: fast-orders',
  '    title: Web orders reach Sales within a minute',
  'systems:',
  '  - id: shop',
  '    name: Web shop',
  '    kind: e-commerce',
  '    hosting: cloud',
  '  - id: sales',
  '    name: Dynamics 365 Sales',
  '    kind: dynamics-365-sales',
  '    hosting: cloud',
  '  - id: bus',
  '    name: Integration bus',
  '    kind: service-bus',
  '    hosting: cloud',
  '    owner: Integration team',
  '    cost:',
  '      monthly: 50',
  '      currency: EUR',
  'integrations:',
  '  - id: web-orders',
  '    name: Web orders',
  '    type: data',
  '    from: shop',
  '    to: sales',
  '    mode: sync',
  '    trigger: event',
  '    frequency: near-real-time',
  '    volume: 300/hour',
  '    pattern: web-api',
  '    systemOfRecord: shop',
  '    goals: [fast-orders]',
  '    security:',
  '      authentication: entra-id',
  '      secrets: key-vault',
  '      transport: tls1.2',
  '    monitoring:',
  '      tool: application-insights',
  '      alerts: true',
  '    errorHandling:',
  '      retry: { attempts: 5, backoff: exponential }',
  '  - id: order-confirmations',
  '    name: Order confirmations',
  '    type: data',
  '    from: sales',
  '    to: shop',
  '    mode: async',
  '    trigger: event',
  '    frequency: near-real-time',
  '    volume: 200/day',
  '    pattern: messaging',
  '    via: [bus]',
  '    systemOfRecord: sales',
  '    goals: [fast-orders]',
  '    security:',
  '      authentication: entra-id',
  '      secrets: key-vault',
  '      transport: tls1.2',
  '    monitoring:',
  '      tool: application-insights',
  '      alerts: true',
  '    errorHandling:',
  '      retry: { attempts: 5, backoff: exponential }',
  '      deadLetter: true',
  '    owner: Sales operations',
  '',
].join('\n');

/** Types `text` into the field the cursor is in, then Tab to the next field (once no list is open, as a person who sees it close). */
async function field(wb: Workbench, text: string): Promise<void> {
  if (text) await wb.page.keyboard.type(text);
  await wb.suggestionsClosed();
  await wb.page.keyboard.press('Tab');
}

/**
 * Types a value of the field's vocabulary in full, then Tab. The list shows the value while it
 * is typed; once the last letter is in, the server answers the list empty and it closes, so
 * the Tab goes to the next field instead of accepting the value again. Waits for the list to
 * show (before the last letter) and to close (after it), as a person sees it.
 */
async function inFull(wb: Workbench, value: string): Promise<void> {
  await wb.page.keyboard.type(value.slice(0, -1));
  const rows = await wb.suggestions();
  await rows.filter({ hasText: value }).first().waitFor();
  await wb.page.keyboard.type(value.slice(-1));
  await wb.suggestionsClosed();
  await wb.page.keyboard.press('Tab');
}

/** Types the start of a value, picks `value` from the list with Enter, then Tab: the habit that used to skip a field. */
async function pick(wb: Workbench, typed: string, value: string): Promise<void> {
  await wb.page.keyboard.type(typed);
  await wb.acceptSuggestion(value);
  await wb.page.keyboard.press('Tab');
}

describe('authoring from an empty file on screen', () => {
  after(async () => {
    const wb = await workbench();
    await wb.revertAndCloseAll();
    await wb.sideBar(true);
    rmSync(join(wb.workspace, FILE), { force: true });
  });

  it('writes a manifest with the starter and snippets only, by keyboard, that is exactly what was typed and lints clean', async () => {
    const wb = await workbench();
    writeFileSync(join(wb.workspace, FILE), '');
    await wb.openFile(FILE);
    await wb.languageServerRunning();
    const keyboard = wb.page.keyboard;

    // The empty file offers the starter first; Enter writes it and selects its first field.
    await keyboard.press('Control+Space');
    const rows = await wb.suggestions();
    await rows.first().filter({ hasText: 'New manifest (starter)' }).waitFor();
    await wb.screenshot('authoring-starter-offered');
    await wb.acceptSuggestion('New manifest (starter)');
    await wb.screenshot('authoring-starter-inserted');
    await field(wb, 'Fabrikam web shop');
    await field(wb, 'fast-orders');
    await field(wb, 'Web orders reach Sales within a minute');
    await field(wb, 'shop');
    await field(wb, 'Web shop');
    await pick(wb, 'e-com', 'e-commerce');
    await field(wb, ''); // the second system keeps its id, name and kind
    await field(wb, '');
    await field(wb, '');
    await field(wb, 'web-orders');
    await field(wb, 'Web orders');
    await field(wb, '300/hour'); // the last field: Tab leaves the starter on the line after it
    await wb.screenshot('authoring-starter-filled');
    await wb.save();

    // A third system, from the snippet a new item of `systems` offers: after the last system, a new `- `.
    const hosting = locate(wb.readFile(FILE), '    hosting: cloud', 1);
    await wb.goTo(hosting.line, hosting.column + '    hosting: cloud'.length);
    await keyboard.press('Enter');
    await keyboard.press('Backspace'); // from the keys of the item above to the dashes of the list
    await keyboard.type('- ');
    await wb.acceptSuggestion('New system');
    await field(wb, 'bus');
    await field(wb, 'Integration bus');
    await pick(wb, 'service-b', 'service-bus');
    await inFull(wb, 'cloud'); // the last field: Tab goes on, out of the snippet, to a line for the next key
    await keyboard.type('owner: Integration team'); // on the line the snippet left for the next key
    // Its price, so the guidance's cost estimate is met: a map typed key by key (Escape closes any list).
    // A person looks before the next key: a list the last keystroke asked for may still be on its
    // way. In one CI run the Enter after `cost:` gave a line without the indent (not reproduced
    // since, alone or in the whole suite); a list arriving after the Escape is the likely cause.
    const settled = () => wb.page.waitForTimeout(400);
    for (const line of ['cost:', 'monthly: 50', 'currency: EUR']) {
      await settled();
      await keyboard.press('Escape');
      await keyboard.press('Enter');
      await keyboard.type(line);
    }
    await settled();
    await keyboard.press('Escape');
    await wb.screenshot('authoring-system-added');
    await wb.save();

    // An integration through the bus, from the snippet a new item of `integrations` offers.
    await keyboard.press('Control+End');
    await keyboard.type('  - ');
    await wb.acceptSuggestion('New data integration');
    await field(wb, 'order-confirmations');
    await field(wb, 'Order confirmations');
    await pick(wb, 'sal', 'sales');
    await pick(wb, 'sh', 'shop');
    await field(wb, '200/day');
    await field(wb, ''); // via: the declared bus
    await field(wb, ''); // goals: the declared goal: Tab leaves the snippet on a line of its own for the next key
    await keyboard.type('owner: Sales operations');
    await wb.screenshot('authoring-integration-added');
    await wb.save();

    const written = wb.readFile(FILE);
    assert.equal(written, EXPECTED, 'the file holds exactly what was typed: no placeholder left, no value run into another');
    const problems = analyzeText(written, FILE).problems;
    assert.deepEqual(problems.map((p) => `${p.rule}: ${p.message}`), [], 'it lints clean');
    await wb.noProblems();
    await wb.screenshot('authoring-clean');

    // The diagram draws its three systems.
    await wb.sideBar(false);
    await wb.command('Integration Manifests: Open Diagram to the Side', 'Open Diagram to the Side');
    const nodes = wb.webview().locator('#canvas svg g.node');
    await nodes.first().waitFor({ timeout: 60_000 });
    for (const name of ['Web shop', 'Dynamics 365 Sales', 'Integration bus']) await nodes.filter({ hasText: name }).first().waitFor();
    assert.equal(await nodes.count(), 3, 'one node per system');
    await wb.screenshot('authoring-diagram');
  });

  it('a half-written integration shows what is missing, once, in plain words, and nothing else', async () => {
    const wb = await workbench();
    await wb.command('View: Close All Editors', 'Close All Editors');
    await wb.openFile(FILE);
    await wb.languageServerRunning();
    await wb.noProblems();
    await wb.page.keyboard.press('Control+End');
    await wb.page.keyboard.type('  - id: returns');
    await wb.suggestionsClosed();
    const rows = await wb.problems();
    await rows.filter({ hasText: "An integration needs 'name', 'type', 'from' and 'to'." }).first().waitFor();
    await wb.screenshot('authoring-half-written');
    // One row for the file, one for the finding: no advice on the design yet, and no raw backtick.
    const texts = await rows.allInnerTexts();
    assert.equal(texts.length, 2, `rows:\n${texts.join('\n')}`);
    assert.ok(texts[0]?.includes(FILE), texts[0]);
    assert.match(texts[1]!, /schema/);
    assert.ok(!texts.join('\n').includes('`'), 'no raw backtick');
    await wb.closePanel();
  });
});
