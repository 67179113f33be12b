/** Error and warning counts per integration, for marking edges and interaction tabs. */
import type { Analysis } from '../analysis/analyze';
import { integrationAt } from '../model/itemAt';
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
  const counts = new Map<Integration, Counts>();
  for (const problem of analysis.problems) {
    if (problem.severity !== 'error' && problem.severity !== 'warning') continue;
    const owner = problem.item?.kind === 'integration' ? problem.item : problem.item ? undefined : integrationAt(analysis.manifest, problem.span.start);
    if (!owner) continue;
    const c = counts.get(owner) ?? { errors: 0, warnings: 0 };
    if (problem.severity === 'error') c.errors++;
    else c.warnings++;
    counts.set(owner, c);
  }
  return counts;
}

/** `✖ ` when there are errors, `⚠ ` when there are warnings, else ''. */
export function findingMarker(c: Counts): string {
  return c.errors > 0 ? '✖ ' : c.warnings > 0 ? '⚠ ' : '';
}
