/**
 * The workspace's files on Node (`ManifestFiles` for the workspace index, `EstateAccess` for
 * the estates of server/src/workspace): what `node/main.ts` gives the language server.
 */
import { realpath, stat, readFile } from 'node:fs/promises';
import { sep } from 'node:path';
import { glob } from 'tinyglobby';
import { URI, Utils } from 'vscode-uri';
import { MANIFEST_GLOB, MAX_INDEXED_BYTES, type ManifestFiles } from '../workspace/files';
import type { EstateAccess } from '../workspace/estates';
import { estatePath, nodeEstateFiles, systemPath } from './estateFiles';

/** Folders never searched for manifests. */
const IGNORED = ['**/node_modules/**', '**/.git/**'];

export function nodeManifestFiles(): ManifestFiles {
  return {
    async list(folder) {
      const root = URI.parse(folder).fsPath;
      // Symbolic links to folders are not followed: they could lead outside, or round in a loop.
      const paths = await glob(MANIFEST_GLOB, { cwd: root, absolute: true, onlyFiles: true, dot: false, ignore: IGNORED, followSymbolicLinks: false });
      return paths.sort().map((path) => URI.file(path).toString());
    },
    async read(uri, folder) {
      try {
        const path = URI.parse(uri).fsPath;
        const [real, root] = await Promise.all([realpath(path), realpath(URI.parse(folder).fsPath)]);
        if (real !== root && !real.startsWith(root.endsWith(sep) ? root : root + sep)) return { skipped: 'it lies outside the workspace folder (a symbolic link)' };
        const info = await stat(real);
        if (!info.isFile()) return { skipped: 'it is not a regular file' };
        if (info.size > MAX_INDEXED_BYTES) return { skipped: `it is larger than ${MAX_INDEXED_BYTES / 1_000_000} MB` };
        return { text: await readFile(real, 'utf8') };
      } catch (e) {
        return (e as NodeJS.ErrnoException).code === 'ENOENT' ? { missing: true } : { skipped: 'it could not be read' };
      }
    },
  };
}

/**
 * The estates' file access on Node: `nodeEstateFiles` rooted at the folder, naming files as the
 * editor does (vscode-uri, so that a location or an edit names an open document by the very
 * URI the editor gave it).
 */
export function nodeEstateAccess(): EstateAccess {
  const uriOf = (path: string) => URI.file(systemPath(path)).toString();
  return {
    async files(folder, overlay) {
      const files = await nodeEstateFiles(URI.parse(folder).fsPath, (path) => overlay(uriOf(path)));
      return { root: files.root, read: (path) => files.read(path), uriOf };
    },
    pathOf: (uri) => (uri.startsWith('file:') ? estatePath(URI.parse(uri).fsPath) : undefined),
    folderOfFile: (uri) => Utils.dirname(URI.parse(uri)).toString(),
  };
}

/** Both, as `startServer`'s `workspaceFiles`. */
export function nodeWorkspaceFiles(): { files: ManifestFiles; access: EstateAccess } {
  return { files: nodeManifestFiles(), access: nodeEstateAccess() };
}
