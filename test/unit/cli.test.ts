import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Log } from 'sarif';
import { USAGE, runCli } from '../../server/src/cli/main';
import type { CliIo } from '../../server/src/cli/io';
import { RULES } from '../../server/src/rules';
import { ruleDocsUrl } from '../../shared/src/product';
import { BASE, withIntegration } from '../helpers/text';

const ROOT = join(__dirname, '..', '..');

/** The CLI's surroundings, recorded. */
interface FakeIo extends CliIo {
  out: string;
  err: string;
}

function fakeIo(cwd: string): FakeIo {
  const io: FakeIo = {
    cwd,
    out: '',
    err: '',
    stdout: (t) => void (io.out += t),
    stderr: (t) => void (io.err += t),
    resolve: (f) => resolve(cwd, f),
    color: false,
    version: '9.9.9',
  };
  return io;
}

async function run(cwd: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = fakeIo(cwd);
  const code = await runCli(args, io);
  return { code, out: io.out, err: io.err };
}

/** A clean manifest, one with an error and a warning, one with only warnings. */
const CLEAN = BASE;
const BROKEN = withIntegration({ mode: 'asink', monitoring: null });
const WARNINGS = withIntegration({ monitoring: null, errorHandling: null });
/** Only an info finding: the integration serves no goal. */
const INFO = withIntegration({ goals: null });

/**
 * The findings of BROKEN and WARNINGS, in the words of their rules (written out here, not read
 * from the engine), as the command line prints them: plain text, quotes in single quotes.
 */
const MONITORING = "Integration 'status' has no monitoring. Add 'monitoring' with a tool such as Application Insights and alerts, so failures reach the people who support it.";
const BAD_MODE = "'mode' must be one of sync, async, batch; did you mean 'async'?";
const BROKEN_RULES = ['monitoring-required', 'schema'];
const WARNINGS_RULES = ['error-handling-required', 'monitoring-required', 'dead-letter'];
/** The escape character that starts an ANSI colour code. */
const ESC = String.fromCharCode(27);

/** 1-based line and column of `needle` (its `occurrence`-th appearance) in `text`. */
function positionOf(text: string, needle: string): { line: number; column: number } {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, needle);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

describe('command line', () => {
  let dir: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'im-cli-'));
    writeFileSync(join(dir, 'clean.integration.yaml'), CLEAN);
    writeFileSync(join(dir, 'broken.integration.yaml'), BROKEN);
    writeFileSync(join(dir, 'warnings.integration.yaml'), WARNINGS);
    writeFileSync(join(dir, 'info.integration.yaml'), INFO);
    writeFileSync(join(dir, 'notes.yaml'), 'not: a manifest\n');
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'nested.integration.yaml'), CLEAN);
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  describe('stylish', () => {
    it('groups findings under their file, one aligned line each, then a summary', async () => {
      const { code, out } = await run(dir, 'lint', 'broken.integration.yaml');
      assert.equal(code, 1);
      const id = positionOf(BROKEN, 'id: status');
      const m = { line: id.line, column: id.column + 'id: '.length };
      const s = positionOf(BROKEN, 'asink');
      assert.equal(
        out,
        [
          'broken.integration.yaml',
          `  ${m.line}:${m.column}   warning  ${MONITORING}  monitoring-required`,
          `  ${s.line}:${s.column}  error    ${BAD_MODE}  schema`,
          '',
          '2 problems (1 error, 1 warning, 0 info, 0 hints) in 1 file',
          '',
        ].join('\n'),
      );
    });

    it('leaves out files without findings and says when there are none at all', async () => {
      const mixed = await run(dir, 'lint', 'clean.integration.yaml', 'broken.integration.yaml');
      assert.ok(!mixed.out.includes('clean.integration.yaml'));
      assert.match(mixed.out, /in 2 files\n$/);
      const clean = await run(dir, 'lint', 'clean.integration.yaml');
      assert.deepEqual(clean, { code: 0, out: 'No problems found in 1 file.\n', err: '' });
    });

    it('colours the output only when asked to', async () => {
      const io = { ...fakeIo(dir), color: true };
      let out = '';
      io.stdout = (t) => void (out += t);
      await runCli(['lint', 'broken.integration.yaml'], io);
      assert.ok(out.includes(`${ESC}[31merror`), `no red \`error\` in ${JSON.stringify(out)}`);
    });
  });

  describe('json', () => {
    it('prints one array of findings with exactly the keys README documents and 1-based positions', async () => {
      const { code, out } = await run(dir, 'lint', '--format', 'json', 'broken.integration.yaml');
      assert.equal(code, 1);
      const findings = JSON.parse(out) as Record<string, unknown>[];
      assert.ok(Array.isArray(findings));
      assert.equal(findings.length, 2);
      for (const f of findings) assert.deepEqual(Object.keys(f), ['file', 'rule', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn']);
      const s = positionOf(BROKEN, 'asink');
      const schema = findings.find((f) => f['rule'] === 'schema')!;
      assert.deepEqual(schema, {
        file: 'broken.integration.yaml',
        rule: 'schema',
        severity: 'error',
        message: BAD_MODE,
        line: s.line,
        column: s.column,
        endLine: s.line,
        endColumn: s.column + 'asink'.length,
      });
      assert.equal(findings.find((f) => f['rule'] === 'monitoring-required')!['severity'], 'warning');
    });

    it('prints an empty array for clean files', async () => {
      const { code, out } = await run(dir, 'lint', '--format=json', 'clean.integration.yaml');
      assert.equal(code, 0);
      assert.deepEqual(JSON.parse(out), []);
    });
  });

  describe('sarif', () => {
    it('prints SARIF 2.1.0 with one rules entry per rule and one result per finding', async () => {
      const { code, out } = await run(dir, 'lint', '--format', 'sarif', 'broken.integration.yaml', 'warnings.integration.yaml');
      assert.equal(code, 1);
      const log = JSON.parse(out) as Log;
      assert.equal(log.version, '2.1.0');
      assert.match(log.$schema ?? '', /sarif-2\.1\.0/);
      assert.equal(log.runs.length, 1);
      const [only] = log.runs;
      assert.ok(only);
      const driver = only.tool.driver;
      assert.equal(driver.name, 'integration-manifests');
      assert.equal(driver.version, '9.9.9');
      const rules = driver.rules ?? [];
      assert.deepEqual(
        rules.map((r) => r.id),
        RULES.map((r) => r.id),
      );
      for (const r of rules) {
        const rule = RULES.find((x) => x.id === r.id)!;
        assert.equal(r.shortDescription?.text, rule.summary);
        assert.equal(r.helpUri, ruleDocsUrl(rule.id));
      }
      const results = only.results ?? [];
      assert.deepEqual(
        results.map((r) => [r.ruleId, r.level]),
        [...BROKEN_RULES, ...WARNINGS_RULES].map((id) => [id, id === 'schema' ? 'error' : 'warning']),
      );
      const schema = results.find((r) => r.ruleId === 'schema');
      assert.ok(schema);
      const s = positionOf(BROKEN, 'asink');
      assert.equal(rules[schema.ruleIndex ?? -1]?.id, 'schema');
      assert.equal(schema.message.text, BAD_MODE);
      assert.deepEqual(schema.locations?.[0]?.physicalLocation, {
        artifactLocation: { uri: 'broken.integration.yaml', uriBaseId: '%SRCROOT%' },
        region: { startLine: s.line, startColumn: s.column, endLine: s.line, endColumn: s.column + 5 },
      });
    });

    it('maps info to note', async () => {
      const { out } = await run(dir, 'lint', '--format', 'sarif', 'info.integration.yaml');
      const results = (JSON.parse(out) as Log).runs[0]?.results ?? [];
      const goal = results.find((r) => r.ruleId === 'goal-alignment');
      assert.equal(goal?.level, 'note');
    });
  });

  describe('exit codes', () => {
    it('is 1 with an error finding, 0 without', async () => {
      assert.equal((await run(dir, 'lint', 'broken.integration.yaml')).code, 1);
      assert.equal((await run(dir, 'lint', 'clean.integration.yaml')).code, 0);
      assert.equal((await run(dir, 'lint', 'warnings.integration.yaml')).code, 0, 'warnings alone do not fail');
    });

    it('--max-warnings fails above the maximum and passes at it', async () => {
      const warnings = WARNINGS_RULES.length;
      const above = await run(dir, 'lint', '--max-warnings', String(warnings - 1), 'warnings.integration.yaml');
      assert.equal(above.code, 1);
      assert.equal(above.err, `Too many warnings (${warnings}); at most ${warnings - 1} allowed by --max-warnings.\n`);
      const at = await run(dir, 'lint', '--max-warnings', String(warnings), 'warnings.integration.yaml');
      assert.equal(at.code, 0);
      assert.equal(at.err, '');
      assert.equal((await run(dir, 'lint', '--max-warnings', '-1', 'warnings.integration.yaml')).code, 2, 'no negative counts: leaving the option out means no limit');
    });

    it('--max-warnings keeps json output parseable', async () => {
      const { code, out, err } = await run(dir, 'lint', '--format', 'json', '--max-warnings', '0', 'warnings.integration.yaml');
      assert.equal(code, 1);
      assert.ok(Array.isArray(JSON.parse(out)));
      assert.match(err, /Too many warnings/);
    });

    const usage: [string, string[], RegExp][] = [
      ['an unknown format', ['lint', '--format', 'xml', 'clean.integration.yaml'], /Unknown format 'xml': use stylish, json or sarif\./],
      ['an unknown option', ['lint', '--fxi', 'clean.integration.yaml'], /Unknown option '--fxi'\. Run 'integration-manifests --help' for the options\./],
      ['a bad --max-warnings', ['lint', '--max-warnings', 'many', 'clean.integration.yaml'], /--max-warnings takes a whole number, not 'many'\./],
      ['a missing file', ['lint', 'missing.integration.yaml'], /File not found: missing\.integration\.yaml/],
      ['a folder', ['lint', 'sub'], /sub is a folder; give manifest files or a glob such as 'sub\/\*\.integration\.yaml'\./],
      ['a glob that matches nothing', ['lint', '*.integration.yml'], /No files match '\*\.integration\.yml'\./],
      ['no files', ['lint'], /lint needs at least one file or glob/],
      ['an unknown command', ['check', 'clean.integration.yaml'], /Unknown command 'check'/],
    ];
    for (const [what, args, message] of usage)
      it(`is 2 for ${what}, with a clear message and no stack`, async () => {
        const { code, out, err } = await run(dir, ...args);
        assert.equal(code, 2);
        assert.equal(out, '');
        assert.match(err, /^integration-manifests: /);
        assert.match(err, message);
        assert.ok(!/\n\s+at /.test(err), err);
      });

    it('prints the usage for --help (0) and for no command (2); the version for --version', async () => {
      assert.deepEqual(await run(dir, '--help'), { code: 0, out: USAGE, err: '' });
      assert.deepEqual(await run(dir), { code: 2, out: USAGE, err: '' });
      assert.deepEqual(await run(dir, '--version'), { code: 0, out: '9.9.9\n', err: '' });
    });
  });

  describe('globs', () => {
    it('expands a glob in the working folder, sorted, without matching other YAML', async () => {
      const { out } = await run(dir, 'lint', '--format', 'json', '*.integration.yaml');
      const files = [...new Set((JSON.parse(out) as { file: string }[]).map((f) => f.file))];
      assert.deepEqual(files, ['broken.integration.yaml', 'info.integration.yaml', 'warnings.integration.yaml']);
      const stylish = await run(dir, 'lint', '*.integration.yaml');
      assert.match(stylish.out, /in 4 files\n$/, 'clean.integration.yaml and info.integration.yaml count too');
    });

    it('expands `**` into sub-folders', async () => {
      const { out } = await run(dir, 'lint', '**/nested.integration.yaml');
      assert.equal(out, 'No problems found in 1 file.\n');
    });

    it('lints a file named twice once', async () => {
      const { out } = await run(dir, 'lint', '--format', 'json', 'broken.integration.yaml', './broken.integration.yaml', 'broken.*.yaml');
      assert.equal((JSON.parse(out) as unknown[]).length, 2);
    });

    it('keeps absolute paths absolute', async () => {
      const { out } = await run(dir, 'lint', '--format', 'json', join(dir, 'broken.*.yaml'));
      assert.equal((JSON.parse(out) as { file: string }[])[0]!.file, join(dir, 'broken.integration.yaml'));
    });
  });

  describe('the bundle', () => {
    before(function () {
      this.timeout(300_000);
      execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'pipe' });
    });

    it('`node dist/cli.js lint` runs the same engine and exits as documented', () => {
      const broken = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'lint', '--format', 'json', 'broken.integration.yaml'], { cwd: dir, encoding: 'utf8' });
      assert.equal(broken.status, 1, broken.stderr);
      const findings = JSON.parse(broken.stdout) as { rule: string }[];
      assert.deepEqual(findings.map((f) => f.rule), ['monitoring-required', 'schema']);
      const clean = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'lint', 'clean.integration.yaml'], { cwd: dir, encoding: 'utf8' });
      assert.equal(clean.status, 0, clean.stderr);
      assert.equal(clean.stdout, 'No problems found in 1 file.\n');
      const missing = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'lint', 'nope.yaml'], { cwd: dir, encoding: 'utf8' });
      assert.equal(missing.status, 2);
      assert.equal(missing.stderr, 'integration-manifests: File not found: nope.yaml\n');
    });
  });
});
