/**
 * The workspace's files in the web worker (`ManifestFiles` for the workspace index,
 * `EstateAccess` for the estates of server/src/workspace): what `browser/main.ts` gives the
 * language server, as `node/workspaceFiles.ts` does on Node. The worker has no file system: it
 * asks the editor to list a workspace folder's manifests (`ListManifestsRequest`) and to read a
 * file (`ReadFileRequest`), both answered by client/src/files.ts with `vscode.workspace`, which
 * reaches whatever the workspace is (a GitHub repository in github.dev, a local folder in
 * vscode.dev). Nothing outside the workspace folder is asked for.
 *
 * The index is kept current as on Node: the server asks the editor to watch the manifests
 * (`workspace/didChangeWatchedFiles`, server/src/workspace/register.ts), and VS Code for the web
 * reports what changes through its file system, virtual ones included.
 */
import type { Connection } from 'vscode-languageserver';
import { URI, Utils } from 'vscode-uri';
import { ListManifestsRequest, ReadFileRequest, type ReadFileResult } from '../../../shared/src/requests';
import type { EstateFiles } from '../estate/files';
import type { EstateAccess } from '../workspace/estates';
import { isManifestName, MAX_INDEXED_BYTES, type ManifestFiles } from '../workspace/files';
import { clientEstateFiles, insideFolder, splitUri } from './clientFiles';

type Requests = Pick<Connection, 'sendRequest'>;

const OUTSIDE = 'it lies outside the workspace folder';

/** Why the index leaves out a file the editor did not give as text. */
const SKIPPED: Record<Exclude<ReadFileResult['kind'], 'text' | 'missing' | 'unreadable'>, string> = {
  outside: OUTSIDE,
  'not-a-file': 'it is not a regular file',
};

export function clientManifestFiles(connection: Requests): ManifestFiles {
  return {
    async list(folder) {
      const uris = await connection.sendRequest(ListManifestsRequest, { folder });
      // The editor answers for the folder asked about; anything else it might name is not indexed.
      return uris.filter((uri) => typeof uri === 'string' && isManifestName(uri) && insideFolder(uri, folder)).sort();
    },
    async read(uri, folder) {
      if (!insideFolder(uri, folder)) return { skipped: OUTSIDE };
      let result: ReadFileResult;
      try {
        result = await connection.sendRequest(ReadFileRequest, { uri, maxBytes: MAX_INDEXED_BYTES });
      } catch {
        return { skipped: 'the editor could not read it' };
      }
      if (result.kind === 'text') return { text: result.text };
      if (result.kind === 'missing') return { missing: true };
      return { skipped: result.kind === 'unreadable' ? result.reason : SKIPPED[result.kind] };
    },
  };
}

/** A folder whose URI has no path to root an estate at (never a workspace folder VS Code gives): nothing in it is read. */
function closedFiles(folder: string): EstateFiles {
  return { root: '/', read: () => Promise.resolve({ kind: 'outside' }), uriOf: () => folder };
}

/** The estates' file access: `clientEstateFiles` rooted at the folder, the server's text of a file winning over the editor's answer. */
export function clientEstateAccess(connection: Requests): EstateAccess {
  return {
    files: (folder, overlay) => Promise.resolve(clientEstateFiles(connection, folder, overlay) ?? closedFiles(folder)),
    pathOf: (uri) => splitUri(uri)?.path,
    folderOfFile: (uri) => Utils.dirname(URI.parse(uri)).toString(),
  };
}

/** Both, as `startServer`'s `workspaceFiles`. */
export function clientWorkspaceFiles(connection: Requests): { files: ManifestFiles; access: EstateAccess } {
  return { files: clientManifestFiles(connection), access: clientEstateAccess(connection) };
}
