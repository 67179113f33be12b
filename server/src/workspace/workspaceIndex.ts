/**
 * The workspace index: the text of every manifest file under the workspace folders as it is
 * on disk, so that features can cross files (imports, ids declared elsewhere, rename in files
 * that are not open). Read at start, then kept current from the file watcher's events. What
 * the editor holds for an open file wins over this (`WorkspaceEstates`): the index is only
 * ever the disk. The estates are read from it (`workspace/estates.ts`), which parses.
 *
 * It reads through `ManifestFiles`, so it uses no Node API itself. Indexing never holds the
 * server up: each file is read asynchronously (at most `MAX_INDEXED_BYTES`), and requests are
 * answered between two files.
 */
import { NULL_LOGGER, type Logger } from '../logger';
import { isManifestName, type ManifestFiles } from './files';

export interface IndexedManifest {
  readonly uri: string;
  /** The workspace folder it lies in. */
  readonly folder: string;
  /** Changes whenever the file's indexed text does (unique across the index). */
  readonly generation: number;
  readonly text: string;
}

export interface FileChange {
  uri: string;
  kind: 'created' | 'changed' | 'deleted';
}

export class WorkspaceIndex {
  private readonly entries = new Map<string, IndexedManifest>();
  private folders: string[] = [];
  private generation = 0;
  /** Every read and update, one after the other: a later event for a file is applied after an earlier one. */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly listeners: ((uris: string[]) => void)[] = [];
  private loading: Promise<void> = Promise.resolve();
  private readonly logger: Logger;

  constructor(
    private readonly files: ManifestFiles,
    options: { logger?: Logger } = {},
  ) {
    this.logger = options.logger ?? NULL_LOGGER;
  }

  /** Indexes every manifest under these folders (URIs), replacing the previous set; resolves when all are read. */
  setFolders(folders: readonly string[]): Promise<void> {
    const next = [...new Set(folders.map(withoutSlash))];
    this.loading = this.enqueue(async () => {
      const changed = new Set<string>();
      for (const uri of [...this.entries.keys()])
        if (!next.some((folder) => isInside(uri, folder))) {
          this.entries.delete(uri);
          changed.add(uri);
        }
      const added = next.filter((folder) => !this.folders.includes(folder));
      this.folders = next;
      for (const folder of added) {
        let uris: string[];
        try {
          uris = await this.files.list(folder);
        } catch (e) {
          this.logger.error('Listing the manifests of a workspace folder failed; they are not indexed', e);
          continue;
        }
        for (const uri of uris) if (await this.readInto(uri)) changed.add(uri);
      }
      this.emit([...changed]);
    });
    return this.loading;
  }

  /** Resolves once the folders given last are indexed. */
  whenLoaded(): Promise<void> {
    return this.loading;
  }

  /** Applies the file watcher's events; resolves with the URIs whose indexed text changed. */
  filesChanged(changes: readonly FileChange[]): Promise<string[]> {
    return this.enqueue(async () => {
      const changed = new Set<string>();
      for (const { uri, kind } of changes) {
        if (kind === 'deleted') {
          // A deleted manifest; else perhaps a folder, which takes its manifests with it (a look at
          // every entry, only then: a branch switched deletes thousands of files, one event each).
          if (this.entries.delete(uri)) changed.add(uri);
          else
            for (const known of [...this.entries.keys()])
              if (isInside(known, uri)) {
                this.entries.delete(known);
                changed.add(known);
              }
        } else if (isManifestName(uri) && (await this.readInto(uri))) changed.add(uri);
      }
      const result = [...changed];
      this.emit(result);
      return result;
    });
  }

  get(uri: string): IndexedManifest | undefined {
    return this.entries.get(uri);
  }

  /** Every indexed manifest, in the order of their URIs. */
  all(): IndexedManifest[] {
    return [...this.entries.values()].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  }

  /** The workspace folders (URIs) indexed. */
  folderUris(): readonly string[] {
    return this.folders;
  }

  /** The workspace folder that holds the URI, if any. */
  folderOf(uri: string): string | undefined {
    return this.folders.find((folder) => isInside(uri, folder));
  }

  /** Called with the URIs whose indexed text changed (read, updated or deleted). */
  onDidChange(listener: (uris: string[]) => void): void {
    this.listeners.push(listener);
  }

  /** Reads one file into the index (or out of it); true when its indexed text changed. */
  private async readInto(uri: string): Promise<boolean> {
    const folder = this.folderOf(uri);
    const known = this.entries.get(uri);
    if (!folder) return false;
    const read = await this.files.read(uri, folder);
    if (!('text' in read)) {
      if ('skipped' in read) this.logger.warn(`A manifest file is left out of the workspace index: ${read.skipped}.`);
      return this.entries.delete(uri);
    }
    if (known?.text === read.text) return false;
    this.entries.set(uri, { uri, folder, generation: ++this.generation, text: read.text });
    return true;
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const result = this.queue.then(work);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private emit(uris: string[]): void {
    if (!uris.length) return;
    for (const listener of this.listeners) {
      try {
        listener(uris);
      } catch (e) {
        this.logger.error('Following a change of the workspace index failed', e);
      }
    }
  }
}

function withoutSlash(uri: string): string {
  return uri.endsWith('/') ? uri.slice(0, -1) : uri;
}

/** Whether `uri` lies under the folder `folder` (both URIs). */
export function isInside(uri: string, folder: string): boolean {
  return uri.startsWith(withoutSlash(folder) + '/');
}
