import assert from 'node:assert/strict';
import { applyFixAndCheck, BASE, findingsOf, lintText, spanText, withIntegration } from '../../helpers/text';

const RULE = 'service-protection-limits';

const fixAndCheck = (text: string): string => applyFixAndCheck(text, RULE);

describe(RULE, () => {
  it('fires on `mode` when a Dataverse app receives 72k/hour or more outside batches', () => {
    const text = withIntegration({ peak: '72k/hour' });
    const a = lintText(text);
    const found = a.problems.filter((p) => p.rule === RULE);
    assert.equal(found.length, 1);
    assert.equal(found[0]!.severity, 'warning');
    assert.equal(spanText(a, found[0]!), 'async');
    assert.match(found[0]!.message, /sends 72k\/hour into `sales`, a Dataverse app \(threshold 72k\/hour\)/);
    assert.match(found[0]!.message, /send the data in batches \(`mode: batch`\)/);
  });

  it('threshold boundary: 72,000/hour fires, 71,999/hour does not', () => {
    assert.equal(findingsOf(withIntegration({ peak: '72000/hour' }), RULE).length, 1);
    assert.equal(findingsOf(withIntegration({ peak: '1200/minute' }), RULE).length, 1);
    assert.deepEqual(findingsOf(withIntegration({ peak: '71999/hour' }), RULE), []);
  });

  it('uses `peak` over `volume`', () => {
    assert.deepEqual(findingsOf(withIntegration({ volume: '2m/day', peak: '10k/hour' }), RULE), []);
    assert.equal(findingsOf(withIntegration({ volume: '2m/day' }), RULE).length, 1);
  });

  it('a configured threshold replaces the default', () => {
    const text = withIntegration({ peak: '500/hour' }) + 'rules:\n  service-protection-limits: { threshold: 500/hour }\n';
    assert.equal(findingsOf(text, RULE).length, 1);
    assert.deepEqual(findingsOf(text.replace('peak: 500/hour', 'peak: 499/hour'), RULE), []);
    assert.equal(findingsOf(withIntegration({ peak: '500/hour' }), RULE, { settings: { [RULE]: { threshold: '500/hour' } } }).length, 1);
  });

  it('stays silent in batch mode, for targets outside Dataverse, and without a rate', () => {
    assert.deepEqual(findingsOf(withIntegration({ peak: '100k/hour', mode: 'batch' }), RULE), []);
    assert.deepEqual(findingsOf(withIntegration({ peak: '100k/hour', from: 'sales', to: 'erp', systemOfRecord: 'sales' }), RULE), []);
    assert.deepEqual(findingsOf(withIntegration({ volume: null }), RULE), []);
  });

  it('without `mode` it fires on the rate it read', () => {
    const a = lintText(withIntegration({ mode: null, peak: '80k/hour' }));
    const [p] = a.problems.filter((x) => x.rule === RULE);
    assert.equal(spanText(a, p!), '80k/hour');
  });

  it('a waiver with a reason silences it', () => {
    const text = withIntegration({ peak: '100k/hour', waivers: '[{ rule: service-protection-limits, reason: Spread over 20 application users }]' });
    assert.deepEqual(findingsOf(text, RULE), []);
  });

  it('the fix sets `mode: batch` in a block map and keeps the comments', () => {
    const text = withIntegration({ peak: '100k/hour', mode: 'async # decided in workshop 3' }).replace('    mode:', '    # agreed mode\n    mode:');
    assert.match(fixAndCheck(text), /\n {4}# agreed mode\n {4}mode: batch # decided in workshop 3\n/);
  });

  it('the fix adds `mode: batch` to a flow-map integration that has none', () => {
    const lines = BASE.split('\n');
    const text =
      lines.slice(0, lines.indexOf('integrations:') + 1).join('\n') +
      '\n  # flow style\n  - { id: status, name: Order status, type: data, from: erp, to: sales, systemOfRecord: erp, peak: 90k/hour } # busy\n';
    assert.match(fixAndCheck(text), /peak: 90k\/hour, mode: batch \} # busy\n/);
  });
});
