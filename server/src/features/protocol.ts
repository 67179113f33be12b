/** Conversions between the engine's offsets (spans) and LSP ranges and positions. */
import type { Position, Range } from 'vscode-languageserver';
import type { ManifestDocument } from '../document/manifestDocument';
import type { Span } from '../document/range';

export function toRange(document: ManifestDocument, span: Span): Range {
  return { start: document.lines.positionAt(span.start), end: document.lines.positionAt(span.end) };
}

export function toSpan(document: ManifestDocument, range: Range): Span {
  return { start: document.lines.offsetAt(range.start), end: document.lines.offsetAt(range.end) };
}

export function toOffset(document: ManifestDocument, position: Position): number {
  return document.lines.offsetAt(position);
}
