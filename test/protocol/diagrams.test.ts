/**
 * `integrationManifests/diagrams` through a real LSP connection: the whole set, and (`only:
 * 'application'`, what the preview asks after a click on a domain, a filter or a focus) the
 * application diagram alone, the same as the whole set's.
 */
import assert from 'node:assert/strict';
import { generateManifest } from '../../bench/generate';
import type { DiagramsResult, DiagramSet, ApplicationPart } from '../../shared/src/diagrams';
import type { LandscapeRequest } from '../../shared/src/landscape';
import { DiagramsRequest } from '../../shared/src/requests';
import { startHarness, type Harness } from './harness';

/** Above the overview's threshold: the preview opens on the domains, and a click expands one. */
const LANDSCAPE = generateManifest({ integrations: 200, systems: 100, domains: 8, seed: 16 });

describe('protocol: the diagram request, whole or the application diagram alone', function () {
  this.timeout(60_000);
  let h: Harness;
  let uri: string;
  before(async () => {
    h = await startHarness();
    uri = await h.open(LANDSCAPE);
  });
  after(() => h.dispose());

  const ask = (params: Record<string, unknown>) => h.request<DiagramsResult>(DiagramsRequest.method, { uri, ...params });

  it('answers a landscape change asked with only: application with the application diagram alone, the same as the whole set draws', async () => {
    const expanded: LandscapeRequest = { expanded: ['domain:Finance'], filter: { modes: ['async'] } };
    const whole = (await ask({ landscape: expanded })) as DiagramSet;
    const part = (await ask({ landscape: expanded, only: 'application' })) as ApplicationPart;
    assert.ok(whole.interactions.length === 200 && whole.checklist, 'the whole set holds every interaction diagram and the checklist');
    assert.deepEqual(Object.keys(part).sort(), ['application', 'only', 'uri', 'version'], 'nothing but the application diagram and what it is of');
    assert.equal(part.only, 'application');
    assert.equal(part.uri, whole.uri);
    assert.equal(part.version, whole.version);
    assert.deepEqual(part.application, whole.application);
    assert.ok(part.application.overview?.groups.some((g) => g.title === 'Finance' && g.expanded), 'Finance expanded');
    assert.ok(part.application.filtered, 'the filter applied');
    // The answer travels far lighter: a tenth of the set, or less.
    assert.ok(JSON.stringify(part).length * 10 < JSON.stringify(whole).length, `${JSON.stringify(part).length} characters against ${JSON.stringify(whole).length}`);
  });

  it('does the same for a focus and for the impact of a system', async () => {
    const whole = (await ask({})) as DiagramSet;
    const system = whole.application.systems[3]!.id;
    for (const params of [{ focus: system }, { landscape: { impact: system } }]) {
      const part = (await ask({ ...params, only: 'application' })) as ApplicationPart;
      assert.deepEqual(part.application, ((await ask(params)) as DiagramSet).application, JSON.stringify(params));
      assert.ok(part.application.focus?.systemId === system || part.application.impact?.systemId === system, JSON.stringify(params));
    }
  });

  it('answers the new text after an edit, and refuses a part it does not make', async () => {
    const before = (await ask({ only: 'application' })) as ApplicationPart;
    await h.change(uri, LANDSCAPE.replace('solution:', '# a comment\nsolution:'));
    const after = (await ask({ only: 'application' })) as ApplicationPart;
    assert.equal(after.version, before.version + 1);
    await assert.rejects(ask({ only: 'checklist' }), /only must be "application"/);
    assert.equal(await h.request(DiagramsRequest.method, { uri: 'file:///nowhere.integration.yaml', only: 'application' }), null);
  });
});
