/**
 * How the workspace index reaches the manifest files of the workspace folders. The index knows
 * no file system: the Node language server gives it `nodeManifestFiles()` (node:fs and
 * tinyglobby, on disk); the web worker's gives it `clientManifestFiles()`
 * (server/src/browser/workspaceFiles.ts), which asks the editor to list and read them through
 * whatever file system the workspace is on (a GitHub repository in github.dev).
 */
export interface ManifestFiles {
  /** The URIs of every manifest file (`*.integration.yaml`, `*.integration.yml`) under the folder. */
  list(folder: string): Promise<string[]>;
  /**
   * The text of a manifest file inside `folder`; `missing` when there is no such file, or
   * why it is not read: not a regular file, outside the folder (through a symbolic link), too
   * large to index, unreadable.
   */
  read(uri: string, folder: string): Promise<{ text: string } | { missing: true } | { skipped: string }>;
}

/** Files larger than this are left out of the index (opened in the editor, they are checked as usual). */
export const MAX_INDEXED_BYTES = 1_000_000;

/** The glob the index and the file watcher follow. */
export const MANIFEST_GLOB = '**/*.integration.{yaml,yml}';

/** Whether a URI or path names a manifest file. */
export function isManifestName(uriOrPath: string): boolean {
  return /\.integration\.ya?ml$/i.test(uriOrPath);
}
