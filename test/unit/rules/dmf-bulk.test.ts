import assert from 'node:assert/strict';
import { applyFixAndCheck, BASE, findingsOf, onlyFinding, spanText, withIntegration } from '../../helpers/text';

const RULE = 'dmf-bulk';

const only = (text: string) => onlyFinding(text, RULE);

const fixed = (before: string, title?: RegExp): string => applyFixAndCheck(before, RULE, title);

const dmf = (set: Record<string, string | null>) => withIntegration({ pattern: 'dmf', mode: 'batch', frequency: 'daily', ...set });

describe(RULE, () => {
  it('is silent on a scheduled DMF batch, and on other patterns', () => {
    assert.equal(findingsOf(dmf({}), RULE).length, 0);
    assert.equal(findingsOf(dmf({ frequency: 'every 4h' }), RULE).length, 0);
    assert.equal(findingsOf(withIntegration({ pattern: 'odata', mode: 'sync', frequency: 'real-time' }), RULE).length, 0);
    assert.equal(findingsOf(BASE, RULE).length, 0);
  });

  it('fires on a synchronous DMF integration, on `mode`', () => {
    const { analysis, finding } = only(dmf({ mode: 'sync' }));
    assert.equal(spanText(analysis, finding), 'sync');
    assert.equal(finding.severity, 'warning');
    assert.match(finding.message, /`status` uses the Data Management Framework synchronously/);
    assert.match(finding.message, /set `mode: batch` and a schedule/);
  });

  it('fires on a real-time or near-real-time DMF integration, on `frequency`', () => {
    for (const frequency of ['real-time', 'near-real-time']) {
      const { analysis, finding } = only(dmf({ mode: 'async', frequency }));
      assert.equal(spanText(analysis, finding), frequency);
      assert.match(finding.message, new RegExp(`Framework \`${frequency}\``));
    }
  });

  it('reports a synchronous, real-time DMF integration once, on `mode`', () => {
    const { analysis, finding } = only(dmf({ mode: 'sync', frequency: 'real-time' }));
    assert.equal(spanText(analysis, finding), 'sync');
  });

  it('a waiver with a reason silences it', () => {
    assert.equal(findingsOf(dmf({ mode: 'sync', waivers: '[{ rule: dmf-bulk, reason: Recurring integration API, one small file }]' }), RULE).length, 0);
  });

  it('fix: a synchronous DMF integration becomes a batch and keeps its schedule', () => {
    const before = dmf({ mode: 'sync  # was a web service call', frequency: 'hourly  # agreed with finance' });
    const after = fixed(before, /^Run it as a batch: `mode: batch`$/);
    assert.match(after, /\n {4}mode: batch {2}# was a web service call\n/);
    assert.match(after, /\n {4}frequency: hourly {2}# agreed with finance\n/);
  });

  it('fix: a real-time DMF integration becomes a daily batch', () => {
    const before = dmf({ mode: 'async  # queued', frequency: 'near-real-time  # to confirm' });
    const after = fixed(before, /^Run it as a batch: `mode: batch`, `frequency: daily`$/);
    assert.match(after, /\n {4}mode: batch {2}# queued\n/);
    assert.match(after, /\n {4}frequency: daily {2}# to confirm\n/);
  });

  it('fix: inserts `mode` when it is missing', () => {
    const before = dmf({ mode: null, frequency: 'real-time' }).replace('    monitoring:', '    # watched\n    monitoring:');
    const after = fixed(before);
    assert.match(after, /\n {4}frequency: daily\n/);
    assert.match(after, /\n {4}mode: batch\n/);
  });

  it('fix: edits an integration written as a flow map', () => {
    const before = BASE.replace(
      / {2}- id: status[\s\S]*$/,
      '  - { id: journals, name: Journals, type: data, from: erp, to: sales, systemOfRecord: erp, pattern: dmf, frequency: real-time }  # month end\n',
    );
    const after = fixed(before);
    assert.match(after, /pattern: dmf, frequency: daily, mode: batch \} {2}# month end/);
  });
});
