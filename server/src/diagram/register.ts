/** The `integrationManifests/diagrams` request on the server connection: a document's diagram set. */
import type { CancellationToken, Connection } from 'vscode-languageserver';
import type { Analysis } from '../analysis/analyze';
import { diagramsFor } from './index';
import type { DiagramSet, DiagramsResult } from '../../../shared/src/diagrams';
import { DiagramsRequest } from '../../../shared/src/requests';
import { landscapeRequest } from '../../../shared/src/landscape';

/** Diagram sets kept per analysis (per focus and landscape request). */
const MAX_SETS = 8;

/** `analysisFor` gives the analysis of the document's current text with its problems computed (undefined when it has none, or the request was cancelled). */
export function registerDiagramRequest(connection: Connection, analysisFor: (uri: string, token: CancellationToken) => Promise<Analysis | undefined>): void {
  // One analysis per document version: its diagram sets (per focus) are reused until the text changes.
  const cache = new WeakMap<Analysis, Map<string, DiagramSet>>();
  connection.onRequest(DiagramsRequest, async (params, token): Promise<DiagramsResult> => {
    if (typeof params?.uri !== 'string') return null;
    const analysis = await analysisFor(params.uri, token);
    if (!analysis) return null;
    const focus = typeof params.focus === 'string' ? params.focus : '';
    // What the preview asks of the landscape; a malformed request is read as none.
    const landscape = landscapeRequest(params.landscape);
    const key = JSON.stringify([focus, landscape ?? null]);
    let sets = cache.get(analysis);
    if (!sets) cache.set(analysis, (sets = new Map<string, DiagramSet>()));
    let set = sets.get(key);
    if (!set) {
      sets.set(key, (set = diagramsFor(analysis, { ...(focus ? { focus } : {}), ...(landscape ? { landscape } : {}) })));
      // Each expanded domain or filter is another set of the same text: keep the latest few.
      while (sets.size > MAX_SETS) sets.delete(sets.keys().next().value!);
    }
    return set;
  });
}
