/**
 * `ManifestFiles` over Node's file system: the language server's. The only file of the
 * workspace index that uses Node.
 */
import { realpath, stat, readFile } from 'node:fs/promises';
import { sep } from 'node:path';
import { glob } from 'tinyglobby';
import { URI } from 'vscode-uri';
import { MANIFEST_GLOB, MAX_INDEXED_BYTES, type ManifestFiles } from './files';

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
