/**
 * The one "which item is here" query: the system, integration, goal or actor whose span holds
 * an offset. Rules' fixes, completion, hover and the diagrams' finding counts all ask it.
 * Each list is in document order and its items do not overlap, so each list is searched by
 * halving; an offset on an item's last character or just after it (`span.end`) is inside it.
 */
import type { Integration, Item, Manifest, System } from './manifest';

/** The item of `list` whose span holds `offset`. */
export function itemIn<T extends Item>(list: readonly T[], offset: number): T | undefined {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const span = list[mid]!.span;
    if (offset < span.start) hi = mid - 1;
    else if (offset > span.end) lo = mid + 1;
    else return list[mid];
  }
  return undefined;
}

/** The system, integration, goal or actor whose span holds `offset`. */
export function itemAt(manifest: Manifest, offset: number): Item | undefined {
  return itemIn(manifest.integrations, offset) ?? itemIn(manifest.systems, offset) ?? itemIn(manifest.goals, offset) ?? itemIn(manifest.actors, offset);
}

export function integrationAt(manifest: Manifest, offset: number): Integration | undefined {
  return itemIn(manifest.integrations, offset);
}

/** The system or integration at `offset`: the items that hold waivers. */
export function waivableItemAt(manifest: Manifest, offset: number): System | Integration | undefined {
  return itemIn(manifest.integrations, offset) ?? itemIn(manifest.systems, offset);
}
