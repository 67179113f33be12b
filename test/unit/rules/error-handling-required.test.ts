import assert from 'node:assert/strict';
import { applyFixAndCheck, BASE, findingsOf, lintText, spanText, withIntegration } from '../../helpers/text';

const RULE = 'error-handling-required';

const fixAndCheck = (text: string): string => applyFixAndCheck(text, RULE);

describe(RULE, () => {
  it('fires on the id when an integration has no `errorHandling`', () => {
    const a = lintText(withIntegration({ errorHandling: null }));
    const found = a.problems.filter((p) => p.rule === RULE);
    assert.equal(found.length, 1);
    assert.equal(found[0]!.severity, 'warning');
    assert.equal(spanText(a, found[0]!), 'status');
    assert.match(found[0]!.message, /does not say what happens when it fails/);
    assert.match(found[0]!.message, /Add `errorHandling`: retries with exponential backoff/);
  });

  it('fires on the key when `errorHandling` is written with nothing under it', () => {
    const text = withIntegration({ errorHandling: null }).replace('    monitoring:', '    errorHandling:\n    monitoring:');
    const a = lintText(text);
    assert.equal(spanText(a, a.problems.find((p) => p.rule === RULE)!), 'errorHandling');
  });

  it('stays silent when error handling is designed', () => {
    assert.deepEqual(findingsOf(BASE, RULE), []);
    assert.deepEqual(findingsOf(withIntegration({ errorHandling: '{ notify: ops@contoso.com }' }), RULE), []);
  });

  it('a waiver with a reason silences it', () => {
    const text = withIntegration({ errorHandling: null, waivers: '[{ rule: error-handling-required, reason: One-off migration, rerun by hand }]' });
    assert.deepEqual(findingsOf(text, RULE), []);
  });

  it('the fix inserts retry, dead-letter and notify (the owner) and keeps the comments', () => {
    const text = withIntegration({ errorHandling: null, owner: 'Integration team' }).replace('    owner:', '    # who runs it\n    owner:');
    const after = fixAndCheck(`${text.trimEnd()} # ops\n# end\n`);
    assert.match(
      after,
      /owner: Integration team # ops\n {4}errorHandling:\n {6}retry:\n {8}attempts: 5\n {8}backoff: exponential\n {6}deadLetter: true\n {6}notify: Integration team\n# end\n/,
    );
  });

  it('the fix notifies the support team when the integration has no owner', () => {
    assert.match(fixAndCheck(withIntegration({ errorHandling: null })), /notify: Integration support team\n/);
  });

  it('the fix fills an empty `errorHandling:` key', () => {
    const text = withIntegration({ errorHandling: null }).replace('    monitoring:', '    errorHandling: # to do\n    monitoring:');
    const after = fixAndCheck(text);
    assert.match(after, /errorHandling: # to do\n {6}retry:\n/);
  });

  it('the fix works in a flow-map integration', () => {
    const lines = BASE.split('\n');
    const text =
      lines.slice(0, lines.indexOf('integrations:') + 1).join('\n') +
      '\n  # flow style\n  - { id: status, name: Order status, type: data, from: erp, to: sales, systemOfRecord: erp, owner: ERP team } # compact\n';
    const after = fixAndCheck(text);
    assert.match(after, /owner: ERP team, errorHandling: \{ retry: \{ attempts: 5, backoff: exponential \}, deadLetter: true, notify: ERP team \} \} # compact\n/);
  });
});
