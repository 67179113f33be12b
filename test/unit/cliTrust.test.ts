/**
 * The command line with input it should not trust (issue "Trust", item 7): control characters
 * and bidirectional controls in a manifest, a file name or an argument; a reader that closes the
 * pipe; FIFOs, devices and folders named as manifests; numbers written in other ways than digits.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Log } from 'sarif';
import { runCli } from '../../server/src/cli/main';
import type { CliIo } from '../../server/src/cli/io';

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');

/** What must never reach the output raw: C0 (but newline and tab), DEL, C1, and the bidirectional controls. */
const FORBIDDEN = /[^\P{Cc}\n\t]|[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
/** The colour codes the CLI writes itself with `color` on: reset, dim, underline, red, yellow, cyan, bold red and bold yellow. */
const OUR_COLOURS = ['0', '2', '4', '31', '33', '36', '31;1', '33;1'].map((sgr) => `\u001b[${sgr}m`);
const withoutOurColours = (text: string) => OUR_COLOURS.reduce((t, code) => t.replaceAll(code, ''), text);

const hex = (s: string) => Array.from(s, (c) => `U+${c.codePointAt(0)!.toString(16).padStart(4, '0')}`).join(' ');

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i));

/** The hostile texts, by class. */
const CLASSES: Record<string, string[]> = {
  C0: range(0x00, 0x1f),
  DEL: ['\u007f'],
  C1: range(0x80, 0x9f),
  bidi: ['\u200e', '\u200f', ...range(0x202a, 0x202e), ...range(0x2066, 0x2069), '\u061c'],
  'escape sequences': ['\u001b[2J', '\u001b]0;title\u0007', '\u001b[31m', '\u001b[1A\u001b[2K', '\u009b2J', '\u001b]8;;x\u001b\\link\u001b]8;;\u001b\\'],
};

/** A harmless stand-in for the hostile text: the same findings, so the same line structure. */
const PLAIN = '~';

/** A value as a YAML double-quoted scalar, every character outside printable ASCII written as `\uXXXX`. */
function yamlString(value: string): string {
  return JSON.stringify(value).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

interface Values {
  systemName?: string;
  integrationId?: string;
  from?: string;
}

/**
 * A manifest with the hostile text in one place: the name of two systems (one drawn in every
 * diagram, one unused, so that a lint message quotes its name), the integration's id (quoted
 * by most rules and the docs' tables), or its `from` (an unknown reference, quoted by its message).
 */
function manifest({ systemName = 'Sales', integrationId = 'status', from = 'erp' }: Values): string {
  return [
    'integrationManifest: 1',
    'solution:',
    '  name: Trust',
    'systems:',
    '  - id: sales',
    `    name: ${yamlString(systemName)}`,
    '    kind: dynamics-365-sales',
    '    hosting: cloud',
    '  - id: erp',
    '    name: ERP',
    '    kind: erp',
    '    hosting: cloud',
    '  - id: crm',
    `    name: ${yamlString(systemName)}`,
    '    kind: dynamics-365-sales',
    '    hosting: cloud',
    'integrations:',
    `  - id: ${yamlString(integrationId)}`,
    '    name: Order status',
    '    type: data',
    `    from: ${yamlString(from)}`,
    '    to: sales',
    '    mode: async',
    '',
  ].join('\n');
}

interface Run {
  code: number;
  out: string;
  err: string;
}

async function run(cwd: string, args: string[], color = false): Promise<Run> {
  let out = '';
  let err = '';
  const io: CliIo = {
    cwd,
    stdout: (t) => void (out += t),
    stderr: (t) => void (err += t),
    resolve: (f) => resolve(cwd, f),
    color,
    version: '9.9.9',
  };
  const code = await runCli(args, io);
  return { code, out, err };
}

type Placement = 'system name' | 'integration id' | 'unknown reference' | 'file name';
const PLACEMENTS: Placement[] = ['system name', 'integration id', 'unknown reference', 'file name'];

function caseFiles(placement: Placement, text: string): { file: string; content: string } {
  switch (placement) {
    case 'system name':
      return { file: 'm.integration.yaml', content: manifest({ systemName: `Sales${text}x` }) };
    case 'integration id':
      return { file: 'm.integration.yaml', content: manifest({ integrationId: `st${text}atus` }) };
    case 'unknown reference':
      return { file: 'm.integration.yaml', content: manifest({ from: `${text}x` }) };
    case 'file name':
      // An unknown reference too, so that the diagrams' note on stderr names the file.
      return { file: `m${text}.integration.yaml`, content: manifest({ from: 'nowhere' }) };
  }
}

/** The outputs of every format for one manifest in its own folder. */
async function everyFormat(dir: string, file: string): Promise<Record<string, Run>> {
  const runs: Record<string, Run> = {};
  // lint expands a glob, so that a file name with glob characters (`\e[2J`) is still found.
  runs['stylish'] = await run(dir, ['lint', '*.integration.yaml']);
  runs['stylish, colour'] = await run(dir, ['lint', '*.integration.yaml'], true);
  runs['json'] = await run(dir, ['lint', '--format', 'json', '*.integration.yaml']);
  runs['sarif'] = await run(dir, ['lint', '--format', 'sarif', '*.integration.yaml']);
  runs['diagram'] = await run(dir, ['diagram', file]);
  runs['diagram, interaction'] = await run(dir, ['diagram', '--type', 'interaction', file]);
  runs['docs'] = await run(dir, ['docs', file]);
  const written = await run(dir, ['docs', '--output', 'out.md', file]);
  runs['docs --output'] = { ...written, out: readFileSync(join(dir, 'out.md'), 'utf8') };
  return runs;
}

function assertClean(what: string, text: string): void {
  const bad = FORBIDDEN.exec(text);
  assert.ok(!bad, `${what}: raw ${bad ? hex(bad[0]) : ''} at ${bad?.index ?? -1} in ${JSON.stringify(text.slice(Math.max(0, (bad?.index ?? 0) - 40), (bad?.index ?? 0) + 40))}`);
}

const lineCount = (s: string) => s.split('\n').length;

/** Every finding's file and message, from json or SARIF output. */
function findingsOf(format: 'json' | 'sarif', out: string): { file: string; message: string }[] {
  if (format === 'json') return JSON.parse(out) as { file: string; message: string }[];
  const results = (JSON.parse(out) as Log).runs[0]?.results ?? [];
  return results.map((r) => ({ file: decodeURIComponent(r.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? ''), message: r.message.text ?? '' }));
}

describe('command line: trust', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'im-cli-trust-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  describe('control characters are escaped in every format', function () {
    this.timeout(300_000);
    /** Outputs checked, by class: one per text, place and output format, and one per text and hostile argument. */
    const counts = new Map<string, number>();
    const count = (klass: string) => counts.set(klass, (counts.get(klass) ?? 0) + 1);
    after(() => console.log(`      outputs checked: ${[...counts].map(([k, v]) => `${k} ${v}`).join(', ')}`));

    let n = 0;
    const folder = () => {
      const d = join(dir, `case-${n++}`);
      mkdirSync(d);
      return d;
    };

    for (const [klass, texts] of Object.entries(CLASSES)) {
      for (const placement of PLACEMENTS)
        it(`${klass} in a ${placement}: ${texts.length} texts × 8 outputs (stylish, coloured stylish, json, sarif, two diagrams, docs, docs --output)`, async () => {
          const { file: plainFile, content: plainContent } = caseFiles(placement, PLAIN);
          const plainDir = folder();
          writeFileSync(join(plainDir, plainFile), plainContent);
          const baseline = await everyFormat(plainDir, plainFile);

          for (const text of texts) {
            if (placement === 'file name' && text.includes('\0')) continue; // no file name holds NUL; see the arguments test
            const { file, content } = caseFiles(placement, text);
            const d = folder();
            writeFileSync(join(d, file), content);
            const runs = await everyFormat(d, file);
            for (const [format, r] of Object.entries(runs)) {
              const what = `${hex(text)} in a ${placement}, ${format}`;
              count(klass);
              assert.equal(r.code, baseline[format]!.code, `${what}: exit code`);
              if (format === 'stylish, colour') {
                assert.ok(r.out.includes('\u001b['), `${what}: no colour at all`);
                assert.equal(withoutOurColours(r.out), runs['stylish']!.out, `${what}: other escape sequences than our colours`);
              } else assertClean(`${what}, stdout`, r.out);
              assertClean(`${what}, stderr`, r.err);
              // Newlines are the format's own: the hostile text adds none, removes none.
              assert.equal(lineCount(r.out), lineCount(baseline[format]!.out), `${what}: lines of stdout`);
              assert.equal(lineCount(r.err), lineCount(baseline[format]!.err), `${what}: lines of stderr`);
              if (format.startsWith('stylish')) assert.ok(!r.out.includes('\t'), `${what}: a tab in stylish output`);
            }
            // The JSON formats stay valid and keep the text: escaped, not lost.
            for (const format of ['json', 'sarif'] as const) {
              const findings = findingsOf(format, runs[format]!.out);
              assert.ok(!runs[format]!.out.includes('\t'), `${hex(text)}: a raw tab in ${format}`);
              if (placement === 'file name') assert.ok(findings.length && findings.every((f) => f.file === file), `${hex(text)}: ${format} file names`);
              // The engine quotes a value up to its first line break (`clipQuotes`), so only other texts are kept whole.
              if (placement === 'unknown reference' && !/[\n\r]/.test(text))
                assert.ok(
                  findings.some((f) => f.message.includes(`${text}x`)),
                  `${hex(text)}: ${format} lost the text of the message`,
                );
            }
          }
        });

      it(`${klass} in arguments: ${texts.length} texts × 3 messages on stderr (an unknown integration, a missing file, an unknown format)`, async () => {
        const d = folder();
        writeFileSync(join(d, 'm.integration.yaml'), manifest({}));
        for (const text of texts) {
          for (const args of [
            ['diagram', '--integration', `x${text}`, 'm.integration.yaml'],
            ['lint', `missing${text}.integration.yaml`],
            ['lint', '--format', `x${text}`, 'm.integration.yaml'],
          ]) {
            const r = await run(d, args);
            const what = `${hex(text)} in ${args.join(' ')}`;
            count(klass);
            assert.equal(r.code, 2, what);
            assert.equal(r.out, '', what);
            assertClean(what, r.err);
            assert.match(r.err, /^integration-manifests: [^\n]*\n$/, `${what}: one line`);
          }
        }
      });
    }
  });

  describe('numeric options take digits only', () => {
    let file: string;
    before(() => {
      file = join(dir, 'warnings.integration.yaml');
      writeFileSync(file, manifest({}));
    });

    const refused = ['1e3', '0x10', '+5', ' 5', '5 ', '5.0', '-0', '-1', 'Infinity', 'NaN', '', '١٢', '5\n', '1_000', '9'.repeat(16), '9'.repeat(400)];
    for (const raw of refused)
      it(`refuses --max-warnings ${JSON.stringify(raw)}`, async () => {
        for (const args of [
          ['lint', '--max-warnings', raw, file],
          ['lint', `--max-warnings=${raw}`, file],
        ]) {
          const r = await run(dir, args);
          assert.equal(r.code, 2, args.join(' '));
          assert.equal(r.out, '');
          assert.match(r.err, /^integration-manifests: --max-warnings takes a whole number/);
          assert.match(r.err, raw.length > 40 ? /…'/ : /Write it in digits|up to 9007199254740991/);
          assert.ok(!/\n\s+at /.test(r.err), r.err);
        }
      });

    it('says that -1 is not "no limit": the option is left out for that', async () => {
      const r = await run(dir, ['lint', '--max-warnings', '-1', file]);
      assert.match(r.err, /not '-1'\. Write it in digits, such as 0 or 10\. Leave the option out for no limit\./);
    });

    it('accepts plain digits, up to Number.MAX_SAFE_INTEGER', async () => {
      const warnings = (await run(dir, ['lint', '--format', 'json', file])).out;
      const count = (JSON.parse(warnings) as { severity: string }[]).filter((f) => f.severity === 'warning').length;
      assert.ok(count > 0);
      for (const [raw, code] of [
        ['0', 1],
        [String(count - 1), 1],
        [String(count), 0],
        ['0' + String(count), 0],
        [String(Number.MAX_SAFE_INTEGER), 0],
      ] as const) {
        const r = await run(dir, ['lint', '--max-warnings', raw, file]);
        assert.equal(r.code, code, `--max-warnings ${raw}: ${r.err}`);
      }
    });
  });

  describe('the bundle', function () {
    this.timeout(300_000);
    before(function () {
      if (process.platform === 'win32') this.skip();
      execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'pipe' });
    });

    describe('reads regular files only', () => {
      let d: string;
      before(() => {
        d = join(dir, 'special');
        mkdirSync(join(d, 'folder'), { recursive: true });
        execFileSync('mkfifo', [join(d, 'fifo.integration.yaml')]);
        symlinkSync('fifo.integration.yaml', join(d, 'link.integration.yaml'));
        symlinkSync('/dev/zero', join(d, 'zero.integration.yaml'));
      });

      /** Runs the bundle; a hang is cut after 10 s and fails the test. */
      const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: d, encoding: 'utf8', timeout: 10_000, input: '' });

      const cases: [string, string[], RegExp][] = [
        ['a FIFO', ['lint', 'fifo.integration.yaml'], /^integration-manifests: fifo\.integration\.yaml is a named pipe \(FIFO\), not a regular file: only regular manifest files are read\.\n$/],
        ['a symbolic link to a FIFO', ['lint', 'link.integration.yaml'], /^integration-manifests: link\.integration\.yaml is a named pipe \(FIFO\), not a regular file/],
        // The glob leaves out the FIFO itself but matches the link to it (tinyglobby's `onlyFiles`).
        ['a FIFO matched by a glob', ['lint', '*.integration.yaml'], /^integration-manifests: (fifo|link)\.integration\.yaml is a named pipe \(FIFO\)/],
        ['a FIFO for diagram', ['diagram', 'fifo.integration.yaml'], /is a named pipe \(FIFO\)/],
        ['a FIFO for docs', ['docs', 'fifo.integration.yaml'], /is a named pipe \(FIFO\)/],
        ['/dev/zero', ['lint', '/dev/zero'], /^integration-manifests: \/dev\/zero is a character device, not a regular file/],
        ['a symbolic link to /dev/zero', ['docs', 'zero.integration.yaml'], /zero\.integration\.yaml is a character device/],
        ['/dev/random', ['lint', '/dev/random'], /\/dev\/random is a character device/],
        ['/dev/stdin (a pipe here)', ['lint', '/dev/stdin'], /\/dev\/stdin is a (named pipe \(FIFO\)|character device|socket)/],
        ['a folder', ['lint', 'folder'], /^integration-manifests: folder is a folder; give manifest files or a glob such as 'folder\/\*\.integration\.yaml'\.\n$/],
        ['a folder for diagram', ['diagram', 'folder/'], /folder\/ is a folder/],
      ];
      for (const [what, args, message] of cases)
        it(`refuses ${what} at once, with exit code 2`, () => {
          const r = cli(...args);
          assert.equal(r.error, undefined, `${what}: ${String(r.error)}`);
          assert.equal(r.status, 2, r.stderr);
          assert.equal(r.stdout, '');
          assert.match(r.stderr, message);
        });
    });

    describe('a reader that closes the pipe', () => {
      let d: string;
      before(() => {
        d = join(dir, 'pipe');
        mkdirSync(d);
        // 1500 integrations: hundreds of kilobytes of output in every format, several pipe buffers.
        const n = 1500;
        const lines = ['integrationManifest: 1', 'solution:', '  name: Big', 'systems:'];
        for (let i = 0; i < n; i++) lines.push(`  - id: s${i}`, `    name: System ${i}`, '    kind: erp', '    hosting: cloud');
        lines.push('integrations:');
        for (let i = 0; i < n; i++) lines.push(`  - id: i${i}`, `    name: Integration ${i}`, '    type: data', `    from: s${i}`, `    to: ${i === 0 ? 'nowhere' : `s${(i + 1) % n}`}`, '    mode: async');
        writeFileSync(join(d, 'big.integration.yaml'), lines.join('\n') + '\n');
      });

      /** Spawns the bundle, reads one chunk of its output, then closes the pipe; resolves with its exit code and stderr. */
      function readOneChunk(args: string[]): Promise<{ code: number | null; signal: string | null; first: number; err: string }> {
        return new Promise((done, fail) => {
          const child = spawn(process.execPath, [CLI, ...args], { cwd: d, stdio: ['ignore', 'pipe', 'pipe'] });
          let err = '';
          let first = 0;
          child.stderr.setEncoding('utf8').on('data', (t: string) => (err += t));
          child.stdout.once('data', (chunk: Buffer) => {
            first = chunk.length;
            child.stdout.destroy();
          });
          child.on('error', fail);
          child.on('close', (code, signal) => done({ code, signal, first, err }));
        });
      }

      const cases: [string, string[], number][] = [
        ['lint --format json', ['lint', '--format', 'json', 'big.integration.yaml'], 1],
        ['lint (stylish)', ['lint', 'big.integration.yaml'], 1],
        ['diagram --type interaction', ['diagram', '--type', 'interaction', 'big.integration.yaml'], 0],
      ];
      for (const [what, args, code] of cases)
        it(`ends ${what} quietly with its own exit code (${code})`, async () => {
          const whole = spawnSync(process.execPath, [CLI, ...args], { cwd: d, encoding: 'utf8', maxBuffer: 1 << 28 });
          assert.equal(whole.status, code, whole.stderr);
          assert.ok(whole.stdout.length > 256 * 1024, `${what}: only ${whole.stdout.length} characters, too few to fill the pipe`);
          const r = await readOneChunk(args);
          assert.ok(r.first > 0);
          // diagram notes the manifest's error on stderr; nothing else may be there, least of all EPIPE.
          assert.equal(r.err.replace(/^Note: big\.integration\.yaml has 1 error; .*\n$/, ''), '', `${what}: stderr`);
          assert.deepEqual([r.code, r.signal], [code, null], `${what}: exit`);
        });
    });
  });
});
