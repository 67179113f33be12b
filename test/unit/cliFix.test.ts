/** `lint --fix`: writes the fixed files, says what it applied and what remains, never touches a file with YAML errors. */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runIn } from '../helpers/cli';
import { fixableProblems } from '../../server/src/analysis/fixAll';
import { commentsOf, lintText, withIntegration } from '../helpers/text';

const run = (cwd: string, ...args: string[]) => runIn(cwd, args);

/** Without error handling (a warning with a fix), with comments around it. */
const FIXABLE = withIntegration({ errorHandling: null }).replace('    mode: async\n', '    mode: async # decided in the design review\n').replace('integrations:\n', '# the integrations\nintegrations:\n');
const BROKEN = FIXABLE + 'oops: [unclosed\n';

describe('cli lint --fix', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cli-fix-'));
    writeFileSync(join(dir, 'orders.integration.yaml'), FIXABLE);
    writeFileSync(join(dir, 'broken.integration.yaml'), BROKEN);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the fixes, keeps every comment, prints what it applied and what remains', async () => {
    const { code, out, err } = await run(dir, 'lint', '--fix', 'orders.integration.yaml');
    assert.equal(code, 0);
    const after = readFileSync(join(dir, 'orders.integration.yaml'), 'utf8');
    assert.notEqual(after, FIXABLE);
    assert.match(after, /\n {4}errorHandling:\n/);
    assert.match(after, /deadLetter: true/);
    assert.deepEqual(commentsOf(after), commentsOf(FIXABLE));
    assert.match(err, /^orders\.integration\.yaml: \d+ fix(es)? applied/);
    assert.match(err, /\n {2}error-handling-required \(integration status\): /);
    assert.match(err, /Applied \d+ fix(es)? in 1 file\. No finding remains\.\n$/);
    assert.equal(out, 'No problems found in 1 file.\n');
    const again = await run(dir, 'lint', '--fix', 'orders.integration.yaml');
    assert.equal(again.err, 'Nothing to fix. No finding remains.\n');
    assert.equal(readFileSync(join(dir, 'orders.integration.yaml'), 'utf8'), after);
  });

  it('never touches a file with YAML errors, and lists its findings', async () => {
    const { code, out, err } = await run(dir, 'lint', '--fix', '*.integration.yaml');
    assert.equal(code, 1);
    assert.equal(readFileSync(join(dir, 'broken.integration.yaml'), 'utf8'), BROKEN);
    assert.notEqual(readFileSync(join(dir, 'orders.integration.yaml'), 'utf8'), FIXABLE, 'the other file is fixed');
    assert.match(err, /^broken\.integration\.yaml: not fixed: it has YAML syntax errors/m);
    assert.match(out, /yaml-syntax/);
    assert.match(out, /error-handling-required/, 'the findings of the file left alone are listed');
  });

  it('json output stays parseable: the report goes to stderr, the remaining findings to stdout', async () => {
    const { out, err } = await run(dir, 'lint', '--fix', '--format', 'json', 'orders.integration.yaml');
    assert.deepEqual(JSON.parse(out), []);
    assert.match(err, /Applied/);
  });

  it('on every example: files written, no fixable finding left, every comment in place', async () => {
    const examples = join(__dirname, '../../examples');
    const files = readdirSync(examples).filter((f) => f.endsWith('.integration.yaml'));
    for (const f of files) writeFileSync(join(dir, f), readFileSync(join(examples, f), 'utf8'));
    const { err } = await run(dir, 'lint', '--fix', ...files);
    assert.match(err, /^Applied \d+ fix(es)? in \d+ files?\./m);
    for (const f of files) {
      const before = readFileSync(join(examples, f), 'utf8');
      const after = readFileSync(join(dir, f), 'utf8');
      assert.deepEqual(fixableProblems(lintText(after)).map((p) => p.rule), [], f);
      assert.deepEqual(commentsOf(after), commentsOf(before), f);
    }
  });
});
