/** The `integrationManifests/diagrams` request on the server connection: a document's diagram set. */
import type { CancellationToken, Connection } from 'vscode-languageserver';
import type { Analysis } from '../analysis/analyze';
import { diagramsFor } from './index';
import type { DiagramSet, DiagramsResult } from '../../../shared/src/diagrams';
import { DiagramsRequest } from '../../../shared/src/requests';

/** `analysisFor` gives the analysis of the document's current text with its problems computed (undefined when it has none, or the request was cancelled). */
export function registerDiagramRequest(connection: Connection, analysisFor: (uri: string, token: CancellationToken) => Promise<Analysis | undefined>): void {
  // One analysis per document version: its diagram sets (per focus) are reused until the text changes.
  const cache = new WeakMap<Analysis, Map<string, DiagramSet>>();
  connection.onRequest(DiagramsRequest, async (params, token): Promise<DiagramsResult> => {
    if (typeof params?.uri !== 'string') return null;
    const analysis = await analysisFor(params.uri, token);
    if (!analysis) return null;
    const focus = typeof params.focus === 'string' ? params.focus : '';
    let sets = cache.get(analysis);
    if (!sets) cache.set(analysis, (sets = new Map<string, DiagramSet>()));
    let set = sets.get(focus);
    if (!set) sets.set(focus, (set = diagramsFor(analysis, focus ? { focus } : {})));
    return set;
  });
}
