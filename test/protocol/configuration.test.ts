import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver/node';
import { generateManifest } from '../../bench/generate';
import { MORE_FINDINGS_CODE } from '../../server/src/features/diagnostics';
import { DEFAULT_MAX_PROBLEMS } from '../../shared/src/settings';
import { BASE, withIntegration } from '../helpers/text';
import { startHarness } from './harness';

const NO_SOR = withIntegration({ systemOfRecord: null });
const severityOf = async (diagnostics: Promise<{ code?: unknown; severity?: DiagnosticSeverity }[]>, rule: string) =>
  (await diagnostics).find((d) => d.code === rule)?.severity;

describe('protocol: configuration', () => {
  for (const mode of ['pull', 'push'] as const)
    it(`re-checks open manifests with the new severities when the setting changes (${mode})`, async () => {
      const h = await startHarness({ diagnostics: mode });
      try {
        const uri = await h.open(NO_SOR);
        assert.equal(await severityOf(h.diagnostics(uri), 'system-of-record'), DiagnosticSeverity.Warning);
        await h.setRules({ 'system-of-record': 'error' });
        assert.equal(await severityOf(h.diagnostics(uri), 'system-of-record'), DiagnosticSeverity.Error);
        await h.setRules({ 'system-of-record': 'off' });
        assert.deepEqual(await h.diagnostics(uri), []);
        await h.setRules({});
        assert.equal(await severityOf(h.diagnostics(uri), 'system-of-record'), DiagnosticSeverity.Warning);
      } finally {
        await h.dispose();
      }
    });

  it('reads the setting at start, and the manifest `rules:` block wins over it', async () => {
    const h = await startHarness({ rules: { 'system-of-record': 'hint', 'goal-alignment': { severity: 'error' } } });
    try {
      const uri = await h.open(NO_SOR);
      assert.equal(await severityOf(h.diagnostics(uri), 'system-of-record'), DiagnosticSeverity.Hint);
      const own = await h.open(NO_SOR + 'rules:\n  system-of-record: warning\n');
      assert.equal(await severityOf(h.diagnostics(own), 'system-of-record'), DiagnosticSeverity.Warning);
    } finally {
      await h.dispose();
    }
  });

  it('applies a threshold given in the setting', async () => {
    const h = await startHarness({ rules: { 'prefer-async-messaging': { threshold: '10/hour' } } });
    try {
      // BASE at 500/day (about 21/hour) made synchronous: over a 10/hour threshold.
      const uri = await h.open(withIntegration({ mode: 'sync' }, BASE));
      assert.ok((await h.diagnostics(uri)).some((d) => d.code === 'prefer-async-messaging'));
      await h.setRules({});
      assert.ok(!(await h.diagnostics(uri)).some((d) => d.code === 'prefer-async-messaging'));
    } finally {
      await h.dispose();
    }
  });

  it('ignores a malformed setting instead of failing', async () => {
    const h = await startHarness({ rules: { 'system-of-record': 'loud' as never } });
    try {
      const uri = await h.open(NO_SOR);
      assert.equal(await severityOf(h.diagnostics(uri), 'system-of-record'), DiagnosticSeverity.Warning);
    } finally {
      await h.dispose();
    }
  });

  for (const mode of ['pull', 'push'] as const)
    it(`shows at most integrationManifests.maxProblems findings, the most severe, with a note; quick fixes still work (${mode})`, async () => {
      const text = generateManifest({ integrations: 40 });
      const h = await startHarness({ diagnostics: mode, maxProblems: 4 });
      try {
        const uri = await h.open(text);
        const capped = await h.diagnostics(uri);
        assert.equal(capped.length, 5);
        const note = capped.find((d) => d.code === MORE_FINDINGS_CODE);
        assert.match(note?.message ?? '', /findings; the 4 most severe are shown/);
        assert.ok(capped.filter((d) => d !== note).every((d) => d.severity === DiagnosticSeverity.Error), 'the errors come first');
        // The note offers no fix; a shown finding still has its own.
        assert.deepEqual(await h.codeActions(uri, [note!], note!.range), []);
        const fixable = capped.find((d) => d !== note)!;
        assert.ok((await h.codeActions(uri, [fixable], fixable.range)).length > 0);

        await h.setMaxProblems(100_000);
        const all = await h.diagnostics(uri);
        assert.ok(all.length > 100 && !all.some((d) => d.code === MORE_FINDINGS_CODE), `${all.length} diagnostics`);
        await h.setMaxProblems(undefined);
        assert.equal((await h.diagnostics(uri)).length, Math.min(all.length, DEFAULT_MAX_PROBLEMS + 1));
      } finally {
        await h.dispose();
      }
    });
});
