/** Test helpers for the command line: run it in process with what it writes recorded, and git with a fixed identity. */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { CliIo } from '../../server/src/cli/io';
import { runCli } from '../../server/src/cli/main';

/** Runs the CLI in `cwd` with these arguments; returns its exit code and what it wrote. */
export async function runIn(cwd: string, args: readonly string[], more: Partial<CliIo> = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { cwd, stdout: (t) => void (out += t), stderr: (t) => void (err += t), resolve: (f) => resolve(cwd, f), color: false, version: '9.9.9', ...more };
  const code = await runCli([...args], io);
  return { code, out, err };
}

/** git in `cwd`, as a test user, without signing. */
export function git(cwd: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd, stdio: 'pipe' });
}
