import assert from 'node:assert/strict';
import { applyFix, BASE, commentsOf, findingsOf, joinLines, lintText, spanText, withIntegration } from '../../helpers/text';
import { findRule } from '../../../server/src/rules';

const RULE = 'schema';

/** Applies the schema fix and checks the result: the finding is gone, the YAML parses, comments are kept. */
function fixAndCheck(text: string): string {
  const before = findingsOf(text, RULE).length;
  const after = applyFix(text, RULE);
  assert.equal(findingsOf(after, RULE).length, before - 1, `the fix did not clear the finding:\n${after}`);
  assert.deepEqual(findingsOf(after, 'yaml-syntax'), []);
  assert.deepEqual(commentsOf(after), commentsOf(text));
  return after;
}

function fixTitles(text: string): string[] {
  const a = lintText(text);
  const p = a.problems.find((x) => x.rule === RULE)!;
  return (findRule(RULE)!.fixes?.(a.manifest, { span: p.span, data: p.data }) ?? []).map((f) => f.title);
}

describe(RULE, () => {
  it('stays silent on a valid manifest', () => {
    assert.deepEqual(findingsOf(BASE, RULE), []);
  });

  describe('values outside their vocabulary', () => {
    it('is placed on the value, lists the allowed values and suggests the closest', () => {
      const text = withIntegration({ mode: 'asink # to confirm' });
      const a = lintText(text);
      const [p] = a.problems.filter((x) => x.rule === RULE);
      assert.equal(p!.severity, 'error');
      assert.equal(spanText(a, p!), 'asink');
      assert.equal(p!.message, '`mode` must be one of sync, async, batch; did you mean `async`?');
    });

    it('the fix writes the closest value and keeps the comment', () => {
      const text = withIntegration({ mode: 'asink # to confirm' });
      assert.match(fixAndCheck(text), /\n {4}mode: async # to confirm\n/);
    });

    it('fixes a value in a flow map', () => {
      const text = withIntegration({ errorHandling: '{ retry: { attempts: 5, backoff: exponental }, deadLetter: true, notify: ops }' });
      assert.match(fixAndCheck(text), /backoff: exponential \}/);
    });

    it('offers no fix when no allowed value is close', () => {
      const text = BASE.replace('hosting: cloud', 'hosting: mainframe');
      assert.match(findingsOf(text, RULE)[0]!.message, /`hosting` must be one of cloud, on-premises\.$/);
      assert.deepEqual(fixTitles(text), []);
    });

    it('names a long vocabulary by size instead of listing it', () => {
      const [p] = findingsOf(BASE.replace('kind: erp', 'kind: mainframe'), RULE);
      assert.match(p!.message, /`kind` must be one of the \d+ known values \(completion lists them\)\./);
    });
  });

  describe('missing required keys', () => {
    it('reports the missing key on the item and inserts it with a value to fill in', () => {
      const text = BASE.replace('    name: ERP\n', '');
      const a = lintText(text);
      const [p] = a.problems.filter((x) => x.rule === RULE);
      assert.match(p!.message, /^A system needs `name`/);
      assert.equal(spanText(a, p!), 'id');
      assert.deepEqual(fixTitles(text), ['Add the missing key `name`']);
      const after = fixAndCheck(text);
      assert.match(after, / {2}- id: erp\n {4}kind: erp\n {4}hosting: cloud\n {4}name: TODO-name\n/);
    });

    it('inserts a system kind as `custom` and an integration type as `data`', () => {
      assert.match(fixAndCheck(BASE.replace('    kind: erp\n', '')), /\n {4}kind: custom\n/);
      assert.match(fixAndCheck(withIntegration({ type: null })), /\n {4}type: data\n/);
    });

    it('inserts a missing `solution` with its name', () => {
      const text = BASE.replace('solution:\n  name: Test solution\n', '');
      const after = fixAndCheck(text);
      assert.match(after, /\nsolution:\n {2}name: TODO-name\n/);
    });

    it('puts a missing `integrationManifest: 1` on the first line, after leading comments', () => {
      const text = '# Contoso\n' + BASE.replace('integrationManifest: 1\n', '');
      const after = fixAndCheck(text);
      assert.ok(after.startsWith('# Contoso\nintegrationManifest: 1\nsolution:\n'), after);
    });

    it('turns an empty file into the start of a manifest', () => {
      for (const text of ['', '# to be written\n']) {
        const [p] = findingsOf(text, RULE);
        assert.match(p!.message, /starts with `integrationManifest: 1` and a `solution` with a `name`/);
        const after = fixAndCheck(text);
        assert.ok(after.endsWith('integrationManifest: 1\nsolution:\n  name: TODO-name\n'));
      }
    });

    it('inserts with CRLF in a CRLF document', () => {
      const text = BASE.replace('    name: ERP\n', '').replace(/\n/g, '\r\n');
      const after = applyFix(text, RULE);
      assert.ok(!/[^\r]\n/.test(after), 'a bare LF slipped in');
      assert.deepEqual(findingsOf(after, RULE), []);
    });
  });

  describe('unknown keys', () => {
    it('is placed on the key and suggests the closest known key', () => {
      const text = withIntegration({ directon: 'two-way' });
      const a = lintText(text);
      const [p] = a.problems.filter((x) => x.rule === RULE);
      assert.equal(spanText(a, p!), 'directon');
      assert.equal(p!.message, 'Unknown key `directon` in an integration; did you mean `direction`?');
    });

    it('the fix renames the key and keeps its value', () => {
      assert.match(fixAndCheck(withIntegration({ directon: 'two-way' })), /\n {4}direction: two-way\n/);
    });

    it('does not rename onto a key the map already has (that would duplicate it)', () => {
      const text = withIntegration({ patern: 'messaging' });
      assert.equal(findingsOf(text, RULE).length, 1);
      assert.deepEqual(fixTitles(text), []);
    });

    it('lists the allowed keys when none is close', () => {
      const [p] = findingsOf(withIntegration({ colour: 'blue' }), RULE);
      assert.match(p!.message, /^Unknown key `colour` in an integration\. Allowed keys: id, name, /);
    });
  });

  describe('other shapes', () => {
    it('explains the form of a rate', () => {
      const a = lintText(withIntegration({ volume: '5 per day' }));
      const [p] = a.problems.filter((x) => x.rule === RULE);
      assert.equal(spanText(a, p!), '5 per day');
      assert.match(p!.message, /`volume` is not in the expected form\./);
    });

    it('says a list is expected where a map was written', () => {
      const [p] = findingsOf(withIntegration({ via: '{ bus: true }' }), RULE);
      assert.equal(p!.message, '`via` must be a list.');
    });

    it('says only format version 1 exists', () => {
      const [p] = findingsOf(BASE.replace('integrationManifest: 1', 'integrationManifest: 2'), RULE);
      assert.match(p!.message, /`integrationManifest` must be 1/);
    });

    it('accepts every rate unit of the format', () => {
      for (const unit of ['second', 'minute', 'hour', 'day', 'week', 'month'])
        assert.deepEqual(findingsOf(withIntegration({ volume: `1.5k/${unit}` }), RULE), [], unit);
    });

    it('reports each problem once, in document order', () => {
      const text = joinLines(BASE.trimEnd().replace('hosting: cloud', 'hosting: clod'), '    colour: blue');
      const found = findingsOf(text, RULE);
      assert.equal(found.length, 2);
      assert.ok(found[0]!.span.start < found[1]!.span.start);
    });
  });

  it('can be lowered to a warning in the editor setting', () => {
    assert.equal(findingsOf(withIntegration({ mode: 'asink' }), RULE, { settings: { schema: 'warning' } })[0]!.severity, 'warning');
  });
});
