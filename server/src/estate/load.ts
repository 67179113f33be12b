/**
 * Reads an estate: the manifests named, and every manifest their imports reach, each import
 * resolved relative to the importing file or refused with the reason (`import-unresolved`
 * reports it). Nothing outside the root is read: a path that leaves it by `..` is refused
 * before any read, and a symlink that leads out is refused by `EstateFiles.read`.
 */
import { parseManifest, type ManifestDocument } from '../document/manifestDocument';
import { scalarText, valueOf } from '../document/nodes';
import { buildModel, type Import, type Manifest } from '../model/manifest';
import type { EstateFiles, FileRead } from './files';
import { notRelative } from '../model/importPath';
import { isInside, relativeTo, resolveFrom } from './paths';
import { pacer, runInSlices } from '../incremental/slices';
import { runToEnd } from '../analysis/analyze';
import { IncrementalAnalyzer } from '../incremental/analyzer';

/** One value of a manifest's `imports:` as resolved. */
export interface EstateImport extends Import {
  /** The real path of the manifest it names, when it names one (also when refused for a cycle). */
  target?: string;
  /** Why it is refused, a sentence in Markdown; undefined when it resolved. */
  refused?: string;
}

/** A manifest of the estate. */
export interface EstateNode {
  /** Its real path: what names it in the estate. */
  path: string;
  uri: string;
  /** Its path relative to the root, as people read it. */
  file: string;
  text: string;
  document: ManifestDocument;
  manifest: Manifest;
  imports: EstateImport[];
}

export interface Estate {
  root: string;
  /** Every manifest read, by real path. */
  nodes: Map<string, EstateNode>;
  /** The manifests named to `loadEstate`, by real path, in the order given (a name that is not a manifest is left out). */
  entries: string[];
}

export interface LoadOptions {
  /**
   * Parse each file a unit at a time and pause between steps, behind every other sliced
   * computation (the language server: requests, and the checks of the open manifests, go
   * first while a workspace is read).
   */
  yielding?: boolean;
}

/** A manifest to start from: its path, or its path and the text already read (a file named on the command line, read even outside the root; its imports are not). */
export type EstateEntry = string | { path: string; text: string };

/** The most manifests one estate reads; past it, imports are refused (a generated tree without end). */
export const MAX_ESTATE_FILES = 5000;

/**
 * The estate of the manifests at `paths` (absolute, normalized). `previous`: an estate read
 * before, whose nodes are reused where the text is the same (the language server calls this on
 * every change).
 */
export async function loadEstate(paths: readonly EstateEntry[], files: EstateFiles, previous?: Estate, options: LoadOptions = {}): Promise<Estate> {
  const pacing = options.yielding ? pacer(undefined, true) : undefined;
  const nodes = new Map<string, EstateNode>();
  /** The entries, once each (a set: a workspace names thousands). */
  const entries = new Set<string>();
  /** Real paths of what a path read as, so each file is read once. */
  const reads = new Map<string, Promise<FileRead>>();
  const read = (path: string) => reads.get(path) ?? reads.set(path, files.read(path)).get(path)!;
  const queue: string[] = [];

  /** Files read that are not manifests. */
  const others = new Set<string>();
  const admit = async (path: string, text: string): Promise<Admitted> => {
    const known = nodes.get(path);
    if (known) return known;
    if (others.has(path)) return 'not-a-manifest';
    if (nodes.size >= MAX_ESTATE_FILES) return 'too-many';
    const reused = previous?.nodes.get(path);
    const node = reused && reused.text === text ? { ...reused, imports: [] } : pacing && text.length >= WHOLE_BELOW_CHARS ? await nodeInSlices(files, path, text) : nodeOf(files, path, text);
    if (!isManifest(node.manifest)) {
      others.add(path);
      return 'not-a-manifest';
    }
    nodes.set(path, node);
    queue.push(path);
    return node;
  };

  for (const entry of paths) {
    if (pacing?.due()) await pacing.pause();
    const got: FileRead = typeof entry === 'string' ? await read(entry) : { kind: 'text', text: entry.text, real: entry.path };
    if (got.kind !== 'text') continue;
    if (typeof (await admit(got.real, got.text)) === 'object') entries.add(got.real);
  }
  for (let next = 0; next < queue.length; next++) {
    const node = nodes.get(queue[next]!)!;
    for (const written of node.manifest.imports) {
      if (pacing?.due()) await pacing.pause();
      node.imports.push(await resolveImport(node, written, files, read, admit));
    }
  }
  // One pass over every import, cut in slices too: thousands of manifests take tens of milliseconds.
  if (pacing) await runInSlices(markCycles(nodes), { stale: () => false, background: true });
  else runToEnd(markCycles(nodes));
  return { root: files.root, nodes, entries: [...entries] };
}

async function resolveImport(
  node: EstateNode,
  written: Import,
  files: EstateFiles,
  read: (path: string) => Promise<FileRead>,
  admit: (path: string, text: string) => Promise<Admitted>,
): Promise<EstateImport> {
  const refuse = (refused: string): EstateImport => ({ ...written, refused });
  const spec = written.path;
  const wrong = notRelative(spec);
  if (wrong) return refuse(wrong);
  const path = resolveFrom(node.path, spec);
  const root = files.rootName ?? 'the workspace folder';
  if (path === undefined || !isInside(files.root, path)) return refuse(`\`${spec}\` leaves ${root}. Imports name manifests inside it; nothing outside is read.`);
  if (path === node.path) return refuse(`\`${spec}\` is this manifest itself. Import other manifests only.`);
  const got = await read(path);
  switch (got.kind) {
    case 'missing':
      return refuse(`No file \`${relativeTo(files.root, path)}\` exists. Check the path: it is relative to this manifest.`);
    case 'outside':
      return refuse(`\`${spec}\` leads outside ${root} (through a symbolic link). Imports name manifests inside it; nothing outside is read.`);
    case 'not-a-file':
      return refuse(`\`${relativeTo(files.root, path)}\` is not a file. An import names a manifest file (\`*.integration.yaml\`).`);
    case 'unreadable':
      return refuse(`\`${relativeTo(files.root, path)}\` could not be read: ${got.reason}.`);
    case 'text': {
      if (got.real === node.path) return refuse(`\`${spec}\` is this manifest itself. Import other manifests only.`);
      const target = await admit(got.real, got.text);
      if (target === 'not-a-manifest') return refuse(`\`${relativeTo(files.root, path)}\` is not an integration manifest: it has no \`integrationManifest: 1\` at the top.`);
      if (target === 'too-many') return refuse(`The estate holds more than ${MAX_ESTATE_FILES} manifests; \`${spec}\` was not read.`);
      return { ...written, target: target.path };
    }
  }
}

/**
 * A manifest shorter than this is parsed whole in one step even when `yielding` (a millisecond
 * or two, between two pauses): parsed a unit at a time it would take longer and hold half as
 * much again (the pieces an edit would reuse; a manifest of the estate is parsed anew when it
 * changes). A workspace of thousands of small manifests holds each one parsed.
 */
export const WHOLE_BELOW_CHARS = 8_000;

/** `nodeOf`, parsed a unit at a time and its model read a unit at a time, with pauses between (the language server answers requests meanwhile). */
async function nodeInSlices(files: EstateFiles, path: string, text: string): Promise<EstateNode> {
  const uri = files.uriOf(path);
  const parsed = await runInSlices(new IncrementalAnalyzer().parseSteps(text, uri, 0, { data: false }), { stale: () => false, background: true });
  const { document, manifest } = parsed!;
  return { path, uri, file: relativeTo(files.root, path), text, document, manifest, imports: [] };
}

function nodeOf(files: EstateFiles, path: string, text: string): EstateNode {
  const document = parseManifest(text, files.uriOf(path));
  return { path, uri: files.uriOf(path), file: relativeTo(files.root, path), text, document, manifest: buildModel(document), imports: [] };
}

/** A manifest read, or why a file is not one of the estate. */
type Admitted = EstateNode | 'not-a-manifest' | 'too-many';

/** Whether the model reads as a manifest: a map at the top with `integrationManifest: 1` (syntax mistakes elsewhere are its own to report). */
export function isManifest(manifest: Manifest): boolean {
  return scalarText(valueOf(manifest.root, 'integrationManifest')) === '1';
}

/**
 * Refuses every import that lies on a cycle (the manifest it names leads back, through
 * imports, to the one that imports it), naming the cycle from the importing manifest:
 * `a.integration.yaml → b.integration.yaml → a.integration.yaml`.
 */
function* markCycles(nodes: Map<string, EstateNode>): Generator<void, void> {
  // An import lies on a cycle when both its ends are in one strongly connected component: a
  // search per import would cost the whole graph each (thousands of manifests read).
  const component = yield* stronglyConnected(nodes);
  for (const node of nodes.values()) {
    yield;
    for (const edge of node.imports) {
      if (!edge.target || edge.refused || component.get(edge.target) !== component.get(node.path)) continue;
      const back = pathBetween(nodes, edge.target, node.path);
      if (back) edge.refused = `This import forms a cycle: ${[node.path, ...back].map((p) => `\`${nodes.get(p)!.file}\``).join(' → ')}. Imports go one way: move what both manifests need into a manifest that both import.`;
    }
  }
}

/** The strongly connected component of each manifest over its resolved imports (Tarjan's algorithm, without recursion): a number per manifest; a step per manifest left. */
function* stronglyConnected(nodes: Map<string, EstateNode>): Generator<void, Map<string, number>> {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const component = new Map<string, number>();
  const stack: string[] = [];
  let next = 0;
  let components = 0;
  for (const start of nodes.keys()) {
    if (index.has(start)) continue;
    // Each frame: a manifest and how far through its imports the search went.
    const frames: [string, number][] = [[start, 0]];
    index.set(start, next);
    low.set(start, next++);
    stack.push(start);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1]!;
      const [at, n] = frame;
      const edges = nodes.get(at)!.imports;
      if (n < edges.length) {
        frame[1]++;
        const to = edges[n]!.target;
        if (to === undefined || !nodes.has(to)) continue;
        if (!index.has(to)) {
          index.set(to, next);
          low.set(to, next++);
          stack.push(to);
          frames.push([to, 0]);
        } else if (!component.has(to)) low.set(at, Math.min(low.get(at)!, index.get(to)!));
        continue;
      }
      frames.pop();
      yield;
      const parent = frames[frames.length - 1];
      if (parent) low.set(parent[0], Math.min(low.get(parent[0])!, low.get(at)!));
      if (low.get(at) === index.get(at)) {
        for (let member = stack.pop(); member !== undefined; member = member === at ? undefined : stack.pop()) component.set(member, components);
        components++;
      }
    }
  }
  return component;
}

/** The shortest chain of imports from `from` to `to` (both included), if any. */
function pathBetween(nodes: Map<string, EstateNode>, from: string, to: string): string[] | undefined {
  const before = new Map<string, string | undefined>([[from, undefined]]);
  const queue = [from];
  while (queue.length > 0) {
    const at = queue.shift()!;
    if (at === to) {
      const chain: string[] = [];
      for (let p: string | undefined = at; p !== undefined; p = before.get(p)) chain.unshift(p);
      return chain;
    }
    for (const edge of nodes.get(at)?.imports ?? [])
      if (edge.target && !before.has(edge.target)) {
        before.set(edge.target, at);
        queue.push(edge.target);
      }
  }
  return undefined;
}
