/**
 * The estates of the workspace, for the language service: per workspace folder, every
 * manifest of the index (and every open one) read as one `Estate` (server/src/estate/), with
 * the editor's text of an open manifest winning over the disk. Read again after a change: at
 * once for the disk (the watcher's events) and the folders, after `TYPING_PAUSE_MS` of quiet
 * for typing, one read at a time; an unchanged file keeps its parse (`loadEstate`'s
 * `previous`), so a read after typing re-parses the typed file only. `whenCurrent` reads what
 * is pending at once (a rename, a search across files, the rules of a manifest whose imports
 * changed wait for it).
 *
 * A manifest outside every workspace folder (a single file opened alone) gets an estate rooted
 * at its own folder: its imports may reach down, never up and out.
 *
 * No Node API here: the files are reached through `EstateAccess` (nodeFiles.ts on Node).
 */
import type { EstateContext } from '../model/estate';
import type { ManifestDocument } from '../document/manifestDocument';
import type { EstateFiles } from '../estate/files';
import { loadEstate, type Estate, type EstateNode } from '../estate/load';
import { estateContextOf, estateOf, memberLinesSteps, prepareContexts, standsAlone, withoutMember, type MemberLines } from '../estate/context';
import { pacer } from '../incremental/slices';
import { runToEnd } from '../analysis/analyze';
import { NULL_LOGGER, type Logger } from '../logger';
import { MAX_INDEXED_BYTES } from './files';
import type { WorkspaceIndex } from './workspaceIndex';

/** How the estates reach the files of a folder and name them. */
export interface EstateAccess {
  /** File access rooted at the folder (a URI); `overlay` gives the text that wins over the disk for a file URI. */
  files(folder: string, overlay: (uri: string) => string | undefined): Promise<EstateFiles>;
  /** The estate path (absolute, POSIX) of a file URI, or undefined for a URI that is not a file. */
  pathOf(uri: string): string | undefined;
  /** The folder (URI) that holds a file URI. */
  folderOfFile(uri: string): string;
}

/** The editor's open manifests. */
export interface OpenManifests {
  /** The text the editor holds, for an open document. */
  text(uri: string): string | undefined;
  uris(): string[];
}

/** How long typing must pause before the estates are read again (the edited manifest's own diagnostics do not wait for it). */
export const TYPING_PAUSE_MS = 100;

interface Place {
  estate: Estate;
  node: EstateNode;
}

export class WorkspaceEstates {
  private readonly estates = new Map<string, Estate>();
  private readonly roots = new Map<string, EstateFiles>();
  private dirty = false;
  private reading: Promise<void> | undefined;
  private pause: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners: (() => void)[] = [];
  /** The context last made per path, with the signature it was made for and the read it was last asked after. */
  private readonly contexts = new Map<string, { signature: string; context: EstateContext | undefined; read: number }>();
  /** Per path, the real path an indexed manifest was read at, its URI, and the index generation it was read at (`remembering`). */
  private readonly reals = new Map<string, { uri: string; generation: number; real: string }>();
  /** The path of each URI read last time (`EstateAccess.pathOf`). */
  private paths = new Map<string, string | undefined>();
  /** Counts the reads of the estates: between two, a context asked again is the one made. */
  private reads = 0;
  private readonly documentIds = new WeakMap<ManifestDocument, number>();
  /** Per estate read, per estate (its list of members), the members' parts of the signatures (`signatureIn`). */
  private readonly parts = new WeakMap<Estate, WeakMap<readonly string[], MemberLines>>();
  private nextDocumentId = 0;
  private readonly logger: Logger;

  constructor(
    private readonly index: WorkspaceIndex,
    private readonly access: EstateAccess,
    private readonly open: OpenManifests,
    options: { logger?: Logger } = {},
  ) {
    this.logger = options.logger ?? NULL_LOGGER;
  }

  /** Something changed: the estates are read again, at once, or after a pause when `typing`. */
  changed(typing = false): void {
    this.dirty = true;
    if (!typing) return this.read();
    clearTimeout(this.pause);
    this.pause = setTimeout(() => this.read(), TYPING_PAUSE_MS);
  }

  /** Whether a read of the estates is due or under way. */
  get busy(): boolean {
    return this.dirty || this.reading !== undefined;
  }

  /** Resolves once the estates reflect every change reported so far (what waits for a pause in typing is read now). */
  async whenCurrent(): Promise<void> {
    if (this.dirty) this.read();
    while (this.reading) await this.reading;
  }

  /**
   * Whether the rules of `uri` should wait for the read that is due: its imports (as written
   * now) are not those read, or it is new to the estates and imports something. A manifest
   * new to the estates that imports nothing is checked at once: if another imports it, the
   * read that follows tells `onDidRead`, and it is checked again.
   */
  mayChange(uri: string, imports: readonly string[]): boolean {
    if (!this.dirty && !this.reading) return false;
    const read = this.placeOf(uri)?.node.manifest.imports;
    if (!read) return imports.length > 0;
    return read.length !== imports.length || read.some((i, n) => i.path !== imports[n]);
  }

  private read(): void {
    clearTimeout(this.pause);
    this.pause = undefined;
    this.reading ??= this.readAll().finally(() => (this.reading = undefined));
  }

  /** Called after each read: compare `signatureOf` with what a document was checked with to know whether its findings are out of date. */
  onDidRead(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** What the estate context of `uri` depends on, as of the last read: equal signatures give equal contexts ('' for a manifest in no estate). */
  signatureOf(uri: string): string {
    const place = this.placeOf(uri);
    return place ? this.signatureIn(place.estate, place.node) : '';
  }

  /** The manifest of `uri` in its estate, as of the last read. */
  placeOf(uri: string): Place | undefined {
    const path = this.access.pathOf(uri);
    if (path === undefined) return undefined;
    for (const estate of this.estates.values()) {
      const node = estate.nodes.get(path);
      if (node) return { estate, node };
    }
    return undefined;
  }

  /** The manifests of the estate of `uri` (itself first), as of the last read; empty when it is in none. */
  membersOf(uri: string): EstateNode[] {
    const place = this.placeOf(uri);
    if (!place) return [];
    const paths = estateOf(place.estate, place.node.path);
    return [place.node, ...paths.filter((p) => p !== place.node.path).map((p) => place.estate.nodes.get(p)!)];
  }

  /** The estate context the analysis of `uri` needs; undefined when it stands alone (imports nothing, imported by none). */
  contextOf(uri: string): EstateContext | undefined {
    const place = this.placeOf(uri);
    if (!place) return undefined;
    const { estate, node } = place;
    const known = this.contexts.get(node.path);
    // Asked for every request (the analysis key): answered from the last one until the estates are read again.
    if (known?.read === this.reads) return known.context;
    const signature = this.signatureIn(estate, node);
    if (known?.signature === signature) {
      known.read = this.reads;
      return known.context;
    }
    const context = standsAlone(estate, node.path) ? undefined : estateContextOf(estate, node.path);
    this.contexts.set(node.path, { signature, context, read: this.reads });
    return context;
  }

  private async readAll(): Promise<void> {
    while (this.dirty) {
      this.dirty = false;
      try {
        await this.readOnce();
      } catch (e) {
        this.logger.error('Reading the estates of the workspace failed; features see each manifest alone', e);
      }
    }
  }

  private async readOnce(): Promise<void> {
    // The folders: the workspace's, and the folder of each open manifest outside them.
    const entries = new Map<string, Set<string>>();
    // Each URI's path as the last read found it (the same every time: thousands of URIs parsed again per read otherwise).
    const pathsBefore = this.paths;
    this.paths = new Map();
    const add = (folder: string, uri: string) => {
      const path = pathsBefore.has(uri) ? pathsBefore.get(uri) : this.access.pathOf(uri);
      this.paths.set(uri, path);
      if (path !== undefined) (entries.get(folder) ?? entries.set(folder, new Set()).get(folder)!).add(path);
    };
    for (const folder of this.index.folderUris()) entries.set(folder, new Set());
    for (const manifest of this.index.all()) add(manifest.folder, manifest.uri);
    for (const uri of this.open.uris()) {
      const text = this.open.text(uri);
      if (text !== undefined && text.length <= MAX_INDEXED_BYTES) add(this.index.folderOf(uri) ?? this.access.folderOfFile(uri), uri);
    }
    for (const folder of [...this.estates.keys()]) if (!entries.has(folder)) this.estates.delete(folder);
    for (const [folder, paths] of entries) {
      let files = this.roots.get(folder);
      if (!files) this.roots.set(folder, (files = this.remembering(await this.access.files(folder, (uri) => this.open.text(uri) ?? this.index.get(uri)?.text))));
      const estate = await loadEstate([...paths], files, this.estates.get(folder), { yielding: true });
      // What each manifest gives the others' contexts, made here a slice at a time rather than in the first request after the read.
      const pacing = pacer(undefined, true);
      await prepareContexts(estate, pacing);
      // The signatures of the open manifests' estates, asked for first thing after the read.
      for (const members of new Set(this.open.uris().map((uri) => this.access.pathOf(uri)).flatMap((path) => (path === undefined ? [] : [estateOf(estate, path)])))) {
        await pacing.steps(this.membersPartSteps(estate, members));
      }
      this.estates.set(folder, estate);
    }
    for (const folder of [...this.roots.keys()]) if (!entries.has(folder)) this.roots.delete(folder);
    for (const path of [...this.reals.keys()]) if (![...entries.values()].some((paths) => paths.has(path))) this.reals.delete(path);
    this.reads++;
    for (const listener of this.listeners) {
      try {
        listener();
      } catch (e) {
        this.logger.error('Following a change of the estates failed', e);
      }
    }
  }

  /**
   * `files`, answering for an indexed manifest that is not open and has not changed on disk
   * since the last read as that read did (its text from the index, the real path it was found
   * at): each read of the estates otherwise asks the file system for the real path of every
   * manifest of the workspace again, thousands of round trips after each pause in typing. The
   * index read each file itself, inside the folder; a change on disk gives it a new generation.
   */
  private remembering(files: EstateFiles): EstateFiles {
    return {
      root: files.root,
      ...(files.rootName !== undefined ? { rootName: files.rootName } : {}),
      uriOf: (path) => files.uriOf(path),
      read: async (path) => {
        const known = this.reals.get(path);
        const uri = known?.uri ?? files.uriOf(path);
        const indexed = this.open.text(uri) === undefined ? this.index.get(uri) : undefined;
        if (indexed && known?.generation === indexed.generation) return { kind: 'text', text: indexed.text, real: known.real };
        const got = await files.read(path);
        if (indexed && got.kind === 'text' && got.text === indexed.text) this.reals.set(path, { uri, generation: indexed.generation, real: got.real });
        else this.reals.delete(path);
        return got;
      },
    };
  }

  /**
   * What the estate context of `node` depends on: its imports as resolved, the other manifests
   * of its estate (each by the identity of its parse: an unchanged file keeps its document) and
   * their imports. Equal signatures give equal contexts. Each member's part is written once per
   * read and estate (`membersPart`), and each manifest's signature is that text without its own
   * part: asked for every open manifest after every read, it costs a copy, not a walk of the estate.
   */
  private signatureIn(estate: Estate, node: EstateNode): string {
    const own = `${node.path}\n${node.imports.map((i) => `${i.path}>${i.target ?? ''}!${i.refused ?? ''}`).join('|')}`;
    return `${own}\n${withoutMember(this.membersPart(estate, estateOf(estate, node.path)), node.path)}`;
  }

  /** The members' parts of the signatures, one line each, and where each member's lies; made once per estate read. */
  private membersPart(estate: Estate, members: readonly string[]): MemberLines {
    return runToEnd(this.membersPartSteps(estate, members));
  }

  /** `membersPart`, a member at a time (made after each read, between pauses, rather than in the first request after it). */
  private *membersPartSteps(estate: Estate, members: readonly string[]): Generator<void, MemberLines> {
    const known = this.parts.get(estate)?.get(members);
    if (known) return known;
    const part = yield* memberLinesSteps(members, (path) => {
      const other = estate.nodes.get(path)!;
      return `${path}#${this.documentId(other.document)}:${other.imports.map((i) => i.target ?? '').join('|')}\n`;
    });
    (this.parts.get(estate) ?? this.parts.set(estate, new WeakMap()).get(estate)!).set(members, part);
    return part;
  }

  private documentId(document: ManifestDocument): number {
    let id = this.documentIds.get(document);
    if (id === undefined) this.documentIds.set(document, (id = ++this.nextDocumentId));
    return id;
  }
}
