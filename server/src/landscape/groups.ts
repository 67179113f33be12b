/**
 * The groups of the landscape: a system's domain, or, when it has none, its kind's family
 * (SPEC 11). The application diagram draws them inside the hosting groups; the overview draws
 * each as one node.
 */
import type { System } from '../model/manifest';
import type { SystemFamily } from '../model/vocabulary';

export interface Group {
  /** `domain:<domain>` or `family:<family>` (`family:none` for a system whose kind is not known). */
  key: string;
  title: string;
  /** Set for a domain group. */
  domain?: string;
}

const FAMILY_TITLES: Readonly<Record<SystemFamily | 'none', string>> = {
  dataverse: 'Dataverse apps',
  'finance-operations': 'Finance and operations apps',
  'business-central': 'Business Central',
  analytics: 'Analytics',
  middleware: 'Middleware',
  other: 'Other systems',
  none: 'Kind not declared',
};

/** The group a system is drawn in. */
export function groupOf(system: System): Group {
  if (system.domain) return { key: `domain:${system.domain}`, title: system.domain, domain: system.domain };
  const family = system.family ?? 'none';
  return { key: `family:${family}`, title: FAMILY_TITLES[family] };
}

/** The groups of these systems, in the order they are first met, each with its systems. */
export function groupsOf(systems: readonly System[]): { group: Group; systems: System[] }[] {
  const byKey = new Map<string, { group: Group; systems: System[] }>();
  for (const system of systems) {
    const group = groupOf(system);
    const entry = byKey.get(group.key);
    if (entry) entry.systems.push(system);
    else byKey.set(group.key, { group, systems: [system] });
  }
  return [...byKey.values()];
}

/** The domains the manifest's systems name, each once, in the order first written. */
export function domainsOf(systems: readonly System[]): string[] {
  return [...new Set(systems.map((s) => s.domain).filter((d): d is string => d !== undefined))];
}
