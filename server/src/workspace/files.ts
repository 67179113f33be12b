/**
 * How the workspace index reaches the manifests on disk. The index knows no file system: the
 * language server gives it `nodeManifestFiles()` (node:fs and tinyglobby); a build without
 * Node (the web extension) gives it one over the editor's file system.
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
