/** The `integrationManifests/diagrams` request on the server connection: a document's diagram set, or its application diagram alone. */
import type { CancellationToken, Connection } from 'vscode-languageserver';
import type { Analysis } from '../analysis/analyze';
import { applicationPartFor, diagramsFor } from './index';
import type { ApplicationPart, DiagramSet, DiagramsParams, DiagramsResult } from '../../../shared/src/diagrams';
import { DiagramsRequest } from '../../../shared/src/requests';
import { landscapeRequest } from '../../../shared/src/landscape';

/** Answers kept per analysis (per focus, landscape request and part asked for). */
const MAX_SETS = 8;

/** `analysisFor` gives the analysis of the document's current text with its problems computed (undefined when it has none, or the request was cancelled). */
export function registerDiagramRequest(connection: Connection, analysisFor: (uri: string, token: CancellationToken) => Promise<Analysis | undefined>): void {
  // One analysis per document version: its answers (per focus) are reused until the text changes.
  const cache = new WeakMap<Analysis, Map<string, DiagramSet | ApplicationPart>>();
  connection.onRequest(DiagramsRequest, async (params, token): Promise<DiagramsResult> => {
    if (typeof params?.uri !== 'string') return null;
    const analysis = await analysisFor(params.uri, token);
    if (!analysis) return null;
    const asked = diagramsAsked(params);
    const key = JSON.stringify([asked.focus ?? '', asked.landscape ?? null, asked.only ?? null]);
    let answers = cache.get(analysis);
    if (!answers) cache.set(analysis, (answers = new Map<string, DiagramSet | ApplicationPart>()));
    let answer = answers.get(key);
    if (!answer) {
      answers.set(key, (answer = diagramsAnswer(analysis, asked)));
      // Each expanded domain or filter is another answer for the same text: keep the latest few.
      while (answers.size > MAX_SETS) answers.delete(answers.keys().next().value!);
    }
    return answer;
  });
}

/** What a request asks for, read leniently: a focus that is not a string, or a malformed landscape request, is read as none. */
function diagramsAsked(params: DiagramsParams): Omit<DiagramsParams, 'uri'> {
  const landscape = landscapeRequest(params.landscape);
  return {
    ...(typeof params.focus === 'string' && params.focus ? { focus: params.focus } : {}),
    ...(landscape ? { landscape } : {}),
    ...(params.only === 'application' ? { only: 'application' } : {}),
  };
}

/**
 * The answer to the request for an analysed document: the whole set, or (`only: 'application'`,
 * a change of focus or landscape) the application diagram alone, with nothing else made.
 */
export function diagramsAnswer(analysis: Analysis, params: Omit<DiagramsParams, 'uri'>): DiagramSet | ApplicationPart {
  const { only, ...options } = diagramsAsked({ uri: '', ...params });
  return only ? applicationPartFor(analysis, options) : diagramsFor(analysis, options);
}
