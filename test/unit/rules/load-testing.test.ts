import assert from 'node:assert/strict';
import { applyFixAndCheck, BASE, findingsOf, onlyFinding, spanText, withIntegration } from '../../helpers/text';

const RULE = 'load-testing';

const only = (text: string) => onlyFinding(text, RULE);

const fixed = (before: string): string => applyFixAndCheck(before, RULE);

describe(RULE, () => {
  it('fires at 1,000/hour without a load test, on the volume', () => {
    const { analysis, finding } = only(withIntegration({ volume: '1000/hour' }));
    assert.equal(spanText(analysis, finding), '1000/hour');
    assert.equal(finding.severity, 'info');
    assert.match(finding.message, /`status` carries 1000\/hour \(threshold 1000\/hour\) and has no plan to be load tested\. Plan a test under realistic volumes and peaks \(`testing\.load: planned`\)/);
  });

  it('is silent at 999/hour, without a rate, and on the clean base', () => {
    assert.equal(findingsOf(withIntegration({ volume: '999/hour' }), RULE).length, 0);
    assert.equal(findingsOf(withIntegration({ volume: null, frequency: 'hourly' }), RULE).length, 0);
    assert.equal(findingsOf(BASE, RULE).length, 0);
  });

  it('reads `peak` before `volume`, and sits on the one it read', () => {
    const { analysis, finding } = only(withIntegration({ volume: '100/day', peak: '2k/hour' }));
    assert.equal(spanText(analysis, finding), '2k/hour');
    assert.equal(findingsOf(withIntegration({ volume: '1m/day', peak: '999/hour' }), RULE).length, 0);
  });

  it('fires on `load: none`, on that value, and is silent on planned or done', () => {
    const { analysis, finding } = only(withIntegration({ volume: '30k/day', testing: '{ load: none }' }));
    assert.equal(spanText(analysis, finding), 'none');
    assert.match(finding.message, /and is not load tested/);
    assert.equal(findingsOf(withIntegration({ volume: '30k/day', testing: '{ load: planned }' }), RULE).length, 0);
    assert.equal(findingsOf(withIntegration({ volume: '30k/day', testing: '{ load: done }' }), RULE).length, 0);
    assert.equal(findingsOf(withIntegration({ volume: '30k/day', testing: '{ endToEnd: done }' }), RULE).length, 1);
  });

  it('takes a configured threshold', () => {
    const rules = 'rules:\n  load-testing: { threshold: 500/hour }\n';
    assert.equal(findingsOf(withIntegration({ volume: '500/hour' }) + rules, RULE).length, 1);
    assert.equal(findingsOf(withIntegration({ volume: '499/hour' }) + rules, RULE).length, 0);
  });

  it('a waiver with a reason silences it', () => {
    assert.equal(findingsOf(withIntegration({ volume: '5k/hour', waivers: '[{ rule: load-testing, reason: Volume is capped by the ERP }]' }), RULE).length, 0);
  });

  it('fix: adds `testing` with `load: planned`, keeping comments', () => {
    const before = withIntegration({ volume: '2k/hour  # measured in the pilot' });
    assert.match(fixed(before), /\n {4}testing:\n {6}load: planned\n$/);
  });

  it('fix: sets `load: planned` in a block `testing` map', () => {
    const before = withIntegration({ volume: '2k/hour' }) + '    testing:  # test plan v2\n      # end-to-end first\n      endToEnd: planned\n      load: none  # no environment yet\n';
    assert.match(fixed(before), /\n {6}load: planned {2}# no environment yet\n$/);
  });

  it('fix: adds the key to a flow `testing` map', () => {
    const before = withIntegration({ volume: '2k/hour', testing: '{ endToEnd: done }  # signed off' });
    assert.match(fixed(before), /testing: \{ endToEnd: done, load: planned \} {2}# signed off/);
  });
});
