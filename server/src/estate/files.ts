/**
 * How the estate reads files: an interface the caller supplies, so that the engine holds no
 * Node API. The command line and the language server pass `nodeEstateFiles`
 * (server/src/node/estateFiles.ts: the file system, symlinks followed); the web build passes
 * one that reads through the client.
 */

/** What is at a path. */
export type FileRead =
  /** A regular file inside the root: its text and its real path (symlinks followed), which names it in the estate. */
  | { kind: 'text'; text: string; real: string }
  | { kind: 'missing' }
  /** The path, or the real path a symlink leads to, lies outside the root: it was not read. */
  | { kind: 'outside' }
  /** Something that is not a regular file (a folder, a device, a pipe): not read. */
  | { kind: 'not-a-file' }
  /** It could not be read (permissions, an encoding that is not text): said in plain words. */
  | { kind: 'unreadable'; reason: string };

export interface EstateFiles {
  /** The folder nothing outside of is read (the workspace folder; the CLI's current directory): an absolute, normalized POSIX path. */
  readonly root: string;
  /** How messages name the root: `the workspace folder` unless said (the CLI: `the current directory`). */
  readonly rootName?: string;
  /**
   * Reads the file at `path` (absolute, normalized, inside `root` as written) if it is a regular
   * file whose real path is inside `root` too; never reads anything else. May answer from
   * memory (the editor's unsaved text wins over the disk).
   */
  read(path: string): Promise<FileRead>;
  /** The URI of the file at `path`, as the editor names it. */
  uriOf(path: string): string;
}
