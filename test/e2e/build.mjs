// Bundles the extension API suite (test/e2e/suite) into out/e2e/suite/: one CommonJS file per
// test file plus index.js, which VS Code's extension host loads. `vscode` is the host's own
// module; mocha is loaded from the project's node_modules.
// Usage: node test/e2e/build.mjs
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const SUITE_SOURCE = fileURLToPath(new URL('./suite/', import.meta.url));
export const SUITE_OUT = fileURLToPath(new URL('../../out/e2e/suite/', import.meta.url));
/** What `--extensionTestsPath` names. */
export const SUITE_INDEX = join(SUITE_OUT, 'index.js');

export async function buildSuite() {
  rmSync(SUITE_OUT, { recursive: true, force: true });
  const entryPoints = readdirSync(SUITE_SOURCE)
    .filter((f) => f === 'index.ts' || f.endsWith('.test.ts'))
    .map((f) => join(SUITE_SOURCE, f));
  await esbuild.build({
    entryPoints,
    outdir: SUITE_OUT,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  return SUITE_INDEX;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildSuite();
  console.log(`built ${SUITE_OUT}`);
}
