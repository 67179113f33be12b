/**
 * The command line's estates: the files given and every manifest they import, read from disk
 * with the current directory as the root (nothing outside it is read through an import), each
 * manifest analysed once with its estate context.
 */
import { realpathSync } from 'node:fs';
import { analyze, analyzeText, type Analysis } from '../analysis/analyze';
import { estateContextOf, importsOf, standsAlone } from '../estate/context';
import type { EstateContext } from '../model/estate';
import { loadEstate, type Estate } from '../estate/load';
import type { DrawnImport } from '../diagram/estate';
import { estatePath, nodeEstateFiles } from '../node/estateFiles';
import { readManifestFile, type CliIo } from './io';

/** One manifest the command judges: its name as shown, and its analysis. */
export interface JudgedFile {
  /** As given on the command line, or, for a manifest reached by an import, its path relative to the current directory. */
  file: string;
  text: string;
  analysis: Analysis;
  /** Whether it was named on the command line (else an import reached it). */
  given: boolean;
  /** Its estate context, unless it stands alone. */
  estate: EstateContext | undefined;
  /** Its path in the estate (real, absolute), when it is a manifest of it. */
  path: string | undefined;
}

export interface CliEstate {
  estate: Estate;
  /** The files given, then the manifests their imports reach, each once (a file reached twice is judged once). */
  judged: JudgedFile[];
}

/** Reads the files given (a file that cannot be read is a `CliError`, as before) and the estates they belong to. */
export async function readEstate(files: readonly string[], io: CliIo): Promise<CliEstate> {
  const given = files.map((file) => ({ file, text: readManifestFile(file, io), path: estatePath(realpathSync(io.resolve(file))) }));
  const root = realpathSync(io.cwd);
  const estate = await loadEstate(
    given.map(({ path, text }) => ({ path, text })),
    { ...(await nodeEstateFiles(root)), rootName: 'the current directory' },
  );
  const judged: JudgedFile[] = [];
  const seen = new Set<string>();
  for (const { file, text, path } of given) {
    if (seen.has(path)) continue;
    seen.add(path);
    // A file that is not a manifest is not part of an estate: judged alone, the schema says what it lacks.
    judged.push(estate.nodes.has(path) ? judge(estate, path, file, true) : { file, text, analysis: analyzeText(text, file), given: true, estate: undefined, path: undefined });
  }
  for (const [path, node] of estate.nodes) {
    if (seen.has(path)) continue;
    seen.add(path);
    judged.push(judge(estate, path, node.file, false));
  }
  return { estate, judged };
}

function judge(estate: Estate, path: string, file: string, given: boolean): JudgedFile {
  const node = estate.nodes.get(path)!;
  const context = standsAlone(estate, path) ? undefined : estateContextOf(estate, path);
  return { file, text: node.text, analysis: analyze(node.document, context ? { estate: context } : {}, node.manifest), given, estate: context, path };
}

/** What `path` imports, for drawing it with everything it imports (`withImports`). */
export function drawnImports({ estate, judged }: CliEstate, path: string | undefined): DrawnImport[] {
  if (path === undefined) return [];
  const byPath = new Map(judged.map((j) => [j.path, j]));
  return [...importsOf(estate, path)].map(([target, through]) => {
    const node = estate.nodes.get(target)!;
    return { analysis: byPath.get(target)!.analysis, file: byPath.get(target)!.file, uri: node.uri, through: through.span };
  });
}
