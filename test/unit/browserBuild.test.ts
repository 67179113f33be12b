/**
 * The web build (scripts/browser-bundle.cjs): a Node built-in module anywhere in a browser
 * bundle's imports fails the build, naming it; the real web entries build with the whole
 * engine inside and no Node module.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type BuildFailure } from 'esbuild';
import { browserBundle } from '../../scripts/browser-bundle.cjs';

const ROOT = join(__dirname, '../..');

describe('web build: no Node built-ins', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'browser-build-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** Bundles `source` for the browser; the errors of the build, none when it succeeds. */
  async function errorsOf(source: string): Promise<string[]> {
    const entry = join(dir, `entry-${Math.random().toString(36).slice(2)}.ts`);
    writeFileSync(entry, source);
    try {
      await build({ ...browserBundle(), entryPoints: [entry], write: false, logLevel: 'silent', format: 'iife', nodePaths: [join(ROOT, 'node_modules')] });
      return [];
    } catch (e) {
      return (e as BuildFailure).errors.map((error) => error.text);
    }
  }

  for (const name of ['node:fs', 'fs', 'path', 'worker_threads', 'node:worker_threads', 'fs/promises', 'crypto']) {
    it(`an import of ${name} fails the build and says why`, async () => {
      const errors = await errorsOf(`import * as m from '${name}';\nconsole.log(m);\n`);
      assert.equal(errors.length, 1, errors.join('\n'));
      assert.match(errors[0]!, new RegExp(`"${name}" is a Node built-in module: the web build runs where Node is not`));
    });
  }

  it('an import deep in a dependency fails it too (through a file that imports one)', async () => {
    writeFileSync(join(dir, 'helper.ts'), "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n");
    const errors = await errorsOf("import { read } from './helper';\nconsole.log(read);\n");
    assert.deepEqual(errors.length, 1);
  });

  it('a package of the same name outside Node, or a relative file, is not mistaken for one', async () => {
    writeFileSync(join(dir, 'path.ts'), 'export const sep = "/";\n');
    assert.deepEqual(await errorsOf("import { sep } from './path';\nimport { parse } from 'yaml';\nconsole.log(sep, parse);\n"), []);
  });

  for (const [entry, mustHold] of [
    ['server/src/browser/main.ts', ['server/src/rules/index.ts', 'server/src/analysis/analyze.ts', 'server/src/incremental/documentAnalyses.ts', 'server/src/languageService.ts', 'server/src/server.ts']],
    ['client/src/browser/extension.ts', ['client/src/activation.ts', 'client/src/preview/panel.ts']],
  ] as const) {
    it(`${entry} builds for the browser with ${mustHold.length} files of ours inside and no Node module`, async () => {
      const result = await build({ ...browserBundle(), entryPoints: [join(ROOT, entry)], write: false, metafile: true, logLevel: 'silent', format: 'iife', external: ['vscode'], absWorkingDir: ROOT });
      const inputs = Object.keys(result.metafile.inputs);
      for (const file of mustHold) assert.ok(inputs.includes(file), `${file} is not in the bundle`);
      assert.deepEqual(inputs.filter((file) => file.startsWith('node:') || /(^|\/)node\//.test(file.replace(/^node_modules\/.*$/, ''))), []);
    });
  }
});
