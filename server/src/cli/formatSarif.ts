import { isAbsolute, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Log, PhysicalLocation, ReportingDescriptor, Result, Run } from 'sarif';
import { REPOSITORY_URL, ruleDocsUrl } from '../../../shared/src/product';
import { RULES } from '../rules';
import type { RuleDefinition } from '../rules/types';
import type { CliIo } from './io';
import type { LintFinding } from './lintResult';

const LEVEL = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as const;

/** The base that relative artifact locations are resolved against: the checkout, as GitHub code scanning and Azure DevOps read it. */
export const SRCROOT = '%SRCROOT%';

export interface SarifOptions {
  /** The tool's version (`driver.version`). */
  version: string;
  /** Which command made the log: `lint` or `diff` (the run's `automationDetails.id`, so the services keep their results apart). */
  command: 'lint' | 'diff';
  /** The folder file names are relative to (the checkout's root in CI). */
  cwd: string;
  /** The environment: in Azure Pipelines, the run's identity for `automationDetails`. */
  env?: Readonly<Record<string, string | undefined>> | undefined;
}

/** The SARIF options of a command run with `io`. */
export function sarifOptions(command: SarifOptions['command'], io: CliIo): SarifOptions {
  return { version: io.version, command, cwd: io.cwd, env: io.env };
}

/**
 * SARIF 2.1.0 as GitHub code scanning and GitHub Advanced Security for Azure DevOps accept it
 * (checked by Microsoft's SARIF Multitool, `validate --rule-kind Sarif;Ghas;Ado`, in
 * test/unit/sarifValidator.test.ts): every rule of the catalog with its `name`, descriptions
 * and help, the driver's `fullName`, the run's `automationDetails`, and locations relative to
 * `%SRCROOT%`, so the services map each finding to its file in the repository.
 */
export function formatSarif(findings: readonly LintFinding[], options: SarifOptions): string {
  const index = new Map(RULES.map((r, i) => [r.id, i]));
  const log: Log = {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: {
          driver: {
            name: 'integration-manifests',
            fullName: `Integration Manifests ${options.version}`,
            version: options.version,
            semanticVersion: options.version,
            informationUri: REPOSITORY_URL,
            rules: RULES.map(ruleDescriptor),
          },
        },
        automationDetails: automationDetails(options),
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(options.cwd).href.replace(/\/?$/, '/') } },
        columnKind: 'utf16CodeUnits',
        results: findings.map((f): Result => ({
          ruleId: f.rule,
          ...(index.has(f.rule) ? { ruleIndex: index.get(f.rule) } : {}),
          level: LEVEL[f.severity],
          message: { text: f.message },
          locations: [{ physicalLocation: physicalLocation(f, options.cwd) }],
          // The other places in the estate the finding is about (the other occurrence of a duplicate id).
          ...(f.related ? { relatedLocations: f.related.map((r, id) => ({ id, physicalLocation: physicalLocation(r, options.cwd), message: { text: r.message } })) } : {}),
        })),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function physicalLocation(at: Pick<LintFinding, 'file' | 'line' | 'column' | 'endLine' | 'endColumn'>, cwd: string): PhysicalLocation {
  return { artifactLocation: artifactLocation(at.file, cwd), region: { startLine: at.line, startColumn: at.column, endLine: at.endLine, endColumn: at.endColumn } };
}

/** A rule as the services show it: a readable name, what it checks, and where its page is. */
function ruleDescriptor(rule: RuleDefinition): ReportingDescriptor {
  const url = ruleDocsUrl(rule.id);
  const kind = rule.category === 'guidance' ? 'The design goes against the integration guidance.' : 'The manifest is wrong as written.';
  return {
    id: rule.id,
    name: ruleName(rule.id),
    shortDescription: { text: rule.summary },
    fullDescription: { text: `${rule.summary} ${kind}` },
    help: {
      text: `${rule.summary} Why it matters, a bad and a good example and the fix: ${url}`,
      markdown: `${rule.summary} Why it matters, a bad and a good example and the fix: [${rule.id}](${url}).`,
    },
    helpUri: url,
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: { category: rule.category },
  };
}

/**
 * What the run is: the command (`integration-manifests/lint/`), so the services keep lint's and
 * diff's results apart. In Azure Pipelines (`TF_BUILD`), GitHub Advanced Security for Azure
 * DevOps asks for the pipeline's identity, in its own form, read from the pipeline's variables:
 * `azuredevops/pipeline/build/<organization>/<project>/<definition>/<phase>/<branch>/<build>/`
 * and the definition and phase, by id and name, in `properties`.
 */
function automationDetails(options: SarifOptions): NonNullable<Run['automationDetails']> {
  const env = options.env ?? {};
  const need = ['SYSTEM_COLLECTIONURI', 'SYSTEM_TEAMPROJECT', 'SYSTEM_DEFINITIONID', 'BUILD_DEFINITIONNAME', 'SYSTEM_PHASEID', 'SYSTEM_PHASENAME', 'BUILD_SOURCEBRANCHNAME', 'BUILD_BUILDID'] as const;
  const v = Object.fromEntries(need.map((k) => [k, env[k]?.trim() ?? ''])) as Record<(typeof need)[number], string>;
  if (!/^true$/i.test(env['TF_BUILD'] ?? '') || need.some((k) => !v[k])) return { id: `integration-manifests/${options.command}/` };
  const organization = v.SYSTEM_COLLECTIONURI.replace(/\/+$/, '').split('/').pop() ?? '';
  const base = 'azuredevops/pipeline/build';
  return {
    id: [base, organization, v.SYSTEM_TEAMPROJECT, v.SYSTEM_DEFINITIONID, v.SYSTEM_PHASEID, v.BUILD_SOURCEBRANCHNAME, v.BUILD_BUILDID, ''].join('/'),
    description: { text: `integration-manifests ${options.command}` },
    properties: {
      [`${base}/buildDefinitionId`]: v.SYSTEM_DEFINITIONID,
      [`${base}/buildDefinitionName`]: v.BUILD_DEFINITIONNAME,
      [`${base}/phaseId`]: v.SYSTEM_PHASEID,
      [`${base}/phaseName`]: v.SYSTEM_PHASENAME,
    },
  };
}

/** Names that would read as the id itself (the validators ask for a name that differs from it). */
const NAMES: Readonly<Record<string, string>> = { schema: 'ManifestSchema' };

/** `dead-letter` → `DeadLetter`: SARIF's `name` is an identifier a person reads. */
export function ruleName(id: string): string {
  const named = NAMES[id];
  if (named) return named;
  return id
    .split(/[-_]/)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}

/**
 * Where a file is, for the services: relative to `%SRCROOT%` (the folder the command ran in)
 * when it lies inside it; else an absolute `file:` URI. A backslash separates folders only on
 * Windows: elsewhere it is part of a file name, and is encoded with the rest.
 */
function artifactLocation(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const rel = isAbsolute(file) ? relative(cwd, file) : file;
  if (isAbsolute(rel) || rel.split(sep)[0] === '..' || (isAbsolute(file) && rel === '')) return { uri: pathToFileURL(file).href };
  return { uri: rel.split(process.platform === 'win32' ? /[\\/]/ : '/').filter((p) => p !== '.').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}
