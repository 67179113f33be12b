import assert from 'node:assert/strict';
import { applyFixAndCheck, BASE, findingsOf, onlyFinding, spanText, withIntegration } from '../../helpers/text';

const RULE = 'dead-letter';

const only = (text: string) => onlyFinding(text, RULE);

const fixed = (before: string): string => applyFixAndCheck(before, RULE);

describe(RULE, () => {
  it('is silent on an asynchronous integration that dead-letters', () => {
    assert.equal(findingsOf(BASE, RULE).length, 0);
  });

  it('fires on an asynchronous integration without error handling, on `mode`', () => {
    const text = withIntegration({ via: null, errorHandling: null });
    const { analysis, finding } = only(text);
    assert.equal(spanText(analysis, finding), 'async');
    assert.equal(finding.severity, 'warning');
    assert.match(finding.message, /`status` is asynchronous/);
    assert.match(finding.message, /Set `errorHandling\.deadLetter: true`/);
  });

  it('fires on a batch integration through Service Bus, on the bus in `via`', () => {
    const { analysis, finding } = only(withIntegration({ mode: 'batch', errorHandling: null }));
    assert.equal(spanText(analysis, finding), 'bus');
    assert.match(finding.message, /goes through Service Bus `bus`/);
  });

  it('fires on `deadLetter: false`, on the value', () => {
    const text = withIntegration({ errorHandling: '{ retry: { attempts: 3, backoff: fixed }, deadLetter: false }' });
    const { analysis, finding } = only(text);
    assert.equal(spanText(analysis, finding), 'false');
  });

  it('fires on error handling that leaves dead-lettering out, on `errorHandling`', () => {
    const { analysis, finding } = only(withIntegration({ errorHandling: '{ notify: support@contoso.com }' }));
    assert.equal(spanText(analysis, finding), 'errorHandling');
  });

  it('is silent on synchronous and batch integrations that use no Service Bus', () => {
    assert.equal(findingsOf(withIntegration({ mode: 'sync', via: null, errorHandling: null }), RULE).length, 0);
    assert.equal(findingsOf(withIntegration({ mode: 'batch', via: null, errorHandling: null }), RULE).length, 0);
  });

  it('a waiver with a reason silences it', () => {
    const text = withIntegration({ errorHandling: null, waivers: '[{ rule: dead-letter, reason: Messages are idempotent snapshots }]' });
    assert.equal(findingsOf(text, RULE).length, 0);
  });

  it('fix: creates `errorHandling` when it is missing, keeping comments', () => {
    const before = withIntegration({ mode: 'async  # queued through the bus', errorHandling: null }).replace('    monitoring:', '    # watched by the support team\n    monitoring:');
    const after = fixed(before);
    assert.match(after, /\n {4}errorHandling:\n {6}deadLetter: true\n/);
  });

  it('fix: adds the key to a flow `errorHandling` map', () => {
    const before = withIntegration({ errorHandling: '{ retry: { attempts: 3, backoff: fixed }, notify: ops@contoso.com }  # agreed with ops' });
    const after = fixed(before);
    assert.match(after, /errorHandling: \{ retry: \{ attempts: 3, backoff: fixed \}, notify: ops@contoso\.com, deadLetter: true \} {2}# agreed with ops/);
  });

  it('fix: adds the key to a block `errorHandling` map', () => {
    const before = withIntegration({ errorHandling: null }).replace(
      '    monitoring:',
      '    errorHandling:  # abnormal path\n      # retry transient faults\n      retry: { attempts: 5, backoff: exponential }\n      notify: ops@contoso.com  # on-call\n    monitoring:',
    );
    const after = fixed(before);
    assert.match(after, /notify: ops@contoso\.com {2}# on-call\n {6}deadLetter: true\n {4}monitoring:/);
  });

  it('fix: turns `deadLetter: false` into true', () => {
    const before = withIntegration({ errorHandling: '{ deadLetter: false }  # to decide' });
    assert.match(fixed(before), /errorHandling: \{ deadLetter: true \} {2}# to decide/);
  });
});
