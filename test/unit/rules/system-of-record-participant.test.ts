import assert from 'node:assert/strict';
import { applyFixAndCheck, BASE, findingsOf, joinLines, lintText, spanText, withIntegration } from '../../helpers/text';

const RULE = 'system-of-record-participant';

/** Applies the fix and checks it: the finding is gone, the result is valid, every comment is kept. */
const fixAndCheck = (text: string): string => applyFixAndCheck(text, RULE);

describe(RULE, () => {
  it('fires on `systemOfRecord` when it names a system that is neither end', () => {
    const text = withIntegration({ systemOfRecord: 'bus' });
    const a = lintText(text);
    const found = a.problems.filter((p) => p.rule === RULE);
    assert.equal(found.length, 1);
    assert.equal(found[0]!.severity, 'error');
    assert.equal(found[0]!.span.start, text.indexOf('systemOfRecord: bus') + 'systemOfRecord: '.length);
    assert.equal(spanText(a, found[0]!), 'bus');
    assert.match(found[0]!.message, /`bus`, which takes no part in it/);
    assert.match(found[0]!.message, /Name the end that owns this data \(`erp` or `sales`\)/);
  });

  it('stays silent when the system of record is `from` or `to`, or not given', () => {
    assert.deepEqual(findingsOf(BASE, RULE), []);
    assert.deepEqual(findingsOf(withIntegration({ systemOfRecord: 'sales' }), RULE), []);
    assert.deepEqual(findingsOf(withIntegration({ systemOfRecord: null }), RULE), []);
  });

  it('a waiver with a reason silences it', () => {
    const text = withIntegration({ systemOfRecord: 'bus', waivers: '[{ rule: system-of-record-participant, reason: Bus keeps the golden copy }]' });
    assert.deepEqual(findingsOf(text, RULE), []);
  });

  it('the fix sets it to `from` in a block map and keeps the comments around it', () => {
    const text = withIntegration({ systemOfRecord: 'bus # the bus owns it?' }).replace('    systemOfRecord:', '    # who owns the data\n    systemOfRecord:');
    const after = fixAndCheck(text);
    assert.match(after, /\n {4}# who owns the data\n {4}systemOfRecord: erp # the bus owns it\?\n/);
  });

  it('the fix works in a flow-map integration', () => {
    const text = joinLines(
      ...BASE.split('\n').slice(0, BASE.split('\n').indexOf('integrations:') + 1),
      '  # one flow map',
      '  - { id: status, name: Order status, type: data, from: erp, to: sales, systemOfRecord: bus } # inline',
    );
    assert.equal(findingsOf(text, RULE).length, 1);
    assert.match(fixAndCheck(text), /systemOfRecord: erp \} # inline/);
  });
});
