/**
 * The landscape as a graph over the manifest's model: the first declared system of each id,
 * and the integrations whose ends name declared systems. What the filters, the impact and
 * the views walk. Built from the model the diagram generators receive, so it serves a single
 * manifest and an estate alike.
 */
import { findSystem, type Integration, type Manifest, type System } from '../model/manifest';

export interface Landscape {
  manifest: Manifest;
  /** The first declared system of each id. */
  systems: Map<string, System>;
  /** Integrations with both ends naming declared systems, in manifest order. */
  integrations: Integration[];
}

const cache = new WeakMap<Manifest, Landscape>();

export function landscapeOf(manifest: Manifest): Landscape {
  let result = cache.get(manifest);
  if (result) return result;
  const systems = new Map<string, System>();
  for (const s of manifest.systems) if (s.id && !systems.has(s.id)) systems.set(s.id, s);
  const integrations = manifest.integrations.filter((i) => findSystem(manifest, i.from?.id) && findSystem(manifest, i.to?.id));
  cache.set(manifest, (result = { manifest, systems, integrations }));
  return result;
}

/** The ids of the systems an integration touches: `from`, each `via`, `to`. */
export function pathIds(integration: Integration): string[] {
  return [integration.from?.id, ...integration.via.map((v) => v.id), integration.to?.id].filter((id): id is string => id !== undefined);
}
