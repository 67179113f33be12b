/**
 * The language server's analyses as they were before the incremental analyzer: every new
 * version is parsed whole and every rule runs at once, on whichever request comes first.
 * The benchmark bundles a server with this in place of `server/src/incremental/documentAnalyses`
 * to measure the "before" column with the same harness.
 */
import { analyze, type Analysis, type AnalysisOptions } from '../server/src/analysis/analyze';
import { parseManifest } from '../server/src/document/manifestDocument';
import type { DocumentText } from '../server/src/incremental/documentAnalyses';

export class DocumentAnalyses {
  private readonly cache = new Map<string, { key: string; analysis: Analysis }>();

  get(document: DocumentText, key: string, options: AnalysisOptions): Analysis {
    const cached = this.cache.get(document.uri);
    if (cached?.key === key) return cached.analysis;
    const analysis = analyze(parseManifest(document.getText(), document.uri, document.version), options);
    this.cache.set(document.uri, { key, analysis });
    return analysis;
  }

  settle(document: DocumentText, key: string, options: AnalysisOptions): Promise<Analysis | undefined> {
    return Promise.resolve(this.get(document, key, options));
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }
}
