import assert from 'node:assert/strict';
import { findRule } from '../../../server/src/rules';
import { applyFix, BASE, commentsOf, findingsOf, lintText, spanText, withIntegration } from '../../helpers/text';

const RULE = 'prefer-async-messaging';

/** BASE made synchronous with the given rate and no Service Bus in its path. */
const sync = (set: Record<string, string | null> = {}) => withIntegration({ mode: 'sync', via: null, ...set });

function fixAndCheck(text: string): string {
  const after = applyFix(text, RULE);
  const a = lintText(after);
  assert.deepEqual(a.problems.filter((p) => p.rule === RULE), [], `the fix did not clear the finding:\n${after}`);
  assert.deepEqual(a.problems.filter((p) => p.rule === 'yaml-syntax' || p.rule === 'schema' || p.rule === 'unknown-reference'), []);
  assert.deepEqual(commentsOf(after), commentsOf(text));
  return after;
}

describe(RULE, () => {
  it('stays silent on an asynchronous integration at any rate', () => {
    assert.deepEqual(findingsOf(withIntegration({ volume: '1m/hour' }), RULE), []);
  });

  it('fires at 1,000/hour, on `mode`', () => {
    const a = lintText(sync({ volume: '1000/hour' }));
    const found = a.problems.filter((p) => p.rule === RULE);
    assert.equal(found.length, 1);
    assert.equal(found[0]!.severity, 'warning');
    assert.equal(spanText(a, found[0]!), 'sync');
    assert.match(found[0]!.message, /^Integration `status` calls synchronously at 1000\/hour \(threshold 1000\/hour\)\. Make it asynchronous through a message queue such as Service Bus/);
  });

  it('stays silent at 999/hour', () => {
    assert.deepEqual(findingsOf(sync({ volume: '999/hour' }), RULE), []);
  });

  it('compares per hour: 24k/day is exactly 1,000/hour', () => {
    assert.equal(findingsOf(sync({ volume: '24k/day' }), RULE).length, 1);
    assert.deepEqual(findingsOf(sync({ volume: '23.9k/day' }), RULE), []);
  });

  it('uses `peak` over `volume` when both are given', () => {
    assert.equal(findingsOf(sync({ volume: '100/day', peak: '2k/hour' }), RULE).length, 1);
    assert.deepEqual(findingsOf(sync({ volume: '100k/day', peak: '500/hour' }), RULE), []);
  });

  it('stays silent on a synchronous data integration without a rate', () => {
    assert.deepEqual(findingsOf(sync({ volume: null }), RULE), []);
  });

  it('fires on any synchronous process integration, whatever its rate', () => {
    const [p] = findingsOf(sync({ type: 'process', volume: '10/day', systemOfRecord: null }), RULE);
    assert.match(p!.message, /^Process integration `status` is synchronous\. Let the systems exchange messages asynchronously/);
  });

  it('takes its threshold from the manifest `rules:` block', () => {
    const text = sync({ volume: '600/hour' }) + 'rules:\n  prefer-async-messaging: { severity: error, threshold: 500/hour }\n';
    const [p] = findingsOf(text, RULE);
    assert.equal(p!.severity, 'error');
    assert.match(p!.message, /at 600\/hour \(threshold 500\/hour\)/);
    assert.deepEqual(findingsOf(sync({ volume: '499/hour' }) + 'rules:\n  prefer-async-messaging: { threshold: 500/hour }\n', RULE), []);
  });

  it('takes its threshold from the editor setting, below the manifest', () => {
    const text = sync({ volume: '2k/hour' });
    assert.deepEqual(findingsOf(text, RULE, { settings: { [RULE]: { threshold: '5k/hour' } } }), []);
    const both = text + 'rules:\n  prefer-async-messaging: { threshold: 1k/hour }\n';
    assert.equal(findingsOf(both, RULE, { settings: { [RULE]: { threshold: '5k/hour' } } }).length, 1);
  });

  it('can be turned off', () => {
    assert.deepEqual(findingsOf(sync({ volume: '5k/hour' }) + 'rules:\n  prefer-async-messaging: off\n', RULE), []);
  });

  it('a waiver with a reason silences it; one without a reason or past its date does not', () => {
    const waive = (w: string) => findingsOf(sync({ volume: '5k/hour', waivers: `[${w}]` }), RULE).length;
    assert.equal(waive('{ rule: prefer-async-messaging, reason: The ERP only offers a synchronous API }'), 0);
    assert.equal(waive('{ rule: prefer-async-messaging, reason: Until the new API, expires: 2027-01-31 }'), 0);
    assert.equal(waive('{ rule: prefer-async-messaging }'), 1);
    assert.equal(waive('{ rule: prefer-async-messaging, reason: Old, expires: 2026-11-21 }'), 1);
  });

  describe('fix', () => {
    it('sets `mode: async` and reuses the declared Service Bus', () => {
      const text = sync({ volume: '5k/hour # measured in March' }).replace('    mode: sync', '    mode: sync # the ERP API is synchronous');
      const a = lintText(text);
      const p = a.problems.find((x) => x.rule === RULE)!;
      const [fix] = findRule(RULE)!.fixes!(a.manifest, { span: p.span, data: p.data });
      assert.equal(fix!.title, 'Make it asynchronous through Service Bus (`bus`)');
      const after = fixAndCheck(text);
      assert.match(after, /\n {4}mode: async # the ERP API is synchronous\n/);
      assert.match(after, /\n {4}via:\n {6}- bus\n/);
      assert.equal((after.match(/kind: service-bus/g) ?? []).length, 1, 'no second bus is declared');
    });

    it('appends the bus to an existing `via` list', () => {
      const text = sync({ volume: '5k/hour', via: '[gw]' }).replace('systems:\n', 'systems:\n  - id: gw\n    name: Gateway\n    kind: api-management\n    hosting: cloud\n');
      assert.match(fixAndCheck(text), /\n {4}via: \[gw, bus\]\n/);
    });

    it('only switches the mode when a Service Bus is already in the path', () => {
      const text = withIntegration({ mode: 'sync', volume: '5k/hour' });
      const after = fixAndCheck(text);
      assert.equal(after, text.replace('mode: sync', 'mode: async'));
    });

    it('declares a Service Bus when the manifest has none', () => {
      const text = sync({ volume: '5k/hour' }).replace('  - id: bus\n    name: Service Bus\n    kind: service-bus\n    hosting: cloud\n', '');
      const a = lintText(text);
      const p = a.problems.find((x) => x.rule === RULE)!;
      assert.equal(findRule(RULE)!.fixes!(a.manifest, { span: p.span, data: p.data })[0]!.title, 'Make it asynchronous through Service Bus (declares a Service Bus system)');
      const after = fixAndCheck(text);
      assert.match(after, /\n {2}- id: service-bus\n {4}name: Service Bus\n {4}kind: service-bus\n {4}hosting: cloud\nintegrations:\n/);
      assert.match(after, /\n {4}via:\n {6}- service-bus\n/);
    });

    it('fixes the integration the finding is on, not the first one', () => {
      const second = ['  - id: second', '    name: Second', '    type: data', '    from: sales', '    to: erp', '    mode: sync', '    volume: 5k/hour', '    systemOfRecord: sales', ''].join('\n');
      const text = BASE + second;
      const after = fixAndCheck(text);
      assert.match(after, / {2}- id: status\n(?:.*\n)*? {4}mode: async\n/);
      assert.match(after, / {2}- id: second\n(?:.*\n)*? {4}mode: async\n(?:.*\n)* {4}via:\n {6}- bus\n/);
    });
  });
});
