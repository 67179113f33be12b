import assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import type { CodeAction, Diagnostic } from 'vscode-languageserver/node';
import { BASE, commentsOf, withIntegration } from '../helpers/text';
import { startHarness, type Harness } from './harness';

describe('protocol: code actions', () => {
  let h: Harness;
  before(async () => (h = await startHarness()));
  after(() => h.dispose());

  async function findingOf(uri: string, rule: string): Promise<Diagnostic> {
    const found = (await h.diagnostics(uri)).find((d) => d.code === rule);
    assert.ok(found, `expected a ${rule} finding`);
    return found;
  }

  async function actionsFor(uri: string, rule: string): Promise<CodeAction[]> {
    return h.codeActions(uri, [await findingOf(uri, rule)]);
  }

  /** Applies the action through the protocol; the result must parse and the finding be gone. */
  async function applyAndRecheck(uri: string, action: CodeAction | undefined, rule: string): Promise<void> {
    assert.ok(action, `expected an action for ${rule}`);
    await h.applyEdit(action.edit);
    assert.deepEqual(parseDocument(h.text(uri)).errors, []);
    const left = (await h.diagnostics(uri)).filter((d) => d.code === rule || d.code === 'yaml-syntax' || d.code === 'schema');
    assert.deepEqual(left.map((d) => d.message), []);
  }

  const fixable: { rule: string; text: string; title: RegExp; expect: RegExp }[] = [
    { rule: 'schema', text: withIntegration({ mode: 'asink' }), title: /^Change to 'async'$/, expect: /^ {4}mode: async$/m },
    { rule: 'system-of-record', text: withIntegration({ systemOfRecord: null }), title: /systemOfRecord: erp/, expect: /^ {4}systemOfRecord: erp$/m },
    { rule: 'monitoring-required', text: withIntegration({ monitoring: null }), title: /monitoring/i, expect: /^ {4}monitoring:\n {6}tool: application-insights\n {6}alerts: true$/m },
    { rule: 'unknown-reference', text: withIntegration({ to: 'sale' }), title: /^Change to 'sales'$/, expect: /^ {4}to: sales$/m },
    { rule: 'prefer-async-messaging', text: withIntegration({ mode: 'sync', type: 'process', systemOfRecord: null }), title: /asynchronous/, expect: /^ {4}mode: async$/m },
  ];

  for (const { rule, text, title, expect } of fixable)
    it(`${rule}: the quick fix applies through the protocol and the finding is gone`, async () => {
      const uri = await h.open(text);
      const actions = await actionsFor(uri, rule);
      const fix = actions.find((a) => title.test(a.title));
      assert.ok(fix, `no action matching ${title}; have ${actions.map((a) => a.title).join(' | ')}`);
      assert.equal(fix.kind, 'quickfix');
      assert.equal(fix.diagnostics?.[0]?.code, rule);
      await applyAndRecheck(uri, fix, rule);
      assert.match(h.text(uri), expect);
    });

  it('finds the fix by the diagnostic code and data, not by its message', async () => {
    const uri = await h.open(withIntegration({ mode: 'asink' }));
    const d = await findingOf(uri, 'schema');
    const actions = await h.codeActions(uri, [{ ...d, message: 'reworded by some other tool' }]);
    assert.ok(actions.some((a) => a.title === "Change to 'async'"));
    const withoutData = await h.codeActions(uri, [{ ...d, data: undefined }]);
    assert.ok(!withoutData.some((a) => a.title === "Change to 'async'"));
  });

  it('marks the recommended fix as preferred', async () => {
    const uri = await h.open(withIntegration({ systemOfRecord: null }));
    const [first] = await actionsFor(uri, 'system-of-record');
    assert.equal(first?.isPreferred, true);
  });

  it('"Waive <rule> for this item..." adds a waiver that expires in 90 days, and silences the finding', async () => {
    const text = withIntegration({ systemOfRecord: null }).replace('    type: data\n', '    type: data # kept\n');
    const uri = await h.open(text);
    const waive = (await actionsFor(uri, 'system-of-record')).find((a) => a.title === 'Waive system-of-record for this item...');
    assert.ok(waive);
    assert.equal(waive.isPreferred, undefined);
    await applyAndRecheck(uri, waive, 'system-of-record');
    assert.match(h.text(uri), /^ {4}waivers:\n {6}- rule: system-of-record\n {8}reason: .+\n {8}expires: 2027-02-20$/m);
    assert.deepEqual(commentsOf(h.text(uri)), commentsOf(text));
    // Edit the placeholder reason away: an empty reason silences nothing.
    await h.change(uri, h.text(uri).replace(/reason: .+/, 'reason: ""'));
    assert.ok((await h.diagnostics(uri)).some((d) => d.code === 'system-of-record'));
  });

  it('appends to an existing waivers list', async () => {
    const text = withIntegration({ systemOfRecord: null, waivers: '[{ rule: load-testing, reason: capped, expires: 2027-01-01 }]' });
    const uri = await h.open(text);
    const waive = (await actionsFor(uri, 'system-of-record')).find((a) => a.title.startsWith('Waive'));
    await applyAndRecheck(uri, waive, 'system-of-record');
    assert.match(h.text(uri), /waivers: \[\{ rule: load-testing, reason: capped, expires: 2027-01-01 \}, \{ ?rule: system-of-record, reason: .+, expires: 2027-02-20 ?\}\]/);
  });

  it('offers one waiver per rule and item, and none for a finding outside an item', async () => {
    const uri = await h.open(BASE.replace('integrationManifest: 1', 'integrationManifest: 1\nrules:\n  no-such-rule: off'));
    const actions = await actionsFor(uri, 'unknown-reference');
    assert.ok(!actions.some((a) => a.title.startsWith('Waive')));
    const twice = await h.open(withIntegration({ systemOfRecord: null }));
    const d = await findingOf(twice, 'system-of-record');
    const waives = (await h.codeActions(twice, [d, d])).filter((a) => a.title.startsWith('Waive'));
    assert.equal(waives.length, 1);
  });

  it('answers nothing when only other kinds of action are asked for', async () => {
    const uri = await h.open(withIntegration({ mode: 'asink' }));
    const d = await findingOf(uri, 'schema');
    const actions = await h.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: d.range,
      context: { diagnostics: [d], only: ['refactor'] },
    });
    assert.deepEqual(actions, []);
  });

  it('ignores diagnostics of other tools', async () => {
    const uri = await h.open(BASE);
    const foreign: Diagnostic = { range: h.rangeOf(uri, 'erp'), message: 'x', code: 'some-other-tool-rule', source: 'other' };
    assert.deepEqual(await h.codeActions(uri, [foreign]), []);
  });
});
