/// <reference lib="dom" />
/**
 * The example estate drawn by the bundled Mermaid in the real preview page: the root manifest
 * with everything it imports (`withImports`), every system of the catalog as a node with a
 * dotted border, every integration of the three domains as edges, no render error.
 * Screenshot: test-results/browser/estate-application.png.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { analyzeEstate } from '../../server/src/estate/analyze';
import { importsOf } from '../../server/src/estate/context';
import { loadEstate } from '../../server/src/estate/load';
import { diagramsFor } from '../../server/src/diagram';
import { withImports } from '../../server/src/diagram/estate';
import { estatePath, nodeEstateFiles } from '../../server/src/node/estateFiles';
import { close, launch, openPreview, ROOT, SCREENSHOTS } from './harness';

describe('the example estate drawn by Mermaid in Chromium', function () {
  this.timeout(300_000);
  let browser: Browser;
  before(async () => (browser = await launch()));
  after(() => close(browser));

  it('the root manifest draws the systems of the catalog and the integrations of the three domains', async () => {
    const folder = join(ROOT, 'examples', 'estate');
    const estate = await loadEstate([estatePath(join(folder, 'estate.integration.yaml'))], await nodeEstateFiles(folder));
    const analyses = analyzeEstate(estate);
    const root = estate.entries[0]!;
    const imports = [...importsOf(estate, root)].map(([path, through]) => ({ analysis: analyses.get(path)!, file: estate.nodes.get(path)!.file, uri: estate.nodes.get(path)!.uri, through: through.span }));
    const set = { ...diagramsFor(withImports(analyses.get(root)!, imports)), version: 1 };
    assert.equal(set.application.systemCount, 7);
    assert.equal(set.application.integrationCount, 5);

    const p = await openPreview(browser);
    await p.showSet(set);
    const banner = await p.page.evaluate(() => (document.getElementById('banner')!.classList.contains('error') ? document.getElementById('banner')!.textContent : ''));
    assert.equal(banner, '');
    assert.deepEqual(p.errors, []);
    const drawn = await p.page.evaluate(() => {
      const svg = document.querySelector('#canvas svg')!;
      return {
        imported: svg.querySelectorAll('g.node.imported').length,
        edges: new Set(Array.from(svg.querySelectorAll('path.flowchart-link[data-id]')).map((e) => e.getAttribute('data-id'))).size,
        text: Array.from(svg.querySelectorAll('text, span')).map((t) => t.textContent ?? '').join('\n'),
      };
    });
    assert.equal(drawn.imported, 7, 'every system comes from an imported manifest and is drawn dotted');
    assert.equal(drawn.edges, Object.keys(set.application.edges).length);
    await p.page.screenshot({ path: join(SCREENSHOTS, 'estate-application.png') });
    // Labels wrap: compared without white space.
    const squash = (s: string) => s.replace(/\s+/g, '');
    for (const name of ['Dynamics 365 Sales', 'Warehouse ERP', 'Production scheduling system', 'Legacy CRM']) assert.ok(squash(drawn.text).includes(squash(name)), `${name} drawn`);
  });
});
