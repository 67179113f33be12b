import assert from 'node:assert/strict';
import { findRule } from '../../../server/src/rules';
import { lineOf, ruleTester } from '../../helpers/ruleTester';
import { BASE, findingsOf, lintText, spanText } from '../../helpers/text';

const RULE = 'yaml-syntax';

const REPEATED_KEY = BASE.replace('    mode: async\n', '    mode: async\n    mode: sync\n');

const UNCLOSED_LIST = BASE.replace('via: [bus]', 'via: [bus');

ruleTester(RULE, {
  valid: [{ name: 'valid YAML', code: BASE }],
  invalid: [
    {
      name: 'reports a repeated key on the whole repeated key, and says what to do',
      code: REPEATED_KEY,
      errors: [{ at: 'mode', line: lineOf(REPEATED_KEY, '    mode: sync'), message: /Map keys must be unique\. Each key may appear once in a map: remove or rename the repeated key\./ }],
    },
    {
      name: 'says to indent with spaces when a tab indents',
      code: BASE.replace('  name: Test solution', '\tname: Test solution'),
      errors: [{ at: '\t', message: 'Tabs cannot indent YAML: indent with spaces.' }],
    },
    {
      name: 'covers everything after a second `---` and says to move it to its own file',
      code: BASE + '---\nfoo: 1\n',
      errors: [{ at: '---\nfoo: 1\n', message: /one YAML document/ }],
    },
  ],
});

// The parser may report more than one error for these: only the first, or one of them, is checked.
describe(RULE, () => {
  it('reports an unclosed flow list as an error, where the parser stopped', () => {
    const a = lintText(UNCLOSED_LIST);
    const found = a.problems.filter((p) => p.rule === RULE);
    assert.ok(found.length >= 1);
    assert.equal(found[0]!.severity, 'error');
    assert.match(found[0]!.message, /end with a \]/);
    assert.equal(spanText(a, found[0]!), 'systemOfRecord');
  });

  it('reports an unclosed quote', () => {
    assert.ok(findingsOf(BASE.replace('name: ERP', 'name: "ERP'), RULE).some((p) => /Missing closing "quote/.test(p.message)));
  });

  it('stops an alias bomb with a message instead of expanding it', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
      '',
    ].join('\n');
    const a = lintText(bomb);
    const found = a.problems.filter((p) => p.rule === RULE);
    assert.equal(found.length, 1);
    assert.match(found[0]!.message, /too many aliases/);
    assert.deepEqual(a.problems.filter((p) => p.rule === 'schema'), [], 'schema does not validate what it cannot expand');
  });

  it('takes its severity from the editor setting', () => {
    const found = findingsOf(UNCLOSED_LIST, RULE, { settings: { [RULE]: 'warning' } });
    assert.ok(found.length > 0);
    assert.equal(found[0]!.severity, 'warning');
  });

  it('has no quick fix: only the author knows what was meant', () => {
    assert.equal(typeof findRule(RULE)!.fixes, 'undefined');
  });
});
