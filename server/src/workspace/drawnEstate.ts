/**
 * What the preview draws of a manifest: the manifest with everything it imports (SPEC 10; the
 * root manifest of an estate draws the estate), through `withImports` (diagram/estate.ts). Each
 * imported manifest comes with its findings, so its integrations show their own counts: an
 * open one's from the language service (the rules' worker), another's checked here a slice at
 * a time and kept while its text, estate, settings and day are the same.
 */
import { checkManifest, type Analysis, type AnalysisOptions, type RuleRuntime } from '../analysis/analyze';
import type { ManifestDocument } from '../document/manifestDocument';
import { withImports, type DrawnImport } from '../diagram/estate';
import { importsOf } from '../estate/context';
import type { EstateNode } from '../estate/load';
import { runInSlices } from '../incremental/slices';
import type { WorkspaceEstates } from './estates';

export interface DrawnEstateSource {
  estates: WorkspaceEstates;
  /** Whether the document is open (then its analysis comes from `settled`). */
  isOpen(uri: string): boolean;
  /** The document's analysis with its problems, or undefined when it changed (or `cancelled()`) first. */
  settled(uri: string, cancelled?: () => boolean): Promise<Analysis | undefined>;
  /** What the analysis of `uri` is made with, and a key that names it. */
  optionsOf(uri: string): { options: AnalysisOptions; key: string };
  runtime: RuleRuntime;
}

export function drawnEstates(source: DrawnEstateSource): (uri: string, cancelled?: () => boolean) => Promise<Analysis | undefined> {
  const checked = new WeakMap<ManifestDocument, { key: string; analysis: Analysis }>();
  let last: { parts: Analysis[]; drawn: Analysis } | undefined;

  /** A manifest that is not open, checked with its estate (kept while nothing it depends on changes). */
  async function closedAnalysis(node: EstateNode, cancelled?: () => boolean): Promise<Analysis | undefined> {
    const { options, key } = source.optionsOf(node.uri);
    const known = checked.get(node.document);
    if (known?.key === key) return known.analysis;
    const problems = await runInSlices(checkManifest(node.manifest, options, undefined, source.runtime), { stale: () => cancelled?.() ?? false });
    if (!problems) return undefined;
    const analysis: Analysis = { document: node.document, manifest: node.manifest, problems };
    checked.set(node.document, { key, analysis });
    return analysis;
  }

  return async (uri, cancelled) => {
    const own = await source.settled(uri, cancelled);
    const place = own && source.estates.placeOf(uri);
    if (!own || !place) return own;
    const imports: DrawnImport[] = [];
    for (const [target, through] of importsOf(place.estate, place.node.path)) {
      const node = place.estate.nodes.get(target)!;
      const analysis = source.isOpen(node.uri) ? await source.settled(node.uri, cancelled) : await closedAnalysis(node, cancelled);
      if (!analysis) return undefined;
      // Where the import is written in the text drawn now (the estate was read from an earlier text when it has been typed in since).
      const written = own.manifest.imports.find((i) => i.path === through.path)?.span ?? through.span;
      imports.push({ analysis, file: node.file, uri: node.uri, through: written });
    }
    // The same parts give the same drawing: the diagram request keeps its sets per analysis.
    const parts = [own, ...imports.map((i) => i.analysis)];
    if (last && last.parts.length === parts.length && last.parts.every((p, i) => p === parts[i])) return last.drawn;
    const drawn = withImports(own, imports);
    last = { parts, drawn };
    return drawn;
  };
}
