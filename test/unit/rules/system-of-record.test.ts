import assert from 'node:assert/strict';
import { findRule } from '../../../server/src/rules';
import { applyFix, BASE, commentsOf, findingsOf, lintText, spanText, withIntegration } from '../../helpers/text';

const RULE = 'system-of-record';

function fixAndCheck(text: string, title?: string): string {
  const after = applyFix(text, RULE, title);
  const a = lintText(after);
  assert.deepEqual(a.problems.filter((p) => p.rule === RULE), [], `the fix did not clear the finding:\n${after}`);
  assert.deepEqual(a.problems.filter((p) => ['yaml-syntax', 'schema', 'system-of-record-participant'].includes(p.rule)), []);
  assert.deepEqual(commentsOf(after), commentsOf(text));
  return after;
}

describe(RULE, () => {
  it('stays silent when a data integration names its system of record', () => {
    assert.deepEqual(findingsOf(BASE, RULE), []);
  });

  it('fires on a data integration without one, on its `type`', () => {
    const a = lintText(withIntegration({ systemOfRecord: null }));
    const found = a.problems.filter((p) => p.rule === RULE);
    assert.equal(found.length, 1);
    assert.equal(found[0]!.severity, 'warning');
    assert.equal(spanText(a, found[0]!), 'data');
    assert.equal(
      found[0]!.message,
      'Data integration `status` names no system of record. Set `systemOfRecord` to the system that owns this data, so every other copy is known to be a copy.',
    );
  });

  it('stays silent on UI and process integrations', () => {
    assert.deepEqual(findingsOf(withIntegration({ systemOfRecord: null, type: 'ui' }), RULE), []);
    assert.deepEqual(findingsOf(withIntegration({ systemOfRecord: null, type: 'process' }), RULE), []);
  });

  it('a waiver with a reason silences it', () => {
    const text = withIntegration({ systemOfRecord: null, waivers: '[{ rule: system-of-record, reason: Ownership is decided in the MDM project }]' });
    assert.deepEqual(findingsOf(text, RULE), []);
  });

  it('offers `from` first (preferred) and `to` second', () => {
    const text = withIntegration({ systemOfRecord: null });
    const a = lintText(text);
    const p = a.problems.find((x) => x.rule === RULE)!;
    const fixes = findRule(RULE)!.fixes!(a.manifest, { span: p.span, data: p.data });
    assert.deepEqual(fixes.map((f) => [f.title, f.preferred === true]), [
      ['Set `systemOfRecord: erp`', true],
      ['Set `systemOfRecord: sales`', false],
    ]);
  });

  it('the fix adds `systemOfRecord: <from>` to the integration and keeps comments', () => {
    const text = withIntegration({ systemOfRecord: null, goals: '[visibility] # agreed with Sales' });
    const after = fixAndCheck(text);
    assert.match(after, /\n {4}systemOfRecord: erp\n/);
    assert.match(after, /goals: \[visibility\] # agreed with Sales\n/);
  });

  it('the second fix sets `to`', () => {
    assert.match(fixAndCheck(withIntegration({ systemOfRecord: null }), 'Set `systemOfRecord: sales`'), /\n {4}systemOfRecord: sales\n/);
  });

  it('fills an empty `systemOfRecord:` key', () => {
    const text = withIntegration({ systemOfRecord: ' # to decide' }).replace('systemOfRecord:  # to decide', 'systemOfRecord: # to decide');
    assert.equal(findingsOf(text, RULE).length, 1);
    assert.match(fixAndCheck(text), /\n {4}systemOfRecord: erp # to decide\n/);
  });

  it('offers no fix when the integration has no ends yet', () => {
    const text = withIntegration({ systemOfRecord: null, from: null, to: null });
    const a = lintText(text);
    const p = a.problems.find((x) => x.rule === RULE)!;
    assert.deepEqual(findRule(RULE)!.fixes!(a.manifest, { span: p.span, data: p.data }), []);
  });
});
