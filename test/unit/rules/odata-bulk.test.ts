import assert from 'node:assert/strict';
import { applyFixAndCheck, BASE, findingsOf, onlyFinding, spanText, withIntegration } from '../../helpers/text';

const RULE = 'odata-bulk';

const only = (text: string) => onlyFinding(text, RULE);

const fixed = (before: string): string => applyFixAndCheck(before, RULE);

const odata = (set: Record<string, string | null>) => withIntegration({ pattern: 'odata', mode: 'batch', ...set });

describe(RULE, () => {
  it('fires at 50,000/hour, on `pattern`', () => {
    const { analysis, finding } = only(odata({ volume: '50k/hour' }));
    assert.equal(spanText(analysis, finding), 'odata');
    assert.equal(finding.severity, 'warning');
    assert.match(finding.message, /`status` moves 50k\/hour through OData \(threshold 50k\/hour\)/);
    assert.match(finding.message, /set `pattern: dmf` and `mode: batch`/);
  });

  it('is silent just below the threshold, without a rate, and on the clean base', () => {
    assert.equal(findingsOf(odata({ volume: '49999/hour' }), RULE).length, 0);
    assert.equal(findingsOf(odata({ volume: null }), RULE).length, 0);
    assert.equal(findingsOf(BASE, RULE).length, 0);
  });

  it('fires on the Web API too, and uses `peak` over `volume`', () => {
    const { finding } = only(odata({ pattern: 'web-api', volume: '100/day', peak: '60k/hour' }));
    assert.match(finding.message, /60k\/hour through the Web API/);
    assert.equal(findingsOf(odata({ volume: '2m/day', peak: '49999/hour' }), RULE).length, 0);
  });

  it('is silent on other patterns at any volume', () => {
    assert.equal(findingsOf(withIntegration({ pattern: 'business-events', volume: '1m/hour' }), RULE).length, 0);
  });

  it('takes a configured threshold', () => {
    const rules = 'rules:\n  odata-bulk: { threshold: 500/hour }\n';
    assert.equal(findingsOf(odata({ volume: '500/hour' }) + rules, RULE).length, 1);
    assert.equal(findingsOf(odata({ volume: '499/hour' }) + rules, RULE).length, 0);
    assert.match(findingsOf(odata({ volume: '500/hour' }) + rules, RULE)[0]!.message, /threshold 500\/hour/);
  });

  it('a waiver with a reason silences it', () => {
    assert.equal(findingsOf(odata({ volume: '80k/hour', waivers: '[{ rule: odata-bulk, reason: Dataverse target; DMF does not apply }]' }), RULE).length, 0);
  });

  it('fix: moves it to DMF in batch, keeping comments', () => {
    const before = odata({ pattern: 'odata  # chosen in the first sprint', mode: 'sync  # caller waits', volume: '60k/hour' });
    const after = fixed(before);
    assert.match(after, /\n {4}pattern: dmf {2}# chosen in the first sprint\n/);
    assert.match(after, /\n {4}mode: batch {2}# caller waits\n/);
  });

  it('fix: gives a real-time bulk integration a schedule, so dmf-bulk does not fire next', () => {
    const before = odata({ pattern: 'web-api', mode: 'async', frequency: 'near-real-time', volume: '60k/hour' });
    const after = fixed(before);
    assert.match(after, /\n {4}frequency: daily\n/);
    assert.equal(findingsOf(after, 'dmf-bulk').length, 0);
  });

  it('fix: edits an integration written as a flow map, inserting `mode`', () => {
    const before = BASE.replace(
      / {2}- id: status[\s\S]*$/,
      '  - { id: prices, name: Prices, type: data, from: erp, to: sales, systemOfRecord: erp, pattern: odata, volume: 1.5m/day }  # full catalogue\n',
    );
    const after = fixed(before);
    assert.match(after, /pattern: dmf, volume: 1\.5m\/day, mode: batch \} {2}# full catalogue/);
  });
});
