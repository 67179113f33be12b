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

/**
 * What the editor answers about a file the language server asks it to read (the web build's
 * server has no file system of its own): its text, or why it was not read.
 */
export type ReadFileResult =
  | { kind: 'text'; text: string }
  | { kind: 'missing' }
  /** Outside every workspace folder: the editor does not read it. */
  | { kind: 'outside' }
  | { kind: 'not-a-file' }
  | { kind: 'unreadable'; reason: string };

/**
 * `{ uri, maxBytes? }` → the file's text as the editor has it (an open document's unsaved text
 * wins over the saved one), or why not; a file larger than `maxBytes` (the editor's own bound
 * when unset) is not read.
 */
export const ReadFileRequest = new RequestType<{ uri: string; maxBytes?: number }, ReadFileResult, void>('integrationManifests/readFile');

/** `{ folder }` (a workspace folder's URI) → the URIs of the manifests (`*.integration.yaml`, `*.integration.yml`) under it. */
export const ListManifestsRequest = new RequestType<{ folder: string }, string[], void>('integrationManifests/listManifests');
