/**
 * Microsoft's SARIF Multitool (`@microsoft/sarif-multitool`, a native binary per platform in its
 * optional dependency) as the judge of what GitHub code scanning (`Ghas`), GitHub Advanced
 * Security for Azure DevOps (`Ado`) and the SARIF specification (`Sarif`) accept.
 */
import { execFileSync } from 'node:child_process';
import { accessSync, chmodSync, constants, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Log } from 'sarif';

/** The variables Azure Pipelines sets in a job (values of a made-up pipeline; the phase id is a GUID, as there). */
export const AZURE_PIPELINES_ENV = {
  TF_BUILD: 'True',
  SYSTEM_COLLECTIONURI: 'https://dev.azure.com/contoso/',
  SYSTEM_TEAMPROJECT: 'Architecture',
  SYSTEM_DEFINITIONID: '42',
  BUILD_DEFINITIONNAME: 'manifests',
  SYSTEM_PHASEID: '3b8b7c2e-7e55-5d5b-9a3c-1f6c0d1e2f3a',
  SYSTEM_PHASENAME: 'Manifests',
  BUILD_SOURCEBRANCHNAME: 'main',
  BUILD_BUILDID: '1001',
};

/** The Multitool's executable. Its package's postinstall only makes it executable; npm may skip install scripts, so this does it too. */
export function multitool(): string {
  // The platform package's main exports the binary's path.
  const path = createRequire(__filename)(`@microsoft/sarif-multitool-${process.platform}`) as string;
  try {
    accessSync(path, constants.X_OK);
  } catch {
    chmodSync(path, statSync(path).mode | 0o100);
  }
  return path;
}

/** Every error and warning the validator finds in `sarif` under `ruleKinds` (such as `Sarif;Ghas;Ado`), as `RULE: message` lines. */
export function validateSarif(sarif: string, ruleKinds: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'sarif-validate-'));
  try {
    const input = join(dir, 'input.sarif');
    const output = join(dir, 'validation.sarif');
    writeFileSync(input, sarif);
    // No shell: `Sarif;Ghas;Ado` is one argument. The exit code is not the verdict (1 also for findings); the output log is.
    try {
      execFileSync(multitool(), ['validate', input, '--rule-kind', ruleKinds, '--output', output, '--log', 'ForceOverwrite'], { stdio: 'pipe', timeout: 60_000 });
    } catch (e) {
      if (!fileExists(output)) throw e;
    }
    const log = JSON.parse(readFileSync(output, 'utf8')) as Log;
    const run = log.runs[0];
    if (!run) throw new Error('the validator wrote no run');
    const failed = (run.invocations ?? []).filter((i) => !i.executionSuccessful);
    if (failed.length) throw new Error(`the validator did not complete: ${JSON.stringify(failed)}`);
    return (run.results ?? [])
      .filter((r) => (r.level ?? 'warning') === 'error' || (r.level ?? 'warning') === 'warning')
      .map((r) => `${r.ruleId ?? '?'}: ${r.message.text ?? (r.message.arguments ?? []).join(' ')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function fileExists(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
