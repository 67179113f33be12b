/**
 * A manifest's text at a git ref, for `diff --git <ref> <file>`, through the `git` command
 * (no library: the user's own git, with its configuration, is what they compare with). Each
 * thing that can go wrong is a `CliError` that says what to do: git missing, the file outside a
 * repository, a ref git does not know. A file that did not exist at the ref is not an error:
 * its text is undefined, and the diff shows everything as added.
 */
import { execFileSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { dirname, relative, sep } from 'node:path';
import { CliError } from './io';

export interface GitText {
  /** The text at the ref; undefined when the file did not exist there. */
  text: string | undefined;
  /** The file's path in the repository, with `/`. */
  path: string;
}

export function gitShow(ref: string, absoluteFile: string, file: string): GitText {
  if (!ref || ref.startsWith('-')) throw new CliError(`\`${ref}\` is not a git ref: give a branch, a tag or a commit, such as HEAD or main.`);
  let real: string;
  try {
    real = realpathSync(absoluteFile);
  } catch {
    throw new CliError(`File not found: ${file}`);
  }
  const cwd = dirname(real);
  const top = git(['rev-parse', '--show-toplevel'], cwd);
  if (top.status !== 0) throw new CliError(`${file} is not in a git repository, so there is nothing to compare it with. Compare two files instead: integration-manifests diff <base> <head>.`);
  if (git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], cwd).status !== 0)
    throw new CliError(`git does not know the ref \`${ref}\` in the repository of ${file}. Give a branch, a tag or a commit (in CI, fetch enough history: actions/checkout with fetch-depth: 0).`);
  const path = relative(realpathSync(top.stdout.trim()), real).split(sep).join('/');
  const shown = git(['cat-file', 'blob', `${ref}:${path}`], cwd);
  return { text: shown.status === 0 ? shown.stdout : undefined, path };
}

function git(args: string[], cwd: string): { status: number; stdout: string } {
  try {
    const stdout = execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
    return { status: 0, stdout };
  } catch (e) {
    const error = e as NodeJS.ErrnoException & { status?: number | null };
    if (error.code === 'ENOENT') throw new CliError('git was not found: install git and make sure it is on the PATH, or compare two files instead: integration-manifests diff <base> <head>.');
    return { status: error.status ?? 1, stdout: '' };
  }
}
