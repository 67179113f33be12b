/**
 * What the server's memory for an estate is made of, measured in the bench's own process: the
 * heap held by the server's workspace index and estates (the same classes, over the same
 * files on disk), and what one manifest's yaml tree and model hold, after garbage collection.
 * The server's resident set (bench/estate.ts) is this heap, the server's own code and data,
 * and the room V8 keeps beyond the heap.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { URI } from 'vscode-uri';
import { parseManifest } from '../server/src/document/manifestDocument';
import { buildModel } from '../server/src/model/manifest';
import { nodeWorkspaceFiles } from '../server/src/node/workspaceFiles';
import { WorkspaceEstates } from '../server/src/workspace/estates';
import { WorkspaceIndex } from '../server/src/workspace/workspaceIndex';

export interface EstateHeap {
  /** MB held by the index (the texts) and by the estates read from it (every manifest parsed, and what each gives the contexts). */
  indexMb: number;
  estatesMb: number;
  /** One context of a manifest of the estate, in MB. */
  contextMb: number;
  /** Per manifest, in KB: its text, its yaml tree alone, its yaml tree and model. */
  textKb: number;
  yamlKb: number;
  parsedKb: number;
}

/** Measures the heap of the index and estates of the workspace in `dir` (`files`: its files by relative path; `edited`: a manifest whose context is made). */
export async function estateHeap(dir: string, files: ReadonlyMap<string, string>, edited: string): Promise<EstateHeap> {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const heap = () => (gc(), gc(), process.memoryUsage().heapUsed / 2 ** 20);
  const texts = [...files.values()];
  const perFile = (make: (text: string, n: number) => unknown) => {
    const before = heap();
    const held = texts.map(make);
    const kb = ((heap() - before) * 1024) / held.length;
    held.length = 0;
    return kb;
  };
  const yamlKb = perFile((text) => parseDocument(text));
  const parsedKb = perFile((text, n) => {
    const document = parseManifest(text, `file:///heap/${n}.integration.yaml`);
    return [document, buildModel(document)];
  });

  const start = heap();
  const { files: manifestFiles, access } = nodeWorkspaceFiles();
  const index = new WorkspaceIndex(manifestFiles);
  await index.setFolders([URI.file(dir).toString()]);
  const indexed = heap();
  const estates = new WorkspaceEstates(index, access, { text: () => undefined, uris: () => [] });
  estates.changed();
  await estates.whenCurrent();
  const read = heap();
  const context = estates.contextOf(URI.file(join(dir, edited)).toString());
  const withContext = heap();
  if (!context) throw new Error(`${edited} has no estate context`);
  return {
    indexMb: indexed - start,
    estatesMb: read - indexed,
    contextMb: withContext - read,
    textKb: texts.reduce((n, t) => n + t.length, 0) / texts.length / 1024,
    yamlKb,
    parsedKb,
  };
}
