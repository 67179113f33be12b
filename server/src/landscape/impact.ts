/**
 * The impact of a system (SPEC 11): what lies upstream of it (systems whose integrations reach
 * it, directly or through others) and downstream (what its integrations reach, and onward).
 *
 * An integration carries data from `from` to `to` (both ways when two-way), through its `via`
 * middleware. The walk follows integrations end to end, not the hops of their paths: data that
 * enters a bus from one system leaves it only for the `to` of the same integration, so a shared
 * bus does not make every system downstream of every other. The middleware of an integration
 * on the way lies on the way too. A middleware system itself reaches the ends of the
 * integrations that pass through it. Each system is visited once, so cycles end.
 */
import type { Integration, System } from '../model/manifest';
import type { Landscape } from './graph';

export interface Impact {
  system: System;
  /** Systems whose data reaches the system, nearest first (the system itself never). */
  upstream: System[];
  /** Systems the system's data reaches, nearest first. */
  downstream: System[];
  /** Integrations whose `to` is the system (or either end, when two-way). */
  inbound: Integration[];
  /** Integrations whose `from` is the system (or either end, when two-way). */
  outbound: Integration[];
  /** Integrations that pass through the system as middleware. */
  through: Integration[];
  /** Every integration on a path up- or downstream, and the system's own. */
  integrations: Integration[];
}

interface Arc {
  integration: Integration;
  to: string;
  via: string[];
}

const cache = new WeakMap<Landscape, { forward: Map<string, Arc[]>; backward: Map<string, Arc[]> }>();

/** The arcs of the landscape: for each system, the integrations that leave it (forward) and arrive at it (backward). */
function arcs(landscape: Landscape): { forward: Map<string, Arc[]>; backward: Map<string, Arc[]> } {
  let result = cache.get(landscape);
  if (result) return result;
  const forward = new Map<string, Arc[]>();
  const backward = new Map<string, Arc[]>();
  const add = (map: Map<string, Arc[]>, from: string, arc: Arc) => {
    const list = map.get(from);
    if (list) list.push(arc);
    else map.set(from, [arc]);
  };
  for (const integration of landscape.integrations) {
    const from = integration.from!.id;
    const to = integration.to!.id;
    const via = integration.via.map((v) => v.id).filter((id) => landscape.systems.has(id));
    add(forward, from, { integration, to, via });
    add(backward, to, { integration, to: from, via: [...via].reverse() });
    if (integration.twoWay) {
      add(forward, to, { integration, to: from, via: [...via].reverse() });
      add(backward, from, { integration, to, via });
    }
    // Middleware passes on what it carries: to the integration's `to`, and it receives from its `from`.
    for (const m of via) {
      add(forward, m, { integration, to, via: [] });
      add(backward, m, { integration, to: from, via: [] });
      if (integration.twoWay) {
        add(forward, m, { integration, to: from, via: [] });
        add(backward, m, { integration, to, via: [] });
      }
    }
  }
  cache.set(landscape, (result = { forward, backward }));
  return result;
}

/** The impact of the system with this id, or undefined when no system has it. */
export function impactOf(landscape: Landscape, systemId: string): Impact | undefined {
  const system = landscape.systems.get(systemId);
  if (!system) return undefined;
  const { forward, backward } = arcs(landscape);
  const used = new Set<Integration>();
  const walk = (graph: Map<string, Arc[]>): System[] => {
    const seen = new Set<string>([systemId]);
    const order: string[] = [];
    let frontier = [systemId];
    while (frontier.length) {
      const next: string[] = [];
      for (const id of frontier) {
        for (const arc of graph.get(id) ?? []) {
          // Only the start passes on what it carries as middleware; onward, the walk follows integrations end to end.
          if (id !== systemId && isMiddlewareArc(arc, id)) continue;
          used.add(arc.integration);
          for (const reached of [...arc.via, arc.to]) {
            if (seen.has(reached)) continue;
            seen.add(reached);
            order.push(reached);
            if (reached === arc.to) next.push(reached);
          }
        }
      }
      frontier = next;
    }
    return order.map((id) => landscape.systems.get(id)!).filter(Boolean);
  };
  const downstream = walk(forward);
  const upstream = walk(backward);
  const own = landscape.integrations.filter((i) => i.from!.id === systemId || i.to!.id === systemId || i.via.some((v) => v.id === systemId));
  for (const i of own) used.add(i);
  const inbound = own.filter((i) => i.to!.id === systemId || (i.twoWay && i.from!.id === systemId));
  const outbound = own.filter((i) => i.from!.id === systemId || (i.twoWay && i.to!.id === systemId));
  const through = own.filter((i) => i.from!.id !== systemId && i.to!.id !== systemId);
  return { system, upstream, downstream, inbound, outbound, through, integrations: landscape.integrations.filter((i) => used.has(i)) };
}

/** An arc that leaves `id` because `id` is a middleware hop of the integration (not one of its ends). */
function isMiddlewareArc(arc: Arc, id: string): boolean {
  return arc.integration.from?.id !== id && arc.integration.to?.id !== id;
}
