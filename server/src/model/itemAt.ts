/**
 * The one "which item is here" query: the system, integration, goal or actor whose span holds
 * an offset. Rules' fixes, completion, hover and the diagrams' finding counts all ask it.
 * Each list is in document order and its items do not overlap, so each list is searched by
 * halving; an offset on an item's last character or just after it (`span.end`) is inside it.
 */
import { locate, spanOf, type PathSegment } from '../document/nodes';
import type { Span } from '../document/range';
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

/**
 * Where something about `path` of an item is shown (rules' findings, diagram targets): the
 * value (or its key, with `part: 'key'`), else the nearest key that exists, else the item's id
 * (see `locate`). A value reached through an alias is shown on the alias in this item
 * (`security: *sec`), never inside the anchored node another item holds; an item written whole
 * as an alias (`- *shared`) is shown on that alias.
 */
export function spanIn(item: Item, path: readonly PathSegment[], part: 'key' | 'value' = 'value'): Span {
  return writtenAsAlias(item) ? item.idSpan : locate(item.node, path, item.idSpan, part);
}

/** Whether the item is written whole as an alias (`- *shared`): its map is the anchored one, written elsewhere. */
export function writtenAsAlias(item: Item): boolean {
  const own = spanOf(item.node);
  return own !== undefined && (own.start < item.span.start || own.end > item.span.end);
}
