/** The `integrationManifests/diagrams` request on the server connection: a document's diagram set. */
import type { Connection } from 'vscode-languageserver';
import type { Analysis } from '../analysis/analyze';
import { diagramsFor } from './index';
import { DIAGRAMS_REQUEST, type DiagramSet, type DiagramsParams, type DiagramsResult } from './protocol';

export function registerDiagramRequest(connection: Connection, analysisFor: (uri: string) => Analysis | undefined): void {
  // One analysis per document version: its diagram sets (per focus) are reused until the text changes.
  const cache = new WeakMap<Analysis, Map<string, DiagramSet>>();
  connection.onRequest(DIAGRAMS_REQUEST, (params: DiagramsParams): DiagramsResult => {
    if (typeof params?.uri !== 'string') return null;
    const analysis = analysisFor(params.uri);
    if (!analysis) return null;
    const focus = typeof params.focus === 'string' ? params.focus : '';
    let sets = cache.get(analysis);
    if (!sets) cache.set(analysis, (sets = new Map()));
    let set = sets.get(focus);
    if (!set) sets.set(focus, (set = diagramsFor(analysis, focus ? { focus } : {})));
    return set;
  });
}
