/**
 * The open documents' text, as `TextDocument` keeps it, and how each version came from the one
 * before: the editor sends the range of every change, so the incremental analyzer need not
 * compare two versions of a 5 MB text to find what changed (3 ms of every keystroke).
 */
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { TextDocumentsConfiguration } from 'vscode-languageserver';
import type { TextEdit } from './incremental/layout';
import type { VersionEdits } from './incremental/analyzer';

/** A document that says how its text became what it is from an earlier version's. */
export interface EditedDocument extends TextDocument {
  /** How the text of version `from` became that of version `to`; undefined when that is not known (a whole-text change, or too long ago). A plain function. */
  edit: VersionEdits;
}

/** Versions a document remembers the edit of: a request waits behind a few at most. */
const KEPT_EDITS = 64;

/** One version's edit: the text of `from` became that of `to`, keeping `prefix` characters at the start and `suffix` at the end. */
interface VersionEdit extends TextEdit {
  from: number;
  to: number;
}

/** The edit that `changes` (applied in order, as the protocol says) make to `document`'s text; applies them. */
function applyChanges(document: TextDocument, changes: readonly TextDocumentContentChangeEvent[], version: number): TextEdit | undefined {
  // Each change is made to the text the ones before it left: what all of them keep at both ends is kept.
  let edit: TextEdit | undefined = { prefix: document.getText().length, suffix: 0 };
  for (const [i, change] of changes.entries()) {
    if ('range' in change) {
      const length = document.getText().length;
      const start = document.offsetAt(change.range.start);
      const end = Math.max(start, document.offsetAt(change.range.end));
      if (edit) edit = i === 0 ? { prefix: start, suffix: length - end } : { prefix: Math.min(edit.prefix, start), suffix: Math.min(edit.suffix, length - end) };
    } else edit = undefined;
    TextDocument.update(document, [change], version);
  }
  return edit;
}

/** What `TextDocuments` is made with: `TextDocument`, with each document's recent edits. */
export function editedDocuments(): TextDocumentsConfiguration<EditedDocument> {
  const edits = new WeakMap<TextDocument, VersionEdit[]>();
  const withEdits = (document: TextDocument): EditedDocument => {
    const edited = document as EditedDocument;
    edited.edit = (from, to) => composed(edits.get(document) ?? [], from, to);
    return edited;
  };
  return {
    create: (uri, languageId, version, content) => withEdits(TextDocument.create(uri, languageId, version, content)),
    update(document, changes, version) {
      const from = document.version;
      const edit = applyChanges(document, changes, version);
      const log = edits.get(document) ?? [];
      if (edit) log.push({ ...edit, from, to: version });
      else log.length = 0;
      if (log.length > KEPT_EDITS) log.splice(0, log.length - KEPT_EDITS);
      edits.set(document, log);
      return document;
    },
  };
}

/**
 * The edit from version `from` to `to`, from the edits of the versions between: the text kept at
 * both ends by every one of them is kept by all together.
 */
export function composed(log: readonly VersionEdit[], from: number, to: number): TextEdit | undefined {
  let i = log.length;
  while (i > 0 && log[i - 1]!.to !== to) i--;
  if (i === 0 || from === to) return undefined;
  let at = to;
  let prefix = Infinity;
  let suffix = Infinity;
  while (at !== from) {
    const edit = log[--i];
    if (!edit || edit.to !== at) return undefined;
    prefix = Math.min(prefix, edit.prefix);
    suffix = Math.min(suffix, edit.suffix);
    at = edit.from;
  }
  return { prefix, suffix };
}
