import assert from 'node:assert/strict';
import { findRule } from '../../../server/src/rules';
import { BASE, findingsOf, lintText, spanText, withIntegration } from '../../helpers/text';

const RULE = 'self-integration';

describe(RULE, () => {
  it('fires on `to` when an integration goes from a system to itself', () => {
    const text = withIntegration({ to: 'erp', systemOfRecord: 'erp' });
    const a = lintText(text);
    const found = a.problems.filter((p) => p.rule === RULE);
    assert.equal(found.length, 1);
    assert.equal(found[0]!.severity, 'error');
    assert.equal(spanText(a, found[0]!), 'erp');
    assert.equal(found[0]!.span.start, text.indexOf('to: erp') + 'to: '.length);
    assert.match(found[0]!.message, /`status` goes from `erp` to itself/);
    assert.match(found[0]!.message, /set `to` to the system that receives/);
  });

  it('stays silent when the ends differ', () => {
    assert.deepEqual(findingsOf(BASE, RULE), []);
  });

  it('stays silent while `to` is not written yet', () => {
    assert.deepEqual(findingsOf(withIntegration({ to: null }), RULE), []);
  });

  it('a waiver with a reason silences it', () => {
    const text = withIntegration({ to: 'erp', systemOfRecord: 'erp', waivers: '[{ rule: self-integration, reason: Internal reprocessing loop }]' });
    assert.deepEqual(findingsOf(text, RULE), []);
  });

  it('offers no quick fix: only the author knows the other end', () => {
    const text = withIntegration({ to: 'erp', systemOfRecord: 'erp' });
    const a = lintText(text);
    const p = a.problems.find((x) => x.rule === RULE)!;
    assert.deepEqual(findRule(RULE)!.fixes?.(a.manifest, p) ?? [], []);
  });
});
