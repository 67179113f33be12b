/**
 * Shared capacity (SPEC 13): Dataverse counts its service protection limits per user, so the
 * integrations that write into one Dataverse app as the same identity share them.
 */
import { findSystem, type Integration, type Manifest } from './manifest';

/** The identity integrations that declare none are counted under: they may all sign in as one. */
const UNDECLARED = '';

/** One pool of Dataverse's limits: a target system and the identity its writers sign in as. */
export interface CapacityPool {
  identity: string | undefined;
  integrations: Integration[];
  perHour: number;
}

/**
 * The non-batch writes into each Dataverse-family system, pooled by the identity they sign in as
 * (`security.identity`; those that declare none share one pool), largest first within a pool.
 * Read by rule `dataverse-capacity` and by a system's hover.
 */
export function capacityPools(manifest: Manifest): Map<string, CapacityPool[]> {
  const bySystem = new Map<string, Map<string, CapacityPool>>();
  for (const integration of manifest.integrations) {
    const rate = integration.ratePerHour;
    if (integration.mode === 'batch' || rate === undefined) continue;
    const to = findSystem(manifest, integration.to?.id);
    if (to?.family !== 'dataverse') continue;
    const identity = integration.security.identity ?? UNDECLARED;
    const pools = bySystem.get(to.id) ?? bySystem.set(to.id, new Map()).get(to.id)!;
    const pool = pools.get(identity) ?? pools.set(identity, { identity: identity || undefined, integrations: [], perHour: 0 }).get(identity)!;
    pool.integrations.push(integration);
    pool.perHour += rate;
  }
  const result = new Map<string, CapacityPool[]>();
  for (const [system, pools] of bySystem) {
    for (const pool of pools.values()) pool.integrations.sort((a, b) => b.ratePerHour! - a.ratePerHour!);
    result.set(system, [...pools.values()].sort((a, b) => b.perHour - a.perHour));
  }
  return result;
}
