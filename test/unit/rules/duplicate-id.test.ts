import assert from 'node:assert/strict';
import { findRule } from '../../../server/src/rules';
import { BASE, findingsOf, joinLines, lintText, spanText } from '../../helpers/text';

const RULE = 'duplicate-id';

describe(RULE, () => {
  it('stays silent when every id is unique', () => {
    assert.deepEqual(findingsOf(BASE, RULE), []);
  });

  it('reports the second system with an id, on its id, naming the line of the first', () => {
    const text = BASE.replace('  - id: bus\n    name: Service Bus', '  - id: erp\n    name: Service Bus');
    const a = lintText(text);
    const found = a.problems.filter((p) => p.rule === RULE);
    assert.equal(found.length, 1);
    assert.equal(found[0]!.severity, 'error');
    assert.equal(spanText(a, found[0]!), 'erp');
    const secondLine = text.split('\n').indexOf('  - id: erp', text.split('\n').indexOf('  - id: erp') + 1);
    assert.equal(a.document.lines.positionAt(found[0]!.span.start).line, secondLine);
    const firstLine = text.split('\n').indexOf('  - id: erp') + 1;
    assert.equal(found[0]!.message, `The id \`erp\` is already used by the system on line ${firstLine}. Give this system an id of its own.`);
  });

  it('treats goals, systems, integrations and actors as one namespace', () => {
    const text = BASE.replace('  - id: visibility', '  - id: sales');
    const a = lintText(text);
    const found = a.problems.filter((p) => p.rule === RULE);
    assert.equal(found.length, 1);
    assert.match(found[0]!.message, /already used by the goal on line 8\. Give this system an id of its own\./);
  });

  it('reports each repetition after the first', () => {
    const text = joinLines(
      BASE.trimEnd(),
      'actors:',
      '  - id: status',
      '    name: Order taker',
      '  - id: status',
      '    name: Clerk',
    );
    const found = findingsOf(text, RULE);
    assert.equal(found.length, 2);
  });

  it('is not silenced by a waiver: waivers belong to an item, and the id is what is ambiguous', () => {
    const text = BASE.replace('  - id: bus\n    name: Service Bus', '  - id: erp\n    name: Service Bus\n    waivers: [{ rule: duplicate-id, reason: migrating }]');
    // The finding belongs to no item, so an item's waiver does not apply to it.
    assert.equal(findingsOf(text, RULE).length, 1);
  });

  it('can be turned off in the manifest', () => {
    const text = BASE.replace('  - id: bus\n', '  - id: erp\n') + 'rules:\n  duplicate-id: off\n';
    assert.deepEqual(findingsOf(text, RULE), []);
  });

  it('has no quick fix: only the author knows which item to rename', () => {
    assert.equal(findRule(RULE)!.fixes, undefined);
  });
});
