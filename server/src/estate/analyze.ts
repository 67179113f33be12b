/** The analysis of every manifest of an estate, each with its estate context. */
import { analyze, type Analysis, type AnalysisOptions, type RuleRuntime } from '../analysis/analyze';
import { estateContextOf, standsAlone } from './context';
import type { Estate } from './load';

/**
 * The analysis of the manifest at `path` within `estate` (undefined when the estate has no such
 * manifest). A manifest that imports nothing and that nothing imports is analysed exactly as
 * alone, without a context.
 */
export function analyzeInEstate(estate: Estate, path: string, options: AnalysisOptions = {}, runtime: RuleRuntime = {}): Analysis | undefined {
  const node = estate.nodes.get(path);
  if (!node) return undefined;
  const context = standsAlone(estate, path) ? undefined : estateContextOf(estate, path);
  return analyze(node.document, { ...options, ...(context ? { estate: context } : {}) }, node.manifest, runtime);
}

/** Every manifest of the estate analysed, by real path, in the order read. */
export function analyzeEstate(estate: Estate, options: AnalysisOptions = {}, runtime: RuleRuntime = {}): Map<string, Analysis> {
  const analyses = new Map<string, Analysis>();
  for (const path of estate.nodes.keys()) analyses.set(path, analyzeInEstate(estate, path, options, runtime)!);
  return analyses;
}
