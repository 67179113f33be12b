/** Error and warning counts per integration, for marking edges and interaction tabs. */
import type { Analysis } from '../analysis/analyze';
import type { Integration } from '../model/manifest';

export interface Counts {
  errors: number;
  warnings: number;
}

export const NO_FINDINGS: Counts = { errors: 0, warnings: 0 };

/**
 * Counts each error and warning against the integration it belongs to: the problem's item
 * when the rule named one, else the integration whose span holds the problem.
 */
export function countsByIntegration(analysis: Analysis): Map<Integration, Counts> {
  const integrations = analysis.manifest.integrations;
  const counts = new Map<Integration, Counts>();
  for (const problem of analysis.problems) {
    if (problem.severity !== 'error' && problem.severity !== 'warning') continue;
    const owner = problem.item?.kind === 'integration' ? problem.item : problem.item ? undefined : containing(integrations, problem.span.start);
    if (!owner) continue;
    const c = counts.get(owner) ?? { errors: 0, warnings: 0 };
    if (problem.severity === 'error') c.errors++;
    else c.warnings++;
    counts.set(owner, c);
  }
  return counts;
}

/** The integration whose span holds `offset` (integrations are in document order and do not overlap). */
function containing(integrations: readonly Integration[], offset: number): Integration | undefined {
  let lo = 0;
  let hi = integrations.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = integrations[mid]!.span;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return integrations[mid];
  }
  return undefined;
}

/** `✖ ` when there are errors, `⚠ ` when there are warnings, else ''. */
export function findingMarker(c: Counts): string {
  return c.errors > 0 ? '✖ ' : c.warnings > 0 ? '⚠ ' : '';
}
