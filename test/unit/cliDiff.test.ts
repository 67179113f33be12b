/** `integration-manifests diff`: two files or a file against a git ref (a real repository in a temporary folder), every format, --fail-on, and every error. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Log } from 'sarif';
import { git, runIn } from '../helpers/cli';
import { BASE, withIntegration } from '../helpers/text';

const run = (cwd: string, ...args: string[]) => runIn(cwd, args);

/** The change under review: monitoring dropped (a warning) and the mode misspelt (an error). */
const WARNS = withIntegration({ monitoring: null });
const ERRS = withIntegration({ mode: 'asink' });

describe('cli diff', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'cli-diff-'));
    writeFileSync(join(dir, 'base.integration.yaml'), BASE);
    writeFileSync(join(dir, 'warns.integration.yaml'), WARNS);
    writeFileSync(join(dir, 'errs.integration.yaml'), ERRS);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  describe('two files', () => {
    it('markdown by default: the summary, the tables and the change drawn', async () => {
      const { code, out, err } = await run(dir, 'diff', 'base.integration.yaml', 'errs.integration.yaml');
      assert.equal(code, 1, 'an introduced error fails by default');
      assert.match(out, /^### Changes to `errs.integration.yaml` since `base.integration.yaml`\n/);
      assert.match(out, /\| Changed \| status \| Order status \| mode: async → asink \|/);
      assert.match(out, /```mermaid\nflowchart LR\n/);
      assert.equal(err, 'The change introduces 1 finding at or above error (--fail-on error).\n');
    });

    it('json: items with their fields, findings with positions', async () => {
      const { code, out } = await run(dir, 'diff', '--format', 'json', 'base.integration.yaml', 'warns.integration.yaml');
      assert.equal(code, 0, 'warnings do not fail by default');
      const json = JSON.parse(out) as { base: string; baseExists: boolean; integrations: { status: string; id: string; fields: unknown[] }[]; introduced: { rule: string; severity: string; line: number; file: string }[]; resolved: unknown[] };
      assert.equal(json.base, 'base.integration.yaml');
      assert.equal(json.baseExists, true);
      assert.deepEqual(json.integrations.map((i) => [i.status, i.id]), [['changed', 'status']]);
      assert.deepEqual(json.introduced.map((f) => [f.rule, f.severity, f.file]), [['monitoring-required', 'warning', 'warns.integration.yaml']]);
      assert.ok(json.introduced[0]!.line > 1);
      assert.deepEqual(json.resolved, []);
    });

    it('sarif: only the introduced findings, on the head file, as a diff run', async () => {
      const { out } = await run(dir, 'diff', '--format', 'sarif', 'warns.integration.yaml', 'errs.integration.yaml');
      const run0 = (JSON.parse(out) as Log).runs[0]!;
      assert.deepEqual(run0.results?.map((r) => r.ruleId), ['schema']);
      assert.equal(run0.results?.[0]?.locations?.[0]?.physicalLocation?.artifactLocation?.uri, 'errs.integration.yaml');
      assert.equal(run0.automationDetails?.id, 'integration-manifests/diff/');
    });

    it('--fail-on warning fails on an introduced warning; --fail-on none never fails', async () => {
      assert.equal((await run(dir, 'diff', '--fail-on', 'warning', 'base.integration.yaml', 'warns.integration.yaml')).code, 1);
      assert.equal((await run(dir, 'diff', '--fail-on', 'none', 'base.integration.yaml', 'errs.integration.yaml')).code, 0);
      assert.equal((await run(dir, 'diff', '--fail-on', 'warning', 'warns.integration.yaml', 'warns.integration.yaml')).code, 0, 'a warning that was already there is not introduced');
      assert.equal((await run(dir, 'diff', 'errs.integration.yaml', 'base.integration.yaml')).code, 0, 'resolving an error passes');
    });

    for (const [what, args, message] of [
      ['an unknown format', ['diff', '--format', 'html', 'base.integration.yaml', 'warns.integration.yaml'], /Unknown --format 'html': use markdown, json or sarif\./],
      ['an unknown --fail-on', ['diff', '--fail-on', 'info', 'base.integration.yaml', 'warns.integration.yaml'], /Unknown --fail-on 'info': use error, warning or none\./],
      ['one file without --git', ['diff', 'base.integration.yaml'], /diff compares two manifests: diff <base> <head>/],
      ['a missing file', ['diff', 'base.integration.yaml', 'gone.integration.yaml'], /File not found: gone.integration.yaml/],
      ['two files with --git', ['diff', '--git', 'HEAD', 'base.integration.yaml', 'warns.integration.yaml'], /diff --git <ref> <file> compares one manifest/],
    ] as const)
      it(`${what} is a usage error (exit 2)`, async () => {
        const { code, err } = await run(dir, ...args);
        assert.equal(code, 2);
        assert.match(err, message);
      });
  });

  describe('--git', () => {
    let repo: string;
    before(() => {
      repo = mkdtempSync(join(tmpdir(), 'cli-diff-git-'));
      git(repo, 'init', '-q', '-b', 'main');
      writeFileSync(join(repo, 'orders.integration.yaml'), BASE);
      git(repo, 'add', '.');
      git(repo, 'commit', '-q', '-m', 'first');
      writeFileSync(join(repo, 'orders.integration.yaml'), ERRS);
      writeFileSync(join(repo, 'new.integration.yaml'), WARNS);
    });
    after(() => rmSync(repo, { recursive: true, force: true }));

    it('compares the file with its text at the ref', async () => {
      const { code, out } = await run(repo, 'diff', '--git', 'HEAD', 'orders.integration.yaml');
      assert.equal(code, 1);
      assert.match(out, /since `HEAD`/);
      assert.match(out, /mode: async → asink/);
    });

    it('finds the file from another folder (its path in the repository)', async () => {
      const { code, out } = await run(tmpdir(), 'diff', '--git', 'main', '--format', 'json', join(repo, 'orders.integration.yaml'));
      assert.equal(code, 1);
      assert.equal((JSON.parse(out) as { baseExists: boolean }).baseExists, true);
    });

    it('a file absent at the ref: everything is added, and stderr says why', async () => {
      const { code, out, err } = await run(repo, 'diff', '--git', 'HEAD', '--format', 'json', 'new.integration.yaml');
      assert.equal(code, 0);
      const json = JSON.parse(out) as { baseExists: boolean; systems: { status: string }[]; integrations: { status: string }[] };
      assert.equal(json.baseExists, false);
      assert.ok(json.systems.length === 3 && json.systems.every((s) => s.status === 'added'));
      assert.deepEqual(json.integrations.map((i) => i.status), ['added']);
      assert.equal(err, 'new.integration.yaml did not exist at HEAD: everything in it is new.\n');
    });

    it('an unknown ref', async () => {
      const { code, err } = await run(repo, 'diff', '--git', 'no-such-branch', 'orders.integration.yaml');
      assert.equal(code, 2);
      assert.match(err, /git does not know the ref 'no-such-branch' in the repository of orders\.integration\.yaml/);
    });

    it('a ref that looks like an option', async () => {
      const { code, err } = await run(repo, 'diff', '--git=--output=x', 'orders.integration.yaml');
      assert.equal(code, 2);
      assert.match(err, /'--output=x' is not a git ref/);
    });

    it('a file outside any repository', async () => {
      const { code, err } = await run(dir, 'diff', '--git', 'HEAD', 'base.integration.yaml');
      assert.equal(code, 2);
      assert.match(err, /base\.integration\.yaml is not in a git repository/);
    });

    it('git missing', async () => {
      const path = process.env['PATH'];
      process.env['PATH'] = join(dir, 'no-bin');
      try {
        const { code, err } = await run(repo, 'diff', '--git', 'HEAD', 'orders.integration.yaml');
        assert.equal(code, 2);
        assert.match(err, /git was not found: install git/);
      } finally {
        process.env['PATH'] = path;
      }
    });
  });
});
