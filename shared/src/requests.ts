/**
 * The custom requests between the extension and the language server, as typed `RequestType`s:
 * the client's `sendRequest` and the server's `onRequest` both take the constant, so the
 * parameter and result types cannot drift apart.
 */
import { RequestType } from 'vscode-languageserver-protocol';
import type { DiagramsParams, DiagramsResult } from './diagrams';

/** `{ uri, focus? }` → the document's diagrams, or null when it is not open (or the request was cancelled). */
export const DiagramsRequest = new RequestType<DiagramsParams, DiagramsResult, void>('integrationManifests/diagrams');
