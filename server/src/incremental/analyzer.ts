/**
 * The incremental analyzer of one document: each call takes the document's whole new text,
 * re-parses only what changed since the previous call, and gives what `analyze()` of the
 * whole text gives (the same document tree, model and problems).
 *
 * It owns the YAML nodes it hands out and moves them in place on the next call: use an
 * analysis only until the next call for the same document.
 */
import { analyze, checkManifest, type Analysis, type AnalysisOptions, type Problem } from '../analysis/analyze';
import { manifestDocumentOf, type ManifestDocument } from '../document/manifestDocument';
import type { Manifest } from '../model/manifest';
import { LineIndex } from '../document/lineIndex';
import { IncrementalParser, type ParserStats } from './incrementalParser';
import { commonPrefix, commonSuffix } from './layout';
import { modelOf } from './incrementalModel';
import { runInSlices, type SliceOptions } from './slices';

export interface ParsedManifest {
  document: ManifestDocument;
  manifest: Manifest;
  /** Why the whole text was parsed at once, if it was (see `IncrementalParser`). */
  fallback: string | undefined;
}

export class IncrementalAnalyzer {
  private readonly parser = new IncrementalParser();
  private last: (ParsedManifest & { text: string }) | undefined;

  /** How much of the last text was parsed anew. */
  get stats(): ParserStats {
    return this.parser.stats;
  }

  /** The document and model of `text` (the cheap part of an analysis: what completion and hover read). */
  parse(text: string, uri?: string, version = 0): ParsedManifest {
    const last = this.last;
    if (last && last.text === text && last.document.uri === (uri ?? last.document.uri) && last.document.version === version) return last;
    const parsed = this.parser.parse(text);
    const document = manifestDocumentOf(text, parsed.parsed, uri, version, last ? linesAfterEdit(last.document, text) : undefined);
    const manifest = modelOf(document, parsed);
    this.last = { text, document, manifest, fallback: parsed.fallback };
    return this.last;
  }

  /** `analyze()` of the whole text. */
  analyze(text: string, uri?: string, version = 0, options: AnalysisOptions = {}): Analysis {
    const { document, manifest } = this.parse(text, uri, version);
    return analyze(document, options, manifest);
  }
}

/** The line index of `text`, from that of the document's text before one edit. */
function linesAfterEdit(before: ManifestDocument, text: string): LineIndex {
  const start = commonPrefix(before.text, text);
  const end = commonSuffix(before.text, text, Math.min(before.text.length, text.length) - start);
  return LineIndex.afterEdit(before.lines, text, start, before.text.length - end, text.length - end);
}

/**
 * The problems of a manifest, computed a slice at a time so that other requests are
 * answered in between; undefined when `slicing.stale()` says the document moved on (its
 * nodes may then have moved: the work is dropped).
 */
export function problemsInSlices(manifest: Manifest, options: AnalysisOptions, slicing: SliceOptions): Promise<Problem[] | undefined> {
  return runInSlices(checkManifest(manifest, options), slicing);
}
