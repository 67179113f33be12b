/**
 * The CI templates run as the services run them: the shell steps of action.yml (GitHub Actions,
 * `bash -eo pipefail`) and of ci/azure-pipelines.yml (Azure Pipelines) against a real git
 * repository with two commits, with the command line from this checkout. Lint writes SARIF;
 * the diff of each changed manifest goes into the job summary; an introduced error fails.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Log } from 'sarif';
import { parse } from 'yaml';
import { git } from '../helpers/cli';
import { BASE, withIntegration } from '../helpers/text';

const ROOT = join(__dirname, '../..');
/** The command line of this checkout, from its TypeScript (no build needed). */
const CLI = `${join(ROOT, 'node_modules/.bin/tsx')} ${join(ROOT, 'server/src/cli.ts')}`;

interface Step {
  name?: string;
  displayName?: string;
  run?: string;
  bash?: string;
  env?: Record<string, string>;
  uses?: string;
  task?: string;
}

/** A repository with two commits: a manifest changed (its mode misspelt: an error), one added, one removed, and a file that is no manifest. */
function repository(): string {
  const repo = mkdtempSync(join(tmpdir(), 'ci-templates-'));
  git(repo, 'init', '-q', '-b', 'main');
  mkdirSync(join(repo, 'manifests'));
  writeFileSync(join(repo, 'manifests/orders.integration.yaml'), BASE);
  writeFileSync(join(repo, 'gone.integration.yaml'), BASE);
  writeFileSync(join(repo, 'README.md'), 'one\n');
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', 'first');
  writeFileSync(join(repo, 'manifests/orders.integration.yaml'), withIntegration({ mode: 'asink' }));
  writeFileSync(join(repo, 'new.integration.yaml'), withIntegration({ monitoring: null }));
  writeFileSync(join(repo, 'README.md'), 'two\n');
  git(repo, 'rm', '-q', 'gone.integration.yaml');
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', 'second');
  return repo;
}

/** Runs one shell step with its env, expressions replaced by `values`; returns its exit code and output. */
function runStep(script: string, env: Record<string, string> | undefined, values: (expression: string) => string, cwd: string, extraEnv: Record<string, string>, bashFlags: string[]): { status: number; stdout: string; stderr: string } {
  const stepEnv = Object.fromEntries(Object.entries(env ?? {}).map(([k, v]) => [k, String(v).replace(/\$\{\{\s*([^}]+?)\s*\}\}|\$\(([\w.]+)\)/g, (_m, a: string | undefined, b: string | undefined) => values((a ?? b)!))]));
  const file = join(mkdtempSync(join(tmpdir(), 'ci-step-')), 'step.sh');
  writeFileSync(file, script);
  const result = spawnSync('bash', ['--noprofile', '--norc', ...bashFlags, file], { cwd, env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? tmpdir(), ...extraEnv, ...stepEnv }, encoding: 'utf8', timeout: 120_000 });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

function checkSarif(path: string): void {
  const log = JSON.parse(readFileSync(path, 'utf8')) as Log;
  const results = log.runs[0]?.results ?? [];
  const files = new Set(results.map((r) => r.locations?.[0]?.physicalLocation?.artifactLocation?.uri));
  assert.deepEqual([...files].sort(), ['manifests/orders.integration.yaml', 'new.integration.yaml']);
  assert.ok(results.every((r) => r.locations?.[0]?.physicalLocation?.artifactLocation?.uriBaseId === '%SRCROOT%'));
}

function checkSummary(summary: string): void {
  assert.match(summary, /### Changes to `manifests\/orders\.integration\.yaml` since `HEAD~1`/);
  assert.match(summary, /mode: async → asink/);
  assert.match(summary, /### Changes to `new\.integration\.yaml` since `HEAD~1`/);
  assert.match(summary, /The manifest is new/);
  assert.match(summary, /### `gone\.integration\.yaml` was removed since `HEAD~1`/);
  assert.match(summary, /```mermaid\nflowchart LR\n/);
  assert.doesNotMatch(summary, /README/);
}

describe('CI templates, their shell steps run against a repository with two commits', function () {
  this.timeout(180_000);
  let repo: string;
  let work: string;
  before(() => {
    repo = repository();
    work = mkdtempSync(join(tmpdir(), 'ci-runner-'));
  });
  after(() => {
    rmSync(repo, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  });

  describe('action.yml (GitHub Actions, composite)', () => {
    const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { runs: { using: string; steps: Step[] }; inputs: Record<string, { default?: string }> };
    const inputs = (over: Record<string, string>) => (expression: string) => {
      const name = /^inputs\.([\w-]+)$/.exec(expression)?.[1];
      if (!name) throw new Error(`unexpected expression ${expression}`);
      return over[name] ?? action.inputs[name]?.default ?? '';
    };
    const shell = () => action.runs.steps.filter((s) => s.run);

    it('is a composite action whose shell steps lint and diff, and which uploads the SARIF', () => {
      assert.equal(action.runs.using, 'composite');
      assert.equal(shell().length, 2);
      assert.ok(action.runs.steps.some((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@')));
    });

    for (const [what, over, expected] of [
      ['the defaults: an introduced error fails the job', { cli: CLI }, 1],
      ['fail-on none: the summary, and the job passes', { cli: CLI, 'fail-on': 'none' }, 0],
    ] as const)
      it(what, () => {
        const summary = join(work, `summary-${expected}.md`);
        const output = join(work, `output-${expected}.txt`);
        writeFileSync(summary, '');
        writeFileSync(output, '');
        const env = { GITHUB_STEP_SUMMARY: summary, GITHUB_OUTPUT: output };
        const [lintStep, diffStep] = shell();
        const lint = runStep(lintStep!.run!, lintStep!.env, inputs(over), repo, env, ['-eo', 'pipefail']);
        assert.equal(lint.status, 0, lint.stderr);
        assert.equal(readFileSync(output, 'utf8'), 'sarif-file=integration-manifests.sarif\n');
        checkSarif(join(repo, 'integration-manifests.sarif'));
        const diff = runStep(diffStep!.run!, diffStep!.env, inputs(over), repo, env, ['-eo', 'pipefail']);
        assert.equal(diff.status, expected, diff.stdout + diff.stderr);
        if (expected === 1) assert.match(diff.stdout, /::error file=manifests\/orders\.integration\.yaml::The change to manifests\/orders\.integration\.yaml introduces findings at or above error\./);
        checkSummary(readFileSync(summary, 'utf8'));
      });

    it('says so when the base commit is missing, and passes', () => {
      const summary = join(work, 'summary-nobase.md');
      writeFileSync(summary, '');
      const diffStep = shell()[1]!;
      const diff = runStep(diffStep.run!, diffStep.env, inputs({ cli: CLI, base: 'no-such-ref' }), repo, { GITHUB_STEP_SUMMARY: summary }, ['-eo', 'pipefail']);
      assert.equal(diff.status, 0);
      assert.match(diff.stdout, /::warning::No commit no-such-ref to compare with/);
    });
  });

  describe('ci/azure-pipelines.yml (Azure Pipelines steps template)', () => {
    const template = parse(readFileSync(join(ROOT, 'ci/azure-pipelines.yml'), 'utf8')) as { parameters: { name: string; default?: string | boolean }[]; steps: (Step | Record<string, unknown>)[] };
    const staging = () => join(work, 'staging');
    const values = (over: Record<string, string>) => (expression: string) => {
      const name = /^parameters\.(\w+)$/.exec(expression)?.[1];
      if (name) return over[name] ?? String(template.parameters.find((p) => p.name === name)?.default ?? '');
      if (expression === 'Build.ArtifactStagingDirectory') return staging();
      if (expression === 'Agent.TempDirectory') return join(work, 'agent-temp');
      throw new Error(`unexpected expression ${expression}`);
    };
    const bashSteps = () => template.steps.filter((s): s is Step => typeof (s as Step).bash === 'string');

    it('publishes the SARIF as CodeAnalysisLogs, and to Advanced Security when asked', () => {
      assert.equal(bashSteps().length, 2);
      assert.ok(template.steps.some((s) => (s as Step).task === 'PublishBuildArtifacts@1' && JSON.stringify(s).includes('CodeAnalysisLogs')));
      assert.match(JSON.stringify(template.steps), /AdvancedSecurity-Publish@1/);
    });

    for (const [what, over, expected] of [
      ['the defaults: an introduced error fails the run', {}, 1],
      ['failOn none: the summary, and the run passes', { failOn: 'none' }, 0],
    ] as const)
      it(what, () => {
        const params = { cli: CLI, ...over };
        const [lintStep, diffStep] = bashSteps();
        const lint = runStep(lintStep!.bash!, lintStep!.env, values(params), repo, {}, []);
        assert.equal(lint.status, 0, lint.stderr);
        checkSarif(join(staging(), 'CodeAnalysisLogs', 'integration-manifests.sarif'));
        const diff = runStep(diffStep!.bash!, diffStep!.env, values(params), repo, {}, []);
        assert.equal(diff.status, expected, diff.stdout + diff.stderr);
        const upload = /^##vso\[task\.uploadsummary\](.+)$/m.exec(diff.stdout)?.[1];
        assert.ok(upload, diff.stdout);
        checkSummary(readFileSync(upload, 'utf8'));
      });
  });
});
