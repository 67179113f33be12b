import assert from 'node:assert/strict';
import { DiagnosticSeverity, DiagnosticTag, type DocumentDiagnosticReport } from 'vscode-languageserver/node';
import { ruleDocsUrl } from '../../shared/src/product';
import { BASE, joinLines, withIntegration } from '../helpers/text';
import { startHarness, type Harness } from './harness';
import { generateManifest } from '../../bench/generate';
import { EARLY_MIN_CHARS } from '../../server/src/languageService';
import { EARLY_SUFFIX } from '../../server/src/server';

describe('protocol: diagnostics', () => {
  describe('pulled (textDocument/diagnostic)', () => {
    let h: Harness;
    before(async () => (h = await startHarness()));
    after(() => h.dispose());

    it('a clean manifest has none', async () => {
      const uri = await h.open(BASE);
      assert.deepEqual(await h.diagnostics(uri), []);
    });

    it('carries the rule id as code, the source, the rule page, the fix data and the exact range', async () => {
      const uri = await h.open(withIntegration({ mode: 'asink' }));
      const [d, ...rest] = await h.diagnostics(uri);
      assert.equal(rest.length, 0);
      assert.equal(d!.code, 'schema');
      assert.equal(d!.source, 'integration-manifest');
      assert.equal(d!.severity, DiagnosticSeverity.Error);
      assert.deepEqual(d!.codeDescription, { href: ruleDocsUrl('schema') });
      assert.deepEqual(d!.data, { rule: 'schema', fix: 'replace', value: 'async' });
      assert.deepEqual(d!.range, h.rangeOf(uri, 'asink'));
      assert.match(d!.message, /'mode' must be one of sync, async, batch; did you mean 'async'\?/);
    });

    it('maps each severity and fades unused items', async () => {
      const uri = await h.open(withIntegration({ goals: null, systemOfRecord: null }));
      const byRule = new Map((await h.diagnostics(uri)).map((d) => [d.code, d]));
      assert.equal(byRule.get('system-of-record')?.severity, DiagnosticSeverity.Warning);
      assert.equal(byRule.get('goal-alignment')?.severity, DiagnosticSeverity.Information);
      assert.equal(byRule.get('unused-goal')?.severity, DiagnosticSeverity.Information);
      assert.deepEqual(byRule.get('unused-goal')?.tags, [DiagnosticTag.Unnecessary]);
      assert.equal(byRule.get('system-of-record')?.tags, undefined);
    });

    it('follows incremental changes, and answers `unchanged` when nothing changed', async () => {
      const uri = await h.open(BASE);
      const first = await h.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
      assert.equal(first.kind, 'full');
      const resultId = (first as { resultId?: string }).resultId;
      assert.ok(resultId);
      const again = await h.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri }, previousResultId: resultId });
      assert.equal(again.kind, 'unchanged');
      await h.applyEdit({ changes: { [uri]: [{ range: h.rangeOf(uri, 'mode: async'), newText: 'mode: asynk' }] } });
      assert.deepEqual((await h.diagnostics(uri)).map((d) => d.code), ['schema']);
      const after = await h.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri }, previousResultId: resultId });
      assert.equal(after.kind, 'full');
    });

    it('answers the first pull of a large manifest with its syntax and schema findings, then has the client pull every finding', async () => {
      const text = generateManifest({ integrations: 400 }).replace('mode: async', 'mode: asink');
      assert.ok(text.length >= EARLY_MIN_CHARS);
      const refreshes = h.refreshCount();
      const uri = await h.open(text);
      const first = await h.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
      assert.equal(first.kind, 'full');
      assert.ok(first.resultId?.endsWith(EARLY_SUFFIX), first.resultId);
      assert.deepEqual([...new Set(first.items.map((d) => d.code))], ['schema']);
      assert.ok(first.items.some((d) => /'mode' must be one of/.test(d.message)));
      // Once the rules are done, the server asks for a pull; it brings every finding, the schema's among them.
      await h.refreshed(refreshes);
      const second = await h.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri }, previousResultId: first.resultId });
      assert.equal(second.kind, 'full');
      assert.ok(!second.resultId?.endsWith(EARLY_SUFFIX));
      const all = second.items.map((d) => `${d.code} ${d.message}`);
      for (const d of first.items) assert.ok(all.includes(`${d.code} ${d.message}`), d.message);
      assert.ok(second.items.some((d) => d.code !== 'schema' && d.code !== 'yaml-syntax'), 'the rules found something');
      // After an edit, one answer with everything.
      await h.applyEdit({ changes: { [uri]: [{ range: h.rangeOf(uri, 'asink'), newText: 'async' }] } });
      const edited = await h.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri }, previousResultId: second.resultId });
      assert.equal(edited.kind, 'full');
      assert.ok(!edited.resultId?.endsWith(EARLY_SUFFIX));
      assert.ok(second.items.some((d) => /'mode' must be one of/.test(d.message)));
      assert.ok(!edited.items.some((d) => /'mode' must be one of/.test(d.message)));
      assert.ok(edited.items.some((d) => d.code !== 'schema' && d.code !== 'yaml-syntax'));
      await h.close(uri);
    });

    it('answers with a diagnostic for broken YAML and binary garbage, and keeps answering', async () => {
      const broken = await h.open('integrationManifest: 1\nsolution:\n  name: [unclosed\n');
      assert.ok((await h.diagnostics(broken)).some((d) => d.code === 'yaml-syntax'));
      const garbage = await h.open('\u0000\u0001\uFFFD\u0007: : - [ { ]\n\t\tbad');
      assert.ok((await h.diagnostics(garbage)).length > 0);
      const clean = await h.open(BASE);
      assert.deepEqual(await h.diagnostics(clean), []);
    });

    it('an unknown document has no diagnostics', async () => {
      const report = await h.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: 'file:///nowhere.integration.yaml' } });
      assert.deepEqual(report, { kind: 'full', items: [] });
    });

    it('never logs manifest content', async () => {
      const uri = await h.open(withIntegration({ name: 'Secret-marker-8731', mode: 'asink' }));
      await h.diagnostics(uri);
      await h.codeLenses(uri);
      assert.ok(h.logs.length > 0, 'the server logs that it is ready');
      assert.ok(h.logs.every((l) => !l.includes('Secret-marker-8731')));
    });
  });

  describe('pushed (textDocument/publishDiagnostics)', () => {
    let h: Harness;
    before(async () => (h = await startHarness({ diagnostics: 'push' })));
    after(() => h.dispose());

    it('publishes on open and on every change, for the version it checked', async () => {
      const uri = await h.open(withIntegration({ systemOfRecord: null }));
      assert.deepEqual((await h.diagnostics(uri)).map((d) => d.code), ['system-of-record']);
      await h.change(uri, BASE);
      assert.deepEqual(await h.diagnostics(uri), []);
      await h.change(uri, joinLines('integrationManifest: 1', 'solution:', '  name: x', 'integrations:', '  - id: a'));
      assert.ok((await h.diagnostics(uri)).some((d) => d.code === 'schema'));
    });

    it('clears the diagnostics of a closed document', async () => {
      const uri = await h.open(withIntegration({ mode: 'asink' }));
      assert.equal((await h.diagnostics(uri)).length, 1);
      const cleared = h.nextPush(uri);
      await h.close(uri);
      assert.deepEqual((await cleared).diagnostics, []);
    });

    it('announces a pull provider only to clients that pull', async () => {
      assert.equal(h.capabilities.diagnosticProvider, undefined);
      const pulling = await startHarness();
      try {
        assert.deepEqual(pulling.capabilities.diagnosticProvider, { identifier: 'integration-manifest', interFileDependencies: false, workspaceDiagnostics: false });
      } finally {
        await pulling.dispose();
      }
    });
  });
});
