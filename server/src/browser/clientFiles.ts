/**
 * The estate's file access in the web worker (`EstateFiles`, server/src/estate/files.ts): the
 * worker has no file system, so it asks the editor (`ReadFileRequest`, answered by
 * client/src/files.ts with `vscode.workspace.fs`). Paths are the URI paths of the workspace
 * folder's scheme and authority (`vscode-vfs://github/contoso/estate` has the root
 * `/contoso/estate`). What lies outside the root is refused here, without asking.
 */
import type { Connection } from 'vscode-languageserver';
import { ReadFileRequest } from '../../../shared/src/requests';
import type { EstateFiles, FileRead } from '../estate/files';
import { isInside, normalize } from '../estate/paths';

/** A URI's scheme and authority, and its path decoded and normalized; undefined when it is not a hierarchical URI. */
export function splitUri(uri: string): { base: string; path: string } | undefined {
  const match = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)([^?#]*)$/i.exec(uri);
  if (!match) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(match[2] || '/');
  } catch {
    return undefined;
  }
  const path = normalize(decoded);
  return path === undefined ? undefined : { base: match[1]!, path };
}

/** File access for the estate rooted at the workspace folder `rootUri`, read through the editor on `connection`. */
export function clientEstateFiles(connection: Pick<Connection, 'sendRequest'>, rootUri: string): EstateFiles | undefined {
  const root = splitUri(rootUri);
  if (!root) return undefined;
  const uriOf = (path: string) => root.base + path.split('/').map(encodeURIComponent).join('/');
  return {
    root: root.path,
    uriOf,
    async read(path): Promise<FileRead> {
      if (!isInside(root.path, path)) return { kind: 'outside' };
      try {
        const result = await connection.sendRequest(ReadFileRequest, { uri: uriOf(path) });
        // No symbolic links through the editor's file system: the path is the file's real one.
        return result.kind === 'text' ? { kind: 'text', text: result.text, real: path } : result;
      } catch {
        return { kind: 'unreadable', reason: 'the editor could not read it' };
      }
    },
  };
}
