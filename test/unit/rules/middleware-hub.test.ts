import assert from 'node:assert/strict';
import { findRule } from '../../../server/src/rules';
import { BASE, findingsOf, joinLines, lintText, spanText } from '../../helpers/text';

const RULE = 'middleware-hub';

/** BASE (whose integration goes through the bus) plus `n` point-to-point integrations from `from` to `to`. */
function withDirect(n: number, from = 'erp', to = 'sales', extra = ''): string {
  const lines = Array.from({ length: n }, (_, i) => `  - { id: direct-${i + 1}, name: Direct ${i + 1}, type: data, from: ${from}, to: ${to}, systemOfRecord: ${from}, volume: 10/day${extra} }`);
  return BASE + joinLines(...lines);
}

describe(RULE, () => {
  it('is silent on three point-to-point integrations and on the clean base', () => {
    assert.equal(findingsOf(withDirect(3), RULE).length, 0);
    assert.equal(findingsOf(BASE, RULE).length, 0);
  });

  it('fires on each end of four point-to-point integrations, on the system id', () => {
    const analysis = lintText(withDirect(4));
    const found = analysis.problems.filter((p) => p.rule === RULE);
    assert.deepEqual(found.map((p) => spanText(analysis, p)), ['sales', 'erp']);
    assert.equal(found[0]!.severity, 'info');
    assert.match(found[1]!.message, /System `erp` is an end of 4 point-to-point integrations \(`direct-1`, `direct-2`, `direct-3`, `direct-4`\)/);
    assert.match(found[1]!.message, /Route them through middleware such as Service Bus or Logic Apps \(`via`\)/);
  });

  it('does not count integrations that go through middleware', () => {
    assert.equal(findingsOf(withDirect(4, 'erp', 'sales', ', via: [bus]'), RULE).length, 0);
    assert.equal(findingsOf(withDirect(4, 'erp', 'sales', ', via: []'), RULE).length, 2);
  });

  it('counts an integration once even when the system is both ends', () => {
    assert.equal(findingsOf(withDirect(3, 'erp', 'erp'), RULE).length, 0);
    assert.equal(findingsOf(withDirect(4, 'erp', 'erp'), RULE).length, 1);
  });

  it('does not report a middleware system used as an end', () => {
    const analysis = lintText(withDirect(4, 'erp', 'bus'));
    assert.deepEqual(analysis.problems.filter((p) => p.rule === RULE).map((p) => spanText(analysis, p)), ['erp']);
  });

  it('names five integrations and counts the rest', () => {
    assert.match(findingsOf(withDirect(7), RULE)[0]!.message, /7 point-to-point integrations \(`direct-1`, `direct-2`, `direct-3`, `direct-4`, `direct-5` and 2 more\)/);
  });

  it('a waiver on the system silences it for that system only', () => {
    const text = withDirect(4).replace('    kind: erp\n', '    kind: erp\n    waivers: [{ rule: middleware-hub, reason: Replaced by the bus in phase 2 }]\n');
    const analysis = lintText(text);
    assert.deepEqual(analysis.problems.filter((p) => p.rule === RULE).map((p) => spanText(analysis, p)), ['sales']);
  });

  it('has no quick fix: re-routing integrations is a design decision', () => {
    assert.equal(findRule(RULE)!.fixes, undefined);
  });
});
