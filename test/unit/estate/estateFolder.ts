/** A real folder of manifests in the temporary directory, for the estate's tests. */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Analysis } from '../../../server/src/analysis/analyze';
import { analyzeEstate } from '../../../server/src/estate/analyze';
import { loadEstate, type Estate } from '../../../server/src/estate/load';
import { estatePath, nodeEstateFiles } from '../../../server/src/node/estateFiles';
import { joinLines, TODAY } from '../../helpers/text';

export interface EstateFolder {
  /** The folder that holds the root and what lies outside it (`outside/`). */
  base: string;
  /** The workspace folder: nothing outside is read. */
  root: string;
  write(file: string, ...lines: string[]): string;
  link(file: string, target: string): void;
  load(...files: string[]): Promise<Estate>;
  /** Every manifest of the estate of `files`, analysed, by path relative to the root. */
  analyze(...files: string[]): Promise<Map<string, Analysis>>;
  remove(): void;
}

export function estateFolder(): EstateFolder {
  const base = realpathSync(mkdtempSync(join(tmpdir(), 'estate-')));
  const root = join(base, 'root');
  mkdirSync(root);
  const folder: EstateFolder = {
    base,
    root,
    write(file, ...lines) {
      const path = join(root, file);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, joinLines(...lines));
      return path;
    },
    link(file, target) {
      const path = join(root, file);
      mkdirSync(dirname(path), { recursive: true });
      symlinkSync(target, path);
    },
    async load(...files) {
      return loadEstate(files.map((f) => estatePath(join(root, f))), await nodeEstateFiles(root));
    },
    async analyze(...files) {
      const estate = await folder.load(...files);
      const byFile = new Map<string, Analysis>();
      for (const [path, analysis] of analyzeEstate(estate, { today: TODAY })) byFile.set(estate.nodes.get(path)!.file, analysis);
      return byFile;
    },
    remove: () => rmSync(base, { recursive: true, force: true }),
  };
  return folder;
}

/** A shared catalog of systems (no solution, no integrations). */
export const CATALOG = [
  'integrationManifest: 1',
  'goals:',
  '  - id: visibility',
  '    title: Sales sees order status',
  'systems:',
  '  - id: sales',
  '    name: Dynamics 365 Sales',
  '    kind: dynamics-365-sales',
  '    hosting: cloud',
  '  - id: erp',
  '    name: ERP',
  '    kind: erp',
  '    hosting: cloud',
  '  - id: bus',
  '    name: Service Bus',
  '    kind: service-bus',
  '    hosting: cloud',
];

/** A domain manifest that imports `catalog` and integrates two of its systems. */
export function domain(catalog: string, id = 'status', extra: string[] = []): string[] {
  return [
    'integrationManifest: 1',
    'imports:',
    `  - ${catalog}`,
    'solution:',
    `  name: Domain ${id}`,
    'governance:',
    '  alm: azure-devops',
    '  versionControl: true',
    ...extra,
    'integrations:',
    `  - id: ${id}`,
    '    name: Order status',
    '    type: data',
    '    from: erp',
    '    to: sales',
    '    mode: async',
    '    trigger: event',
    '    volume: 500/day',
    '    pattern: business-events',
    '    via: [bus]',
    '    systemOfRecord: erp',
    '    goals: [visibility]',
    '    security: { authentication: entra-id, secrets: key-vault, transport: tls1.2 }',
    '    monitoring: { tool: application-insights, alerts: true }',
    '    errorHandling: { retry: { attempts: 5, backoff: exponential }, deadLetter: true, notify: support@contoso.com }',
  ];
}
