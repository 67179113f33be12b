/**
 * The workspace index on the server connection: the folders from `initialize` (and later
 * `workspace/didChangeWorkspaceFolders`), and the file watcher.
 *
 * The watcher is the client's, asked for by the server: after `initialized` the server
 * registers `workspace/didChangeWatchedFiles` for `MANIFEST_GLOB` dynamically. Any LSP client
 * with `workspace.didChangeWatchedFiles.dynamicRegistration` (VS Code, Neovim, Helix, Zed,
 * Emacs' lsp-mode...) then reports the manifests created, changed and deleted on disk, and
 * the server needs no watcher of its own (nothing in it that the web build could not run).
 * The alternative, `synchronize.fileEvents` in the VS Code client, would serve VS Code only.
 */
import { DidChangeWatchedFilesNotification, FileChangeType, type Connection, type InitializeParams, type WorkspaceFoldersChangeEvent } from 'vscode-languageserver';
import { MANIFEST_GLOB } from './files';
import type { FileChange, WorkspaceIndex } from './workspaceIndex';
import type { Logger } from '../logger';

export interface WorkspaceWatch {
  /** Reads the folders and the client's capabilities from `initialize`; returns the server's `workspace` capabilities. */
  initialize(params: InitializeParams): { workspaceFolders: { supported: true; changeNotifications: true } };
  /** After `initialized`: asks the client to watch the manifests, then indexes the folders. */
  initialized(): Promise<void>;
}

export function watchWorkspace(connection: Connection, index: WorkspaceIndex, logger: Logger, isShutDown: () => boolean): WorkspaceWatch {
  let folders: string[] = [];
  let dynamicWatch = false;
  let foldersChange = false;

  connection.onDidChangeWatchedFiles((params) => {
    if (isShutDown()) return;
    const changes = readChanges(params?.changes);
    if (changes.length) void index.filesChanged(changes).catch((e: unknown) => logger.error('Following the changed manifest files failed', e));
  });

  return {
    initialize(params) {
      folders = foldersOf(params);
      const workspace = params.capabilities.workspace;
      dynamicWatch = workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
      foldersChange = workspace?.workspaceFolders === true;
      return { workspaceFolders: { supported: true, changeNotifications: true } };
    },
    async initialized() {
      if (foldersChange)
        connection.workspace.onDidChangeWorkspaceFolders((event: WorkspaceFoldersChangeEvent) => {
          if (isShutDown()) return;
          const removed = new Set(event.removed.map((f) => f.uri));
          folders = [...folders.filter((f) => !removed.has(f)), ...event.added.map((f) => f.uri)];
          void index.setFolders(folders);
        });
      if (dynamicWatch) await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: MANIFEST_GLOB }] });
      else if (folders.length) logger.info('The editor cannot be asked to watch files: manifests changed outside it are read again only when opened.');
      await index.setFolders(folders);
    },
  };
}

/** The workspace folders (URIs) of `initialize`: `workspaceFolders`, else the older `rootUri`. */
function foldersOf(params: InitializeParams): string[] {
  if (Array.isArray(params.workspaceFolders)) return params.workspaceFolders.flatMap((f) => (typeof f?.uri === 'string' ? [f.uri] : []));
  return typeof params.rootUri === 'string' ? [params.rootUri] : [];
}

/** The file events of a notification, read defensively: an entry without a URI string or a known type is skipped. */
function readChanges(changes: unknown): FileChange[] {
  if (!Array.isArray(changes)) return [];
  const kinds: Record<number, FileChange['kind']> = { [FileChangeType.Created]: 'created', [FileChangeType.Changed]: 'changed', [FileChangeType.Deleted]: 'deleted' };
  return changes.flatMap((c: unknown) => {
    if (typeof c !== 'object' || c === null) return [];
    const { uri, type } = c as { uri?: unknown; type?: unknown };
    const kind = typeof type === 'number' ? kinds[type] : undefined;
    return typeof uri === 'string' && kind ? [{ uri, kind }] : [];
  });
}
