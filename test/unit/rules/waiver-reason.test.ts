import assert from 'node:assert/strict';
import { findRule } from '../../../server/src/rules';
import { BASE, findingsOf, lintText, spanText, withIntegration } from '../../helpers/text';

const RULE = 'waiver-reason';

const waivers = (list: string) => withIntegration({ systemOfRecord: null, waivers: list });

describe(RULE, () => {
  it('is silent on waivers with a reason, and without waivers', () => {
    assert.equal(findingsOf(waivers('[{ rule: system-of-record, reason: Reference data only }]'), RULE).length, 0);
    assert.equal(findingsOf(BASE, RULE).length, 0);
  });

  it('fires on a waiver without a reason, on its rule id, as an error', () => {
    const analysis = lintText(waivers('[{ rule: system-of-record, expires: 2027-01-31 }]'));
    const found = analysis.problems.filter((p) => p.rule === RULE);
    assert.equal(found.length, 1);
    assert.equal(spanText(analysis, found[0]!), 'system-of-record');
    assert.equal(found[0]!.severity, 'error');
    assert.match(found[0]!.message, /This waiver of `system-of-record` on `status` gives no reason, so it silences nothing\. Add a `reason` that says why the deviation is accepted/);
    // and indeed the waived rule still reports
    assert.equal(findingsOf(waivers('[{ rule: system-of-record }]'), 'system-of-record').length, 1);
  });

  it('counts an empty or blank reason as none', () => {
    assert.equal(findingsOf(waivers('[{ rule: system-of-record, reason: "" }]'), RULE).length, 1);
    assert.equal(findingsOf(waivers('[{ rule: system-of-record, reason: "   " }]'), RULE).length, 1);
    assert.equal(findingsOf(waivers('[{ rule: system-of-record, reason: }]'), RULE).length, 1);
  });

  it('fires on waivers of systems, in block lists, once per waiver', () => {
    const text = BASE.replace(
      '    kind: erp\n',
      '    kind: erp\n    waivers:\n      - rule: unused-system  # placeholder\n      - rule: middleware-hub\n        reason: Phase 2\n      - rule: waiver-expired\n',
    );
    const analysis = lintText(text);
    assert.deepEqual(analysis.problems.filter((p) => p.rule === RULE).map((p) => spanText(analysis, p)), ['unused-system', 'waiver-expired']);
  });

  it('cannot be silenced by a waiver, not even one of waiver-reason itself', () => {
    const text = waivers('[{ rule: system-of-record }, { rule: waiver-reason, reason: We accept unexplained waivers }]');
    assert.equal(findingsOf(text, RULE).length, 1);
  });

  it('has no quick fix: only the author knows the reason', () => {
    assert.equal(findRule(RULE)!.fixes, undefined);
  });
});
