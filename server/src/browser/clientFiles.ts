/**
 * The estate's file access in the web worker (`EstateFiles`, server/src/estate/files.ts): the
 * worker has no file system, so it asks the editor (`ReadFileRequest`, answered by
 * client/src/files.ts with `vscode.workspace.fs`). Paths are the URI paths of the workspace
 * folder's scheme and authority (`vscode-vfs://github/contoso/estate` has the root
 * `/contoso/estate`). What lies outside the root is refused here, without asking.
 */
import type { Connection } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
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

/**
 * File access for the estate rooted at the workspace folder `rootUri`, read through the editor
 * on `connection`. `overlay`: the text that wins over the editor's answer for a file URI (what
 * the language server holds of an open document, or has indexed); it is still refused outside
 * the root.
 */
export function clientEstateFiles(connection: Pick<Connection, 'sendRequest'>, rootUri: string, overlay?: (uri: string) => string | undefined): EstateFiles | undefined {
  const root = splitUri(rootUri);
  if (!root) return undefined;
  const base = URI.parse(root.base);
  // Named as VS Code names the file (vscode-uri's encoding), so that a location or an edit names an open document by the very URI the editor gave it.
  const uriOf = (path: string) => base.with({ path }).toString();
  return {
    root: root.path,
    uriOf,
    async read(path): Promise<FileRead> {
      if (!isInside(root.path, path)) return { kind: 'outside' };
      const uri = uriOf(path);
      const held = overlay?.(uri);
      if (held !== undefined) return { kind: 'text', text: held, real: path };
      try {
        const result = await connection.sendRequest(ReadFileRequest, { uri });
        // No symbolic links through the editor's file system: the path is the file's real one.
        return result.kind === 'text' ? { kind: 'text', text: result.text, real: path } : result;
      } catch {
        return { kind: 'unreadable', reason: 'the editor could not read it' };
      }
    },
  };
}

/** Whether `uri` names something inside the folder `folder` (both URIs): the same scheme and authority, and a path under the folder's once `..` is resolved. */
export function insideFolder(uri: string, folder: string): boolean {
  const [file, root] = [splitUri(uri), splitUri(folder)];
  return file !== undefined && root !== undefined && file.base.toLowerCase() === root.base.toLowerCase() && file.path !== root.path && isInside(root.path, file.path);
}
