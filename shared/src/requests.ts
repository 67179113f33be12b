/**
 * The custom requests between the extension and the language server, as typed `RequestType`s:
 * the client's `sendRequest` and the server's `onRequest` both take the constant, so the
 * parameter and result types cannot drift apart.
 */
import { RequestType } from 'vscode-languageserver-protocol';
import type { ChangesParams, ChangesResult } from './changes';
import type { DiagramsParams, DiagramsResult } from './diagrams';

/** `{ uri, focus? }` → the document's diagrams, or null when it is not open (or the request was cancelled). */
export const DiagramsRequest = new RequestType<DiagramsParams, DiagramsResult, void>('integrationManifests/diagrams');

/** `{ uri, baseText, baseLabel }` → what the document changes against that text (the preview's "Compare with HEAD"), or null when it is not open. */
export const ChangesRequest = new RequestType<ChangesParams, ChangesResult, void>('integrationManifests/changes');
