/** Facts several rules share, derived from the model. */
import { appendToSeq, type TextEdit } from '../document/edits';
import { locate, type PathSegment } from '../document/nodes';
import type { Span } from '../document/range';
import { findSystem, type Integration, type Item, type Manifest, type System } from '../model/manifest';

export function ends(manifest: Manifest, integration: Integration): { from: System | undefined; to: System | undefined } {
  return { from: findSystem(manifest, integration.from?.id), to: findSystem(manifest, integration.to?.id) };
}

/** One end on-premises and the other in the cloud. */
export function isCrossBoundary(manifest: Manifest, integration: Integration): boolean {
  const { from, to } = ends(manifest, integration);
  return !!from?.hosting && !!to?.hosting && from.hosting !== to.hosting;
}

export function viaSystems(manifest: Manifest, integration: Integration): System[] {
  return integration.via.map((r) => findSystem(manifest, r.id)).filter((s): s is System => s !== undefined);
}

export function viaHasKind(manifest: Manifest, integration: Integration, kinds: readonly string[]): boolean {
  return viaSystems(manifest, integration).some((s) => s.systemKind !== undefined && kinds.includes(s.systemKind));
}

/** Where a finding about `path` of an item is shown (see `locate`). */
export function at(item: Item, path: readonly PathSegment[], part: 'key' | 'value' = 'value'): Span {
  return locate(item.node, path, item.idSpan, part);
}

export { integrationAt, itemAt } from '../model/itemAt';

/** A fresh id based on `base` that no item uses yet. */
export function freshId(manifest: Manifest, base: string): string {
  if (!manifest.byId.has(base)) return base;
  for (let i = 2; ; i++) if (!manifest.byId.has(`${base}-${i}`)) return `${base}-${i}`;
}

/**
 * Edits that put a system of one of `kinds` into the integration's `via`: reuse a declared
 * one, else declare `template` under `systems:` and use it.
 */
export function addToVia(
  manifest: Manifest,
  integration: Integration,
  kinds: readonly string[],
  template: { id: string; name: string; kind: string; hosting: 'cloud' | 'on-premises' },
): { edits: TextEdit[]; systemId: string; declared: boolean } {
  const doc = manifest.document;
  const existing = manifest.systems.find((s) => s.systemKind !== undefined && kinds.includes(s.systemKind) && s.id);
  const edits: TextEdit[] = [];
  let systemId: string;
  if (existing) systemId = existing.id;
  else {
    systemId = freshId(manifest, template.id);
    edits.push(appendToSeq(doc, manifest.root!, 'systems', { ...template, id: systemId }));
  }
  edits.push(appendToSeq(doc, integration.node, 'via', systemId));
  return { edits, systemId, declared: !existing };
}
