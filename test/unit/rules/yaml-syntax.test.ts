import assert from 'node:assert/strict';
import { findRule } from '../../../server/src/rules';
import { BASE, findingsOf, lintText, spanText } from '../../helpers/text';

const RULE = 'yaml-syntax';

function only(text: string) {
  const a = lintText(text);
  return { a, found: a.problems.filter((p) => p.rule === RULE) };
}

describe(RULE, () => {
  it('stays silent on valid YAML', () => {
    assert.deepEqual(findingsOf(BASE, RULE), []);
  });

  it('reports an unclosed flow list as an error, where the parser stopped', () => {
    const { a, found } = only(BASE.replace('via: [bus]', 'via: [bus'));
    assert.ok(found.length >= 1);
    assert.equal(found[0]!.severity, 'error');
    assert.match(found[0]!.message, /end with a \]/);
    assert.equal(spanText(a, found[0]!), 'systemOfRecord');
  });

  it('reports a repeated key on the whole repeated key, and says what to do', () => {
    const text = BASE.replace('    mode: async\n', '    mode: async\n    mode: sync\n');
    const { a, found } = only(text);
    assert.equal(found.length, 1);
    assert.equal(spanText(a, found[0]!), 'mode');
    assert.equal(a.document.lines.positionAt(found[0]!.span.start).line, text.split('\n').indexOf('    mode: sync'));
    assert.match(found[0]!.message, /Map keys must be unique\. Each key may appear once in a map: remove or rename the repeated key\./);
  });

  it('says to indent with spaces when a tab indents', () => {
    const { a, found } = only(BASE.replace('  name: Test solution', '\tname: Test solution'));
    assert.equal(found.length, 1);
    assert.equal(spanText(a, found[0]!), '\t');
    assert.equal(found[0]!.message, 'Tabs cannot indent YAML: indent with spaces.');
  });

  it('covers everything after a second `---` and says to move it to its own file', () => {
    const { a, found } = only(BASE + '---\nfoo: 1\n');
    assert.equal(found.length, 1);
    assert.equal(spanText(a, found[0]!), '---\nfoo: 1\n');
    assert.match(found[0]!.message, /one YAML document/);
  });

  it('reports an unclosed quote', () => {
    const { found } = only(BASE.replace('name: ERP', 'name: "ERP'));
    assert.ok(found.some((p) => /Missing closing "quote/.test(p.message)));
  });

  it('stops an alias bomb with a message instead of expanding it', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
      '',
    ].join('\n');
    const { found, a } = only(bomb);
    assert.equal(found.length, 1);
    assert.match(found[0]!.message, /too many aliases/);
    assert.deepEqual(a.problems.filter((p) => p.rule === 'schema'), [], 'schema does not validate what it cannot expand');
  });

  it('takes its severity from the editor setting', () => {
    const { found } = only(BASE.replace('via: [bus]', 'via: [bus'));
    assert.equal(findingsOf(BASE.replace('via: [bus]', 'via: [bus'), RULE, { settings: { [RULE]: 'warning' } })[0]!.severity, 'warning');
    assert.ok(found.length > 0);
  });

  it('has no quick fix: only the author knows what was meant', () => {
    assert.equal(findRule(RULE)!.fixes, undefined);
  });
});
