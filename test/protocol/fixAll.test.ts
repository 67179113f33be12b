/** `source.fixAll.integration-manifest` and "Apply all recommended patterns to this integration" through a real LSP connection. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeAction, Diagnostic, Range } from 'vscode-languageserver/node';
import { APPLY_PATTERNS_TITLE, FIX_ALL_KIND } from '../../server/src/features/fixAllActions';
import { BASE, commentsOf, withIntegration } from '../helpers/text';
import { startHarness, type Harness } from './harness';

/** Two integrations without monitoring and error handling (each has preferred fixes), with comments. */
const OTHER = '  - id: other\n    name: Other feed # named by the sales team\n    type: data\n    from: sales\n    to: erp\n    mode: async\n    via: [bus]\n    systemOfRecord: sales\n    goals: [visibility]\n    trigger: event\n    volume: 10/day\n    pattern: business-events\n    security: { authentication: entra-id, secrets: key-vault, transport: tls1.2 }\n';
const TWO = withIntegration({ monitoring: null, errorHandling: null }).replace('integrations:\n', '# what flows between them\nintegrations:\n') + OTHER;

describe('protocol: fix all', () => {
  let h: Harness;
  before(async () => (h = await startHarness()));
  after(() => h.dispose());

  const request = (uri: string, only: string[] | undefined, range: Range, diagnostics: Diagnostic[] = []) =>
    h.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, ...(only ? { only } : {}) } });
  const START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

  it('declares the source.fixAll kind', () => {
    const provider = h.capabilities.codeActionProvider;
    assert.ok(provider && typeof provider === 'object');
    assert.ok(provider.codeActionKinds?.includes(FIX_ALL_KIND));
    assert.equal(FIX_ALL_KIND, 'source.fixAll.integration-manifest');
    // package.json names it for the editor (the settings' completion of editor.codeActionsOnSave)
    const contributed = (JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as { contributes: { codeActions: { languages: string[]; actions: { kind: string }[] }[] } }).contributes.codeActions;
    assert.ok(contributed.some((c) => c.languages.includes('integration-manifest') && c.actions.some((a) => a.kind === FIX_ALL_KIND)));
  });

  for (const only of [['source.fixAll'], [FIX_ALL_KIND], ['source']])
    it(`only ${only.join()}: one action that leaves no fixable finding and keeps every comment`, async () => {
      const uri = await h.open(TWO);
      const before = await h.diagnostics(uri);
      assert.ok(before.some((d) => d.code === 'monitoring-required'));
      const actions = await request(uri, only, START);
      assert.deepEqual(actions.map((a) => a.kind), [FIX_ALL_KIND]);
      await h.applyEdit(actions[0]!.edit);
      const after = await h.diagnostics(uri);
      assert.deepEqual(after.map((d) => `${String(d.code)}: ${d.message}`), []);
      assert.deepEqual(commentsOf(h.text(uri)), commentsOf(TWO));
      assert.deepEqual(await request(uri, only, START), [], 'nothing left to fix: no action');
      await h.close(uri);
    });

  it('quick fix requests do not get fix-all; a clean manifest gets none', async () => {
    const uri = await h.open(TWO);
    const d = (await h.diagnostics(uri)).find((x) => x.code === 'monitoring-required')!;
    assert.ok(!(await request(uri, ['quickfix'], d.range, [d])).some((a) => a.kind === FIX_ALL_KIND));
    const clean = await h.open(BASE);
    assert.deepEqual(await request(clean, ['source.fixAll'], START), []);
    await h.close(uri);
    await h.close(clean);
  });

  it('a manifest with YAML errors gets no fix-all', async () => {
    const uri = await h.open(TWO + 'oops: [unclosed\n');
    assert.deepEqual(await request(uri, ['source.fixAll'], START), []);
    await h.close(uri);
  });

  it('"Apply all recommended patterns to this integration" is not offered to a client that cannot resolve code actions (its edit is made when chosen)', async () => {
    const uri = await h.open(TWO);
    const onOther = (await h.diagnostics(uri)).find((d) => d.code === 'monitoring-required' && d.message.includes("'other'"))!;
    const actions = await h.codeActions(uri, [onOther]);
    assert.ok(actions.length > 0, 'the quick fixes are offered');
    assert.ok(!actions.some((a) => a.title === APPLY_PATTERNS_TITLE));
    await h.close(uri);
  });

  describe('with a client that resolves code actions (as VS Code does)', () => {
    let r: Harness;
    before(async () => (r = await startHarness({ resolveCodeActions: true })));
    after(() => r.dispose());

    it('"Apply all recommended patterns to this integration": offered without its edit; codeAction/resolve fixes the integration at the cursor, and only it', async () => {
      const uri = await r.open(TWO);
      const onOther = (await r.diagnostics(uri)).find((d) => d.code === 'monitoring-required' && d.message.includes("'other'"))!;
      const offered = (await r.codeActions(uri, [onOther])).find((a) => a.title === APPLY_PATTERNS_TITLE);
      assert.ok(offered);
      assert.equal(offered.edit, undefined, 'no fix-all while the light bulb is only being shown');
      const resolved = await r.request<CodeAction>('codeAction/resolve', offered);
      assert.ok(resolved.edit, 'resolve adds the edit');
      await r.applyEdit(resolved.edit);
      const after = await r.diagnostics(uri);
      assert.ok(!after.some((d) => d.message.includes("'other'")), after.map((d) => d.message).join('\n'));
      assert.ok(after.some((d) => d.code === 'monitoring-required' && d.message.includes("'status'")), 'the other integration is as it was');
      assert.deepEqual(commentsOf(r.text(uri)), commentsOf(TWO));
    });

    it('an action offered for an older version, or with data that is not ours, comes back without an edit', async () => {
      const uri = await r.open(TWO);
      const onOther = (await r.diagnostics(uri)).find((d) => d.code === 'monitoring-required' && d.message.includes("'other'"))!;
      const offered = (await r.codeActions(uri, [onOther])).find((a) => a.title === APPLY_PATTERNS_TITLE)!;
      await r.change(uri, TWO + '# a later edit\n');
      assert.equal((await r.request<CodeAction>('codeAction/resolve', offered)).edit, undefined);
      assert.equal((await r.request<CodeAction>('codeAction/resolve', { title: 'x', data: { applyPatterns: 3 } })).edit, undefined);
      await assert.rejects(r.request('codeAction/resolve', { data: {} }), /title must be a string/);
    });
  });
});
