/**
 * The change view of the preview ("Compare with HEAD", SPEC 12): what the manifest as it is in
 * the editor changes against its committed text. The extension reads the committed text through
 * the built-in Git extension and sends it with `ChangesRequest`; the server answers with this
 * view, made by the same diff model as `integration-manifests diff`, and the webview draws it.
 */

export interface ChangesParams {
  /** The manifest open in the editor. */
  uri: string;
  /** Its text at the base; null when the file did not exist there (everything is then added). */
  baseText: string | null;
  /** What the base is, for the reader: `HEAD`. */
  baseLabel: string;
}

export type ChangeStatus = 'added' | 'removed' | 'changed' | 'renamed';

export interface ChangeRow {
  kind: 'system' | 'integration';
  status: ChangeStatus;
  id: string;
  previousId?: string;
  name?: string;
  /** Each field that changed, as `path: before → after`. */
  fields: string[];
}

export interface ChangeFinding {
  severity: 'error' | 'warning' | 'info' | 'hint';
  rule: string;
  /** `integration orders`, or empty. */
  item: string;
  /** 1-based, in the text it was found in (the editor's for introduced, the base's for resolved). */
  line: number;
  /** Plain text. */
  message: string;
}

export interface ChangeView {
  uri: string;
  /** The document version the view was made from. */
  version: number;
  baseLabel: string;
  baseExists: boolean;
  /** One sentence, plain text. */
  summary: string;
  /** The changed part of the application diagram, or undefined when no system or integration changed. */
  mermaid?: string;
  changes: ChangeRow[];
  introduced: ChangeFinding[];
  resolved: ChangeFinding[];
}

/** The result of `ChangesRequest`: null when the document is not open. */
export type ChangesResult = ChangeView | null;
