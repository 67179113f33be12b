/** The `integration-manifests` command line: lint, diagram and docs on the same engine as the editor. */
import { resolve } from 'node:path';
import { VERSION } from '../../shared/src/product';
import { runCli } from './cli/main';
import { visibleLines } from './cli/safeText';

/**
 * A reader that stops reading (`integration-manifests lint x | head -1`) closes the pipe, and the
 * next write fails with EPIPE. That is no error of ours: the output is dropped from then on and
 * the process ends with the command's own exit code, without a stack trace. Any other write
 * error is still thrown.
 */
function quietWhenClosed(stream: NodeJS.WriteStream): (text: string) => void {
  let closed = false;
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    closed = true;
  });
  return (text) => {
    if (!closed) stream.write(text);
  };
}

const stdout = quietWhenClosed(process.stdout);
const stderr = quietWhenClosed(process.stderr);

runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout,
  stderr,
  resolve: (f) => resolve(process.cwd(), f),
  color: !!process.stdout.isTTY && !process.env['NO_COLOR'],
  version: VERSION,
  env: process.env,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    // A bug of ours, but its message may quote a manifest: escaped like all other output.
    stderr(visibleLines(`integration-manifests: ${e instanceof Error ? e.stack : String(e)}\n`));
    process.exitCode = 2;
  },
);
