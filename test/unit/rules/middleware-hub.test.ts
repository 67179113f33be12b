import assert from 'node:assert/strict';
import { findRule } from '../../../server/src/rules';
import { ruleTester } from '../../helpers/ruleTester';
import { BASE, joinLines } from '../../helpers/text';

const RULE = 'middleware-hub';

/** BASE (whose integration goes through the bus) plus `n` point-to-point integrations from `from` to `to`. */
function withDirect(n: number, from = 'erp', to = 'sales', extra = ''): string {
  const lines = Array.from({ length: n }, (_, i) => `  - { id: direct-${i + 1}, name: Direct ${i + 1}, type: data, from: ${from}, to: ${to}, systemOfRecord: ${from}, volume: 10/day${extra} }`);
  return BASE + joinLines(...lines);
}

ruleTester(RULE, {
  valid: [
    { name: 'three point-to-point integrations', code: withDirect(3) },
    { name: 'the clean base', code: BASE },
    { name: 'integrations that go through middleware are not counted', code: withDirect(4, 'erp', 'sales', ', via: [bus]') },
    { name: 'an integration from a system to itself counts once', code: withDirect(3, 'erp', 'erp') },
  ],
  invalid: [
    {
      name: 'fires on each end of four point-to-point integrations, on the system id',
      code: withDirect(4),
      errors: [
        { at: 'sales', severity: 'info' },
        {
          at: 'erp',
          message: [
            /System `erp` is an end of 4 point-to-point integrations \(`direct-1`, `direct-2`, `direct-3`, `direct-4`\)/,
            /Route them through middleware such as Service Bus or Logic Apps \(`via`\)/,
          ],
        },
      ],
    },
    { name: 'an empty `via` is no middleware', code: withDirect(4, 'erp', 'sales', ', via: []'), errors: [{}, {}] },
    { name: 'counts an integration once even when the system is both ends', code: withDirect(4, 'erp', 'erp'), errors: [{}] },
    { name: 'does not report a middleware system used as an end', code: withDirect(4, 'erp', 'bus'), errors: [{ at: 'erp' }] },
    {
      name: 'names five integrations and counts the rest',
      code: withDirect(7),
      errors: [{ message: /7 point-to-point integrations \(`direct-1`, `direct-2`, `direct-3`, `direct-4`, `direct-5` and 2 more\)/ }, {}],
    },
    {
      name: 'a waiver on the system silences it for that system only',
      code: withDirect(4).replace('    kind: erp\n', '    kind: erp\n    waivers: [{ rule: middleware-hub, reason: Replaced by the bus in phase 2 }]\n'),
      errors: [{ at: 'sales' }],
    },
  ],
});

describe(RULE, () => {
  it('has no quick fix: re-routing integrations is a design decision', () => {
    assert.equal(typeof findRule(RULE)!.fixes, 'undefined');
  });
});
