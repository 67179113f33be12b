/**
 * The Node build (scripts/node-bundle.cjs): eemeli/yaml goes in as its ES module build, which
 * reads no environment variable while it parses and prints nothing of its own to stdout (the
 * server's channel under `--stdio`).
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { build } from 'esbuild';
import { nodeBundle } from '../../scripts/node-bundle.cjs';

const ROOT = join(__dirname, '../..');

describe('Node build: the YAML parser', function () {
  this.timeout(60_000);

  it('the server bundles eemeli/yaml as its ES modules, not its CommonJS build that reads the environment per token', async () => {
    const result = await build({ ...nodeBundle(), entryPoints: [join(ROOT, 'server/src/node/main.ts')], write: false, metafile: true, sourcemap: false, logLevel: 'silent', absWorkingDir: ROOT });
    const yamlFiles = Object.keys(result.metafile.inputs).filter((file) => file.startsWith('node_modules/yaml/'));
    assert.ok(yamlFiles.includes('node_modules/yaml/browser/dist/parse/parser.js'), yamlFiles.join('\n'));
    assert.deepEqual(yamlFiles.filter((file) => !file.startsWith('node_modules/yaml/browser/')), []);
    const text = result.outputFiles[0]!.text;
    assert.ok(!text.includes('LOG_TOKENS') && !text.includes('LOG_STREAM'));
    // The bundle parses YAML as the package does.
    assert.match(text, /\bParser = class\b/);
  });
});
