/** `integrationManifests/changes` (the preview's "Compare with HEAD") through a real LSP connection. */
import assert from 'node:assert/strict';
import type { ChangeView } from '../../shared/src/changes';
import { ChangesRequest } from '../../shared/src/requests';
import { BASE, withIntegration } from '../helpers/text';
import { startHarness, type Harness } from './harness';

describe('protocol: changes against a base text', () => {
  let h: Harness;
  before(async () => (h = await startHarness()));
  after(() => h.dispose());

  it('the change view: summary, rows with each field, findings introduced and resolved, the diagram', async () => {
    const uri = await h.open(withIntegration({ mode: 'asink' }));
    const view = await h.request<ChangeView>(ChangesRequest.method, { uri, baseText: withIntegration({ monitoring: null }), baseLabel: 'HEAD' });
    assert.equal(view.baseLabel, 'HEAD');
    assert.equal(view.baseExists, true);
    assert.match(view.summary, /^1 integration: 1 changed\. 1 finding introduced \(1 error\), 1 resolved\.$/);
    assert.deepEqual(view.changes.map((c) => [c.kind, c.status, c.id]), [['integration', 'changed', 'status']]);
    assert.ok(view.changes[0]!.fields.includes('mode: async → asink'), view.changes[0]!.fields.join(' | '));
    assert.deepEqual(view.introduced.map((f) => [f.severity, f.rule]), [['error', 'schema']]);
    assert.deepEqual(view.resolved.map((f) => f.rule), ['monitoring-required']);
    assert.match(view.mermaid ?? '', /^flowchart LR\n/);
  });

  it('a file new since the base: everything added', async () => {
    const uri = await h.open(BASE);
    const view = await h.request<ChangeView>(ChangesRequest.method, { uri, baseText: null, baseLabel: 'HEAD' });
    assert.equal(view.baseExists, false);
    assert.ok(view.changes.length === 4 && view.changes.every((c) => c.status === 'added'));
  });

  it('a document that is not open: null; malformed params: InvalidParams', async () => {
    assert.equal(await h.request(ChangesRequest.method, { uri: 'file:///nowhere.integration.yaml', baseText: null, baseLabel: 'HEAD' }), null);
    await assert.rejects(h.request(ChangesRequest.method, { uri: 'file:///x', baseText: 3, baseLabel: 'HEAD' }), /baseText must be a string/);
  });
});
