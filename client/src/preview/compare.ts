/**
 * The committed text of a manifest, for "Compare with HEAD", through the built-in Git
 * extension's API (`vscode.git`, `getAPI(1)`): the same repository and git that the Source
 * Control view uses. When it cannot be had, `CompareUnavailable` says why, for the user.
 */
import * as vscode from 'vscode';

/** The part of the Git extension's API (its `git.d.ts`, version 1) used here. */
interface GitExtension {
  readonly enabled: boolean;
  getAPI(version: 1): GitApi;
}
interface GitApi {
  readonly state: 'uninitialized' | 'initialized';
  readonly onDidChangeState: vscode.Event<'uninitialized' | 'initialized'>;
  getRepository(uri: vscode.Uri): GitRepository | null;
}
interface GitRepository {
  show(ref: string, path: string): Promise<string>;
}

/** Why the comparison cannot be made, in words for the user. */
export class CompareUnavailable extends Error {}

/** How long to wait for the Git extension to find the repositories after it starts. */
const INITIALIZE_MS = 10_000;

/** The text of `uri` at HEAD; null when the file is not in HEAD (new since the last commit). */
export async function textAtHead(uri: vscode.Uri): Promise<string | null> {
  const name = uri.path.split('/').pop() ?? uri.toString();
  if (uri.scheme !== 'file') throw new CompareUnavailable(`Compare with HEAD needs a saved file in a git repository; ${name} is not saved to disk.`);
  const extension = vscode.extensions.getExtension<GitExtension>('vscode.git');
  if (!extension) throw new CompareUnavailable('Compare with HEAD needs the built-in Git extension (vscode.git), and it is not available here. Enable it in the Extensions view (search @builtin git), then try again.');
  let git: GitExtension;
  try {
    git = extension.isActive ? extension.exports : await extension.activate();
  } catch (e) {
    throw new CompareUnavailable(`Compare with HEAD needs the built-in Git extension, which did not start: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!git.enabled) throw new CompareUnavailable('Compare with HEAD needs the built-in Git extension, which is turned off (the git.enabled setting). Turn it on, then try again.');
  const api = git.getAPI(1);
  if (api.state !== 'initialized') await initialized(api);
  const repository = api.getRepository(uri);
  if (!repository) throw new CompareUnavailable(`${name} is not in a git repository that VS Code has open, so there is no HEAD to compare with. Open the repository's folder, or run git init and commit.`);
  try {
    return await repository.show('HEAD', uri.fsPath);
  } catch (e) {
    const stderr = (e as { stderr?: unknown }).stderr;
    const text = `${e instanceof Error ? e.message : String(e)} ${typeof stderr === 'string' ? stderr : ''}`;
    if (/exists on disk, but not in|does not exist in/i.test(text)) return null;
    if (/invalid object name|unknown revision|bad revision|ambiguous argument 'HEAD'/i.test(text)) throw new CompareUnavailable('The repository has no commit yet, so there is no HEAD to compare with. Commit the manifest first.');
    throw new CompareUnavailable(`git could not read ${name} at HEAD: ${text.trim()}`);
  }
}

function initialized(api: GitApi): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, INITIALIZE_MS);
    const listener = api.onDidChangeState((state) => {
      if (state === 'initialized') done();
    });
    function done(): void {
      clearTimeout(timer);
      listener.dispose();
      resolve();
    }
  });
}
