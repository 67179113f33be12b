/**
 * Authoring from an empty file: the starter an empty manifest offers, snippets filled in as a
 * person fills them (each field typed, then Tab), and the completion list that closes once a
 * value is typed in full, so that the Tab after it goes to the next field.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CompletionTriggerKind, InsertTextFormat, type CompletionItem, type TextEdit } from 'vscode-languageserver';
import { applyEdits } from '../../server/src/document/edits';
import { complete, completionList } from '../../server/src/features/completion';
import { expandSnippet, snippetsFor } from '../../server/src/features/completion/snippets';
import { STARTER_LABEL, STARTER_LINES } from '../../server/src/features/completion/starter';
import { BASE, joinLines, lintText } from '../helpers/text';

const EXAMPLES = join(__dirname, '..', '..', 'examples');

/** The text with `|` taken out, and the offset it marked. */
function unmark(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf('|');
  assert.ok(offset >= 0, 'no cursor `|`');
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset };
}

function itemsAt(marked: string): CompletionItem[] {
  const { text, offset } = unmark(marked);
  return complete(lintText(text), offset);
}

/** The text after accepting `item`: its snippet filled with `typed` (by tab stop number), defaults elsewhere. */
function accept(text: string, item: CompletionItem, typed: Record<number, string> = {}): string {
  const edit = item.textEdit as TextEdit;
  const lines = lintText(text).document.lines;
  const newText = item.insertTextFormat === InsertTextFormat.Snippet ? expandSnippet(edit.newText, typed) : edit.newText;
  return applyEdits(text, [{ start: lines.offsetAt(edit.range.start), end: lines.offsetAt(edit.range.end), newText }]);
}

function starterAt(marked: string): CompletionItem | undefined {
  return itemsAt(marked).find((i) => i.label === STARTER_LABEL);
}

describe('authoring from an empty file', () => {
  describe('the starter', () => {
    for (const [what, marked] of [
      ['an empty file', '|'],
      ['a file of blank lines', '\n\n|'],
      ['a file with only a comment', '# Contoso integrations\n|'],
      ['the first word being typed', 'int|'],
    ] as const)
      it(`is offered first in ${what}`, () => {
        const items = itemsAt(marked);
        const ordered = [...items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
        assert.equal(ordered[0]?.label, STARTER_LABEL, ordered.map((i) => i.label).join(', '));
        assert.equal(ordered[0]?.preselect, true);
      });

    for (const [what, marked] of [
      ['a manifest', BASE + '|'],
      ['a line below a first key', 'integrationManifest: 1\n|'],
      ['an indented position', '# notes\n  |'],
    ] as const)
      it(`is not offered in ${what}`, () => assert.equal(starterAt(marked), undefined));

    it('holds the version, the solution, governance, a goal, two systems and one integration, and lints clean as inserted', () => {
      const text = accept('', starterAt('|')!);
      const { manifest, problems } = lintText(text);
      assert.deepEqual(problems.map((p) => `${p.rule}: ${p.message}`), [], text);
      assert.ok(manifest.solutionName);
      assert.equal(manifest.governance.present, true);
      assert.equal(manifest.goals.length, 1);
      assert.equal(manifest.systems.length, 2);
      assert.equal(manifest.integrations.length, 1);
      assert.match(text, /^integrationManifest: 1\n/);
      assert.ok(text.endsWith('\n'), 'it ends with a line break: the cursor lands on a line of its own');
      assert.ok(!/\t/.test(text), 'no tab');
      for (const line of text.split('\n')) assert.equal((/^ */.exec(line)![0].length) % 2, 0, `two-space indentation: ${JSON.stringify(line)}`);
    });

    it('stays clean when a person fills in every field, and the integration follows the ids typed', () => {
      const typed = {
        1: 'Fabrikam web shop',
        2: 'fast-orders',
        3: 'Orders reach Sales within a minute',
        4: 'shop',
        5: 'Web shop',
        6: 'e-commerce',
        7: 'crm',
        8: 'Dynamics 365 Sales',
        9: 'dynamics-365-sales',
        10: 'web-orders',
        11: 'Web orders',
        12: '300/hour',
      };
      const text = accept('', starterAt('|')!, typed);
      const { manifest, problems } = lintText(text);
      assert.deepEqual(problems.map((p) => `${p.rule}: ${p.message}`), [], text);
      const [integration] = manifest.integrations;
      assert.deepEqual([integration?.id, integration?.from?.id, integration?.to?.id, integration?.systemOfRecord?.id], ['web-orders', 'shop', 'crm', 'shop']);
      assert.deepEqual(integration?.goals.map((g) => g.id), ['fast-orders']);
      assert.equal(manifest.solutionName, 'Fabrikam web shop');
      for (const value of Object.values(typed)) assert.ok(text.includes(value), value);
    });

    it('has a field for every name a person gives, and each field once (the ids are mirrored, not asked twice)', () => {
      const fields = [...STARTER_LINES.join('\n').matchAll(/\$\{(\d+):/g)].map((m) => Number(m[1]));
      assert.deepEqual(fields, Array.from({ length: fields.length }, (_, i) => i + 1), 'fields in order, each once');
    });
  });

  describe('snippets, filled in as a person types', () => {
    const TEXT = joinLines(
      BASE.trimEnd(),
      '    steps:',
      '      - from: erp',
      '        to: bus',
      '        action: Publish',
      '    waivers:',
      '      - rule: load-testing',
      '        reason: Capped by the ERP',
      '    data:',
      '      mapping:',
      '        - from: A',
      '          to: b',
    );

    it('have no choice list anywhere (accepting a choice jumps to the next field, and the Tab a person presses after it skips one)', () => {
      const texts = [TEXT, ...readdirSync(EXAMPLES).filter((f) => f.endsWith('.yaml')).map((f) => readFileSync(join(EXAMPLES, f), 'utf8'))];
      let snippets = 0;
      for (const text of texts) {
        const analysis = lintText(text);
        // Every line start, every line end and the blank line after it: where items, keys and values are completed.
        const offsets = [...text.matchAll(/\n/g)].flatMap((m) => [m.index, m.index + 1]);
        for (const offset of [0, ...offsets]) {
          for (const item of complete(analysis, offset)) {
            if (item.insertTextFormat !== InsertTextFormat.Snippet) continue;
            snippets++;
            assert.ok(!/\$\{\d+\|/.test((item.textEdit as TextEdit).newText), `${item.label} has a choice: ${(item.textEdit as TextEdit).newText}`);
          }
        }
      }
      assert.ok(snippets > 100, `${snippets} snippets looked at`);
    });

    const LISTS: { list: string; at: string; typed: Record<number, string>; keys: Record<string, string> }[] = [
      { list: 'system', at: 'integrations:\n', typed: { 1: 'shop', 2: 'Web shop', 3: 'e-commerce', 4: 'on-premises' }, keys: { id: 'shop', name: 'Web shop', kind: 'e-commerce', hosting: 'on-premises' } },
      {
        list: 'integration',
        at: '',
        typed: { 1: 'returns', 2: 'Returns', 3: 'sales', 4: 'erp', 5: '2k/day', 6: 'bus', 7: 'visibility' },
        keys: { id: 'returns', name: 'Returns', from: 'sales', to: 'erp', volume: '2k/day', systemOfRecord: 'sales' },
      },
      { list: 'goal', at: 'systems:\n', typed: { 1: 'cash', 2: 'Faster cash', 3: 'DSO < 30 days' }, keys: { id: 'cash', title: 'Faster cash', metric: 'DSO < 30 days' } },
    ];
    for (const { list, at, typed, keys } of LISTS) {
      it(`a new ${list}: each field holds what was typed in it, and the end is a line of its own for the next key`, () => {
        const marked = at ? TEXT.replace(at, `  |\n${at}`) : TEXT + '  |';
        const { text, offset } = unmark(marked);
        const analysis = lintText(text);
        for (const snippet of snippetsFor(analysis, list, offset)) {
          const item = complete(analysis, offset).find((i) => i.label === snippet.label)!;
          const after = accept(text, item, typed);
          const result = lintText(after);
          assert.deepEqual(result.problems.filter((p) => p.rule === 'yaml-syntax' || p.rule === 'schema').map((p) => p.message), [], after);
          const inserted = (item.textEdit as TextEdit).newText;
          assert.match(inserted, /\n {4}\$0$/, 'ends on a line of its own at the keys of the item');
          for (const [key, value] of Object.entries(keys))
            if (new RegExp(`^\\s*-? *${key}: `, 'm').test(expandSnippet(inserted))) assert.match(after, new RegExp(`\\b${key}: ${value.replace(/[/.*+?<]/g, '\\$&')}\\n`), `${snippet.label}: ${key}`);
        }
      });
    }

    it('a new waiver opens the list of rules on its first field, and a rule accepted there leaves the cursor in it', () => {
      const { text, offset } = unmark(TEXT.replace('      - rule: load-testing', '      - |\n      - rule: load-testing'));
      const waiver = complete(lintText(text), offset).find((i) => i.label === 'New waiver')!;
      assert.equal(waiver.command?.command, 'editor.action.triggerSuggest');
      assert.match((waiver.textEdit as TextEdit).newText, /^rule: \$1\n/);
      const rules = itemsAt(TEXT.replace('      - rule: load-testing', '      - rule: |'));
      assert.ok(rules.some((r) => r.label === 'monitoring-required'));
      assert.ok(rules.every((r) => r.command === undefined), 'accepting a rule runs no command: the cursor stays in the field');
    });
  });

  describe('the completion list while a value is typed', () => {
    const list = (marked: string, kind: CompletionTriggerKind) => {
      const { text, offset } = unmark(marked);
      return completionList(lintText(text), offset, kind);
    };
    const HOSTING = (typed: string) => BASE.replace('    hosting: cloud\n  - id: erp', `    hosting: ${typed}|\n  - id: erp`);

    it('is incomplete at a value, so the editor asks again at each character', () => {
      assert.equal(list(HOSTING('on-p'), CompletionTriggerKind.Invoked).isIncomplete, true);
      assert.deepEqual(list(HOSTING('on-p'), CompletionTriggerKind.TriggerForIncompleteCompletions).items.map((i) => i.label), ['cloud', 'on-premises']);
    });

    it('is empty once the value is typed in full, so the list closes and Tab goes to the next field', () => {
      assert.deepEqual(list(HOSTING('on-premises'), CompletionTriggerKind.TriggerForIncompleteCompletions).items, []);
      assert.deepEqual(list(BASE.replace('    from: erp', '    from: erp|'), CompletionTriggerKind.TriggerForIncompleteCompletions).items, [], 'an id typed in full');
      assert.deepEqual(list(BASE.replace('volume: 500/day', 'volume: 500/hour|'), CompletionTriggerKind.TriggerForIncompleteCompletions).items, [], 'a rate typed as an example');
    });

    it('still offers every value when asked for (Ctrl+Space on a written value)', () => {
      assert.deepEqual(list(HOSTING('on-premises'), CompletionTriggerKind.Invoked).items.map((i) => i.label), ['cloud', 'on-premises']);
    });

    it('is complete at a key: a key typed in full is still accepted with Tab or Enter, which writes its colon', () => {
      const keys = list(BASE.replace('    hosting: cloud\n  - id: erp', '    hosting: cloud\n    owner|\n  - id: erp'), CompletionTriggerKind.TriggerForIncompleteCompletions);
      assert.equal(keys.isIncomplete, false);
      assert.ok(keys.items.some((i) => i.label === 'owner'));
    });
  });
});
