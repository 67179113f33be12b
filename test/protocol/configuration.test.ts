import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver/node';
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
});
