/**
 * Realistic manifests of any size for the benchmarks and the incremental-analysis tests.
 * Deterministic: the same size and seed give the same text. Systems of every family and
 * both hostings, goals, actors, middleware paths, steps, field mappings, waivers, comments,
 * and a sprinkling of designs the rules flag (sync at volume, missing monitoring, weak TLS,
 * an unknown reference now and then).
 */
import { SYSTEM_FAMILIES } from '../server/src/model/vocabulary';

/** mulberry32: a small, fast, seeded PRNG with a good spread. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GenerateOptions {
  integrations: number;
  seed?: number;
  /** Systems to declare; by default about one per eight integrations (at least 12). */
  systems?: number;
  /**
   * How much each integration says, 0 to 1: the chance of the optional blocks (data,
   * security, monitoring, error handling, testing) and of the rich ones (mappings, steps,
   * docs). The default (0.2) gives about 370 bytes per integration (1,000 ≈ 370 KB); 0 gives about 290 (10,000 ≈ 3 MB);
   * 0.6 gives about 550 (1,000 ≈ 550 KB).
   */
  detail?: number;
  /** Business domains to spread the systems over (`domain:` of each system, in turn); none by default. */
  domains?: number;
}

const DOMAINS = ['Finance', 'Sales', 'Supply chain', 'Customer service', 'Human resources', 'Marketing', 'Manufacturing', 'Commerce', 'Projects', 'Procurement', 'Logistics', 'Data platform'];

const ENTITIES = ['SalesOrder', 'Customer', 'Invoice', 'Product', 'PriceList', 'Shipment', 'Worker', 'Vendor', 'PurchaseOrder', 'Payment', 'Case', 'Asset', 'WorkOrder', 'Ledger', 'Quote'];
const VERBS = ['sync', 'publish', 'import', 'export', 'update', 'notify', 'reconcile', 'replicate', 'embed', 'post'];
const TEAMS = ['Integration team', 'Sales operations', 'Finance IT', 'Warehouse IT', 'HR systems', 'Data platform'];
const FREQUENCIES = ['real-time', 'near-real-time', 'on-demand', 'hourly', 'daily', 'weekly', 'every 15m', 'every 30s', 'every 2h'];
const PERIODS = ['minute', 'hour', 'day', 'week', 'month'];
const PATTERNS_BY_TYPE: Record<string, readonly string[]> = {
  ui: ['embedded', 'virtual-tables', 'connector'],
  data: ['dual-write', 'dmf', 'odata', 'web-api', 'synapse-link', 'file-transfer', 'connector', 'custom'],
  process: ['business-events', 'messaging', 'connector', 'custom'],
};
const AUTH = ['entra-id', 'oauth2', 'managed-identity', 'certificate', 'api-key', 'basic'];
const TRANSPORT = ['tls1.3', 'tls1.2', 'tls1.2', 'tls1.2', 'tls1.1', 'http'];
const MONITORING = ['application-insights', 'azure-monitor', 'log-analytics', 'power-platform-admin', 'none'];

interface SystemSpec {
  id: string;
  kind: string;
  family: string;
  hosting: 'cloud' | 'on-premises';
}

/** A manifest with `integrations` integrations, as YAML text. */
export function generateManifest(options: GenerateOptions): string {
  const random = prng(options.seed ?? 20261122);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const chance = (p: number) => random() < p;
  const n = options.integrations;
  const detail = options.detail ?? 0.2;
  const some = (p: number) => random() < p * detail;
  const systemCount = options.systems ?? Math.max(12, Math.round(n / 8));
  const goalCount = Math.max(3, Math.round(n / 25));
  const actorCount = Math.max(2, Math.round(n / 60));

  const out: string[] = [];
  const line = (s: string) => out.push(s);
  line(`# Generated benchmark manifest: ${n} integrations, ${systemCount} systems (seed ${options.seed ?? 20261122}).`);
  line('integrationManifest: 1');
  line('solution:');
  line(`  name: Contoso landscape of ${n} integrations`);
  line('  description: Sales, finance, supply chain and the legacy estate, generated for benchmarks');
  line('governance:');
  line('  alm: azure-devops');
  line('  versionControl: true');
  line('  disasterRecovery: "Paired region failover, RPO 15m"');
  line('  availability: "99.9%"');

  line('actors:');
  for (let i = 0; i < actorCount; i++) {
    line(`  - id: actor-${i}`);
    line(`    name: ${pick(['Order taker', 'Planner', 'Accountant', 'Field technician', 'Buyer'])} ${i}`);
  }

  line('goals:                            # business goals (guidance: business-goals.md)');
  for (let i = 0; i < goalCount; i++) {
    line(`  - id: goal-${i}`);
    line(`    title: ${pick(ENTITIES)} visible to ${pick(TEAMS)} within ${1 + Math.floor(random() * 60)} minutes`);
    if (chance(0.5)) line(`    metric: "latency < ${1 + Math.floor(random() * 60)}m"`);
  }

  // Systems: every family and both hostings, then a middleware core so that `via` has choices.
  const families = Object.entries(SYSTEM_FAMILIES);
  const systems: SystemSpec[] = [];
  const allKinds = families.flatMap(([family, kinds]) => kinds.map((kind) => ({ family, kind })));
  for (let i = 0; i < systemCount; i++) {
    const { family, kind } = i < allKinds.length ? allKinds[i]! : pick(allKinds);
    const hosting: SystemSpec['hosting'] =
      family === 'dataverse' || family === 'finance-operations' || family === 'analytics' || (family === 'middleware' && kind !== 'on-premises-data-gateway')
        ? 'cloud'
        : kind === 'on-premises-data-gateway' || chance(0.5)
          ? 'on-premises'
          : 'cloud';
    systems.push({ id: `${kind.replace(/^dynamics-365-/, 'd365-')}-${i}`, kind, family, hosting });
  }
  line('systems:');
  for (const s of systems) {
    if (chance(0.05)) line(`  # ${s.family} system, ${s.hosting}`);
    line(`  - id: ${s.id}`);
    line(`    name: ${titleCase(s.kind)} ${s.id.split('-').pop()}`);
    line(`    kind: ${s.kind}`);
    line(`    hosting: ${s.hosting}`);
    if (options.domains) {
      const d = systems.indexOf(s) % options.domains;
      line(`    domain: ${DOMAINS[d % DOMAINS.length]}${d >= DOMAINS.length ? ` ${Math.floor(d / DOMAINS.length) + 1}` : ''}`);
    }
    if (chance(0.4)) line(`    owner: ${pick(TEAMS)}`);
    if (chance(0.15)) line(`    endpoint: https://${s.id}.contoso.example/api`);
    if (chance(0.1)) line(`    tags: [${pick(['core', 'legacy', 'regional'])}, ${pick(['tier-1', 'tier-2'])}]`);
    if (chance(0.02)) {
      line('    waivers:');
      line('      - rule: unused-system');
      line('        reason: Kept for the migration wave next year');
    }
  }
  const middleware = systems.filter((s) => s.family === 'middleware');
  const ends = systems.filter((s) => s.family !== 'middleware');

  line('integrations:');
  for (let i = 0; i < n; i++) {
    const type = pick(['data', 'data', 'data', 'process', 'ui'] as const);
    const from = pick(ends);
    let to = pick(ends);
    if (to === from) to = ends[(ends.indexOf(from) + 1) % ends.length]!;
    const verb = pick(VERBS);
    const entity = pick(ENTITIES);
    const mode = type === 'ui' ? 'sync' : pick(['async', 'async', 'batch', 'sync'] as const);
    const rich = some(0.3);
    if (chance(0.08)) line(`  # ${entity} flow ${i}: ${from.id} to ${to.id}`);
    line(`  - id: ${verb}-${entity.toLowerCase()}-${i}`);
    line(`    name: ${titleCase(verb)} ${entity} ${i}`);
    line(`    type: ${type}`);
    line(`    from: ${from.id}`);
    // Now and then a reference to a system that does not exist (a finding).
    line(`    to: ${chance(0.005) ? to.id + 'x' : to.id}`);
    if (some(0.3)) line('    direction: two-way');
    line(`    mode: ${mode}`);
    line(`    trigger: ${type === 'process' ? pick(['event', 'event', 'schedule']) : mode === 'batch' ? 'schedule' : pick(['event', 'user', 'schedule'])}`);
    if (type !== 'ui' || chance(0.1)) {
      if (chance(0.7)) line(`    frequency: ${pick(FREQUENCIES)}`);
      if (chance(0.85)) line(`    volume: ${rate(random)}`);
      if (some(0.6)) line(`    peak: ${rate(random)}`);
    }
    line(`    pattern: ${pick(PATTERNS_BY_TYPE[type]!)}`);
    const via = chance(0.55) && middleware.length ? [pick(middleware), ...(chance(0.3) ? [pick(middleware)] : [])] : [];
    if (via.length) line(`    via: [${[...new Set(via.map((v) => v.id))].join(', ')}]`);
    if (type === 'data' && chance(0.8)) line(`    systemOfRecord: ${chance(0.7) ? from.id : to.id}`);
    if (chance(0.7)) line(`    goals: [goal-${Math.floor(random() * goalCount)}]`);
    if (some(0.9)) line(`    owner: ${pick(TEAMS)}`);
    if (rich) line(`    docs: https://dev.azure.com/contoso/landscape/_wiki/${entity.toLowerCase()}-${i}`);
    if (type === 'data' && some(0.8)) {
      line('    data:');
      line(`      entities: [${entity}${chance(0.3) ? ', ' + pick(ENTITIES) : ''}]`);
      line(`      format: ${pick(['json', 'json', 'xml', 'csv', 'edi'])}`);
      line(`      pii: ${chance(0.2)}`);
      if (rich) {
        line('      mapping:');
        for (let m = 0; m < 2 + Math.floor(random() * 3); m++) {
          line(`        - from: ${entity.toUpperCase()}_FIELD_${m}`);
          line(`          to: ${entity.toLowerCase()}field${m}`);
          if (chance(0.5)) line(`          transform: map codes of ${from.id} to ${to.id}`);
        }
      }
    }
    if (some(0.9)) {
      line('    security:');
      line(`      authentication: ${pick(AUTH)}`);
      line(`      secrets: ${pick(['key-vault', 'key-vault', 'managed-identity'])}`);
      line(`      transport: ${pick(TRANSPORT)}`);
    }
    if (some(0.9)) {
      line('    monitoring:');
      line(`      tool: ${pick(MONITORING)}`);
      line(`      alerts: ${chance(0.7)}`);
      if (chance(0.5)) line(`      audit: ${chance(0.6)}`);
    }
    if (some(0.9)) {
      line('    errorHandling:');
      line(`      retry: { attempts: ${1 + Math.floor(random() * 6)}, backoff: ${pick(['fixed', 'exponential'])} }`);
      line(`      deadLetter: ${chance(0.7)}`);
      if (chance(0.5)) line('      notify: integration-support@contoso.example');
    }
    if (some(0.6)) {
      line('    testing:');
      line(`      load: ${pick(['none', 'planned', 'done'])}`);
      line(`      endToEnd: ${pick(['none', 'planned', 'done'])}`);
    }
    if (rich && chance(0.7)) {
      line('    steps:');
      const path = [from, ...via, to];
      if (chance(0.3)) line(`      - { from: actor-${Math.floor(random() * actorCount)}, to: ${from.id}, action: Start ${verb} }`);
      for (let s = 0; s + 1 < path.length; s++) {
        line(`      - from: ${path[s]!.id}`);
        line(`        to: ${path[s + 1]!.id}`);
        line(`        action: ${titleCase(verb)} ${entity} step ${s + 1}`);
        if (mode !== 'sync') line('        async: true');
      }
    }
    if (chance(0.06)) {
      line('    waivers:                # accepted deviations');
      line(`      - rule: ${pick(['load-testing', 'monitoring-required', 'error-handling-required', 'goal-alignment', 'prefer-async-messaging'])}`);
      if (chance(0.9)) line(`        reason: ${pick(['Volume is capped upstream', 'Decommissioned next quarter', 'Vendor monitors it'])}`);
      if (chance(0.5)) line(`        expires: ${chance(0.8) ? '2027' : '2025'}-0${1 + Math.floor(random() * 9)}-15`);
    }
  }

  line('rules:                            # per-manifest rule configuration');
  line('  goal-alignment: info');
  line('  prefer-async-messaging: { severity: warning, threshold: 1000/hour }');
  return out.join('\n') + '\n';
}

function rate(random: () => number): string {
  const n = Math.floor(random() * 900) + 1;
  const suffix = random() < 0.3 ? 'k' : '';
  return `${n}${suffix}/${PERIODS[Math.floor(random() * PERIODS.length)]}`;
}

function titleCase(id: string): string {
  return id
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

// `node --import tsx bench/generate.ts 1000 [detail] [seed] > big.integration.yaml`
if (process.argv[1] && /generate\.ts$/.test(process.argv[1])) {
  const [count = '1000', detail, seed] = process.argv.slice(2);
  process.stdout.write(generateManifest({ integrations: Number(count), ...(detail ? { detail: Number(detail) } : {}), ...(seed ? { seed: Number(seed) } : {}) }));
}
