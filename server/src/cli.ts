/** The `integration-manifests` command line: lint, diagram and docs on the same engine as the editor. */
import { resolve } from 'node:path';
import { VERSION } from '../../shared/src/product';
import { runCli } from './cli/main';

runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  resolve: (f) => resolve(process.cwd(), f),
  color: !!process.stdout.isTTY && !process.env['NO_COLOR'],
  version: VERSION,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`integration-manifests: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exitCode = 2;
  },
);
