/**
 * How the manifest shows each item of the integration strategy checklist (guidance:
 * checklist.md). The ids and our wording of the items live in the JSON Schema (`checklist`'s
 * properties, the keys an answer is recorded under); this file gives each its section, the rules
 * whose findings put it at risk, and, where a manifest can show it, the test of whether it is met.
 */
import { solutionCosts, formatAmount } from '../model/cost';
import type { Integration, Manifest } from '../model/manifest';
import { isCrossBoundary, viaSystems } from '../rules/helpers';

export type Section = 'goals' | 'platform' | 'design' | 'pattern' | 'governance';

export const SECTION_TITLES: Readonly<Record<Section, string>> = {
  goals: 'Define business goals',
  platform: 'Choose a platform',
  design: 'Choose a design',
  pattern: 'Choose a pattern',
  governance: 'Project governance',
};

/** What the manifest shows of an item: met or not, and the fields that say so (Markdown, keys in backticks). */
export interface Shown {
  met: boolean;
  evidence: string[];
}

export interface ItemRule {
  section: Section;
  /** Rules whose findings put the item at risk. */
  rules: readonly string[];
  /** Undefined: a manifest cannot show the item (`manual`); its answer is recorded under `checklist:`. */
  shows?: (manifest: Manifest) => Shown;
}

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const ids = (list: readonly Integration[], shown = 3) =>
  list.slice(0, shown).map((i) => `\`${i.id || '?'}\``).join(', ') + (list.length > shown ? ` and ${list.length - shown} more` : '');

/** Met when every integration passes `test` (and there is one); the evidence says how many, and which do not. */
function everyIntegration(manifest: Manifest, test: (i: Integration) => boolean, what: string, among: (i: Integration) => boolean = () => true): Shown {
  const concerned = manifest.integrations.filter(among);
  if (concerned.length === 0) return { met: false, evidence: ['No integration this item concerns is declared yet.'] };
  const missing = concerned.filter((i) => !test(i));
  const done = concerned.length - missing.length;
  return {
    met: missing.length === 0,
    evidence: [`${done} of ${count(concerned.length, 'integration')} ${what}${missing.length ? `; not yet: ${ids(missing)}` : ''}.`],
  };
}

const planned = (state: string | undefined) => state === 'planned' || state === 'done';

export const ITEM_RULES: Readonly<Record<string, ItemRule>> = {
  'goals-documented': {
    section: 'goals',
    rules: ['unused-goal'],
    shows: (m) => {
      const measured = m.goals.filter((g) => g.metric).length;
      return m.goals.length
        ? { met: true, evidence: [`\`goals\`: ${count(m.goals.length, 'goal')} declared, ${measured} with a \`metric\`.`] }
        : { met: false, evidence: ['No `goals` are declared.'] };
    },
  },
  'goals-aligned': { section: 'goals', rules: ['goal-alignment'], shows: (m) => everyIntegration(m, (i) => i.goals.length > 0, 'list the `goals` they serve') },
  'architecture-overview': {
    section: 'goals',
    rules: ['duplicate-id', 'unknown-reference', 'self-integration', 'unused-system'],
    shows: (m) =>
      m.systems.length && m.integrations.length
        ? { met: true, evidence: [`${count(m.systems.length, 'system')} and ${count(m.integrations.length, 'integration')} declared; the application and interaction diagrams are drawn from them.`] }
        : { met: false, evidence: ['Declare the `systems` and the `integrations` between them; the diagrams are drawn from them.'] },
  },
  'shared-understanding': { section: 'goals', rules: [] },
  'cloud-boundary': {
    section: 'platform',
    rules: ['hybrid-gateway', 'authentication-required'],
    shows: (m) => {
      const unknown = m.systems.filter((s) => !s.hosting);
      const crossing = m.integrations.filter((i) => isCrossBoundary(m, i)).length;
      if (!m.systems.length) return { met: false, evidence: ['No `systems` are declared.'] };
      return unknown.length
        ? { met: false, evidence: [`\`hosting\` is not declared on ${unknown.slice(0, 3).map((s) => `\`${s.id}\``).join(', ')}${unknown.length > 3 ? ` and ${unknown.length - 3} more` : ''}.`] }
        : { met: true, evidence: [`\`hosting\` declared on all ${count(m.systems.length, 'system')}; ${count(crossing, 'integration')} cross the cloud / on-premises boundary.`] };
    },
  },
  middleware: {
    section: 'platform',
    rules: ['middleware-hub', 'logic-apps-monitoring'],
    shows: (m) => {
      const through = m.integrations.filter((i) => viaSystems(m, i).some((s) => s.family === 'middleware'));
      const names = [...new Set(through.flatMap((i) => viaSystems(m, i).filter((s) => s.family === 'middleware').map((s) => `\`${s.id}\``)))];
      return through.length
        ? { met: true, evidence: [`${through.length} of ${count(m.integrations.length, 'integration')} pass through middleware (\`via\`: ${names.join(', ')}).`] }
        : { met: false, evidence: ['No integration passes through middleware or a messaging service (`via`).'] };
    },
  },
  'monitoring-alerts': {
    section: 'platform',
    rules: ['monitoring-required', 'logic-apps-monitoring', 'pii-protection', 'error-handling-required', 'dead-letter'],
    shows: (m) => everyIntegration(m, (i) => !!i.monitoring.tool && i.monitoring.tool !== 'none' && i.monitoring.alerts === true, 'have `monitoring` with `alerts: true`'),
  },
  'security-resilience': {
    section: 'platform',
    rules: ['authentication-required', 'transport-tls', 'no-inline-secrets', 'resilience-declared'],
    shows: (m) => {
      const { availability, disasterRecovery } = m.governance;
      const evidence = [
        availability ? `\`governance.availability\`: ${availability}` : 'No `governance.availability`.',
        disasterRecovery ? `\`governance.disasterRecovery\`: ${disasterRecovery}` : 'No `governance.disasterRecovery`.',
      ];
      const secured = everyIntegration(m, (i) => !!i.security.authentication && i.security.authentication !== 'none', 'declare `security.authentication`');
      return { met: !!availability && !!disasterRecovery && secured.met, evidence: [...evidence, ...secured.evidence] };
    },
  },
  'alm-version-control': {
    section: 'platform',
    rules: ['governance-declared'],
    shows: (m) => {
      const { alm, versionControl } = m.governance;
      const met = alm !== undefined && alm !== 'none' && versionControl === true;
      return { met, evidence: [`\`governance.alm\`: ${alm ?? 'not declared'}; \`governance.versionControl\`: ${versionControl === undefined ? 'not declared' : String(versionControl)}.`] };
    },
  },
  'design-aligned': {
    section: 'design',
    rules: ['dual-write-scope', 'dmf-scope', 'process-event-driven', 'prefer-low-code'],
    shows: (m) => everyIntegration(m, (i) => !!i.type && !!i.mode && !!i.pattern, 'declare their `type`, `mode` and `pattern`'),
  },
  'no-needless-replication': {
    section: 'design',
    rules: ['shared-data-layer', 'ui-embedded', 'system-of-record', 'system-of-record-participant'],
    shows: (m) => everyIntegration(m, (i) => i.systemOfRecord !== undefined, 'name the `systemOfRecord` that owns the data', (i) => i.type === 'data'),
  },
  'design-options': { section: 'design', rules: [] },
  'async-messaging': {
    section: 'pattern',
    rules: ['prefer-async-messaging', 'dead-letter'],
    shows: (m) => {
      const shown = everyIntegration(m, (i) => i.mode !== undefined, 'declare their `mode`');
      const async = m.integrations.filter((i) => i.mode === 'async' || i.mode === 'batch').length;
      return { met: shown.met, evidence: [...shown.evidence, `${async} asynchronous or batch, ${m.integrations.filter((i) => i.mode === 'sync').length} synchronous.`] };
    },
  },
  'volumes-and-limits': {
    section: 'pattern',
    rules: ['service-protection-limits', 'dataverse-capacity', 'odata-bulk', 'dmf-bulk', 'volume-declared'],
    shows: (m) => everyIntegration(m, (i) => !!(i.volume ?? i.peak ?? i.frequency), 'state their `volume`, `peak` or `frequency`'),
  },
  'operating-costs': {
    section: 'pattern',
    rules: ['cost-estimated'],
    shows: (m) => {
      const costs = solutionCosts(m);
      if (!costs.totals.length) return { met: false, evidence: ['No `cost` is estimated on any system or integration.'] };
      return {
        met: costs.unpriced.length === 0,
        evidence: [
          `Estimated: ${costs.totals.map(formatAmount).join(' + ')} (${count(costs.systems.length, 'system')} and ${count(costs.integrations.length, 'integration')} with a \`cost\`).`,
          ...costs.unpriced.map((u) => `Not priced: ${u}.`),
        ],
      };
    },
  },
  'load-testing': {
    section: 'governance',
    rules: ['load-testing'],
    shows: (m) => everyIntegration(m, (i) => planned(i.testing.load), 'plan a load test (`testing.load`)', (i) => i.ratePerHour !== undefined),
  },
  'end-to-end-testing': {
    section: 'governance',
    rules: ['end-to-end-testing'],
    shows: (m) => everyIntegration(m, (i) => planned(i.testing.endToEnd), 'plan an end-to-end test (`testing.endToEnd`)'),
  },
  'change-management': { section: 'governance', rules: [] },
  'impact-analysis': { section: 'governance', rules: [] },
};
