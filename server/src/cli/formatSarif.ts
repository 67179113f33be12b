import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Log, PhysicalLocation, ReportingDescriptor, Result } from 'sarif';
import { REPOSITORY_URL, ruleDocsUrl } from '../../../shared/src/product';
import { RULES } from '../rules';
import type { LintFinding } from './lintResult';

const LEVEL = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as const;

/** SARIF 2.1.0: one `rules` entry per rule of the catalog, one `results` entry per finding. */
export function formatSarif(findings: readonly LintFinding[], version: string): string {
  const index = new Map(RULES.map((r, i) => [r.id, i]));
  const log: Log = {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: {
          driver: {
            name: 'integration-manifests',
            version,
            informationUri: REPOSITORY_URL,
            rules: RULES.map((r): ReportingDescriptor => ({
              id: r.id,
              shortDescription: { text: r.summary },
              helpUri: ruleDocsUrl(r.id),
              defaultConfiguration: { level: LEVEL[r.severity] },
            })),
          },
        },
        results: findings.map((f): Result => ({
          ruleId: f.rule,
          ...(index.has(f.rule) ? { ruleIndex: index.get(f.rule) } : {}),
          level: LEVEL[f.severity],
          message: { text: f.message },
          locations: [{ physicalLocation: physicalLocation(f) }],
          ...(f.related ? { relatedLocations: f.related.map((r, id) => ({ id, physicalLocation: physicalLocation(r), message: { text: r.message } })) } : {}),
        })),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function physicalLocation(at: Pick<LintFinding, 'file' | 'line' | 'column' | 'endLine' | 'endColumn'>): PhysicalLocation {
  return { artifactLocation: { uri: toArtifactUri(at.file) }, region: { startLine: at.line, startColumn: at.column, endLine: at.endLine, endColumn: at.endColumn } };
}

/**
 * An absolute path as a `file:` URI; a relative one as a relative URI reference (resolved
 * against the checkout). A backslash separates folders only on Windows: elsewhere it is part of
 * a file name, and is encoded with the rest.
 */
function toArtifactUri(file: string): string {
  if (isAbsolute(file)) return pathToFileURL(file).href;
  return file.split(process.platform === 'win32' ? /[\\/]/ : '/').map(encodeURIComponent).join('/');
}
