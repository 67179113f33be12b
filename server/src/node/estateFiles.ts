/**
 * The estate's file access on Node (`EstateFiles`, server/src/estate/files.ts): the command
 * line and the language server read imported manifests from disk through this. A path is read
 * only when it is a regular file and its real path (symbolic links followed) lies inside the
 * root's real path; anything else is answered without reading it.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import * as nodePath from 'node:path';
import type { EstateFiles, FileRead } from '../estate/files';
import { isInside } from '../estate/paths';

/** The largest manifest read as an import: the same bound as a file named on the command line. */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

/** A path of this system as the estate writes it: absolute, with forward slashes (`C:\a` → `/C:/a`). */
export function estatePath(path: string): string {
  const absolute = nodePath.resolve(path);
  return nodePath.sep === '/' ? absolute : `/${absolute.split(nodePath.sep).join('/')}`;
}

/** The path of this system an estate path stands for. */
export function systemPath(path: string): string {
  return nodePath.sep === '/' ? path : path.slice(1).split('/').join(nodePath.sep);
}

/**
 * File access rooted at `root` (a folder of this system). `overlay`: text that wins over the
 * disk for some estate paths (the editor's unsaved documents); it is still refused outside the root.
 */
export async function nodeEstateFiles(root: string, overlay?: (path: string) => string | undefined): Promise<EstateFiles> {
  const realRoot = estatePath(await realpath(root).catch(() => nodePath.resolve(root)));
  const lexicalRoot = estatePath(root);
  return {
    root: lexicalRoot,
    uriOf: (path) => pathToFileURL(systemPath(path)).href,
    async read(path): Promise<FileRead> {
      if (!isInside(lexicalRoot, path) && !isInside(realRoot, path)) return { kind: 'outside' };
      let real: string;
      try {
        real = estatePath(await realpath(systemPath(path)));
      } catch (error) {
        return (error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR' ? { kind: 'missing' } : { kind: 'unreadable', reason: 'it cannot be opened' };
      }
      if (!isInside(realRoot, real)) return { kind: 'outside' };
      const inRoot = lexicalRoot === realRoot ? real : lexicalRoot + real.slice(realRoot.length);
      const unsaved = overlay?.(path) ?? overlay?.(inRoot);
      if (unsaved !== undefined) return { kind: 'text', text: unsaved, real: inRoot };
      try {
        const info = await stat(systemPath(real));
        if (!info.isFile()) return { kind: 'not-a-file' };
        if (info.size > MAX_IMPORT_BYTES) return { kind: 'unreadable', reason: `it is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB` };
        return { kind: 'text', text: await readFile(systemPath(real), 'utf8'), real: inRoot };
      } catch {
        return { kind: 'unreadable', reason: 'it cannot be opened' };
      }
    },
  };
}
