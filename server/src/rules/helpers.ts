/** Facts several rules share, derived from the model. */
import type { SharedAnchor } from '../document/aliases';
import { appendToSeq, isForEveryUser, sharedEdit, type SharedEdit, type TextEdit } from '../document/edits';
import type { ManifestDocument } from '../document/manifestDocument';
import type { PathSegment } from '../document/nodes';
import type { Span } from '../document/range';
import { itemAt, spanIn } from '../model/itemAt';
import { findSystem, ID_PATTERN, type Integration, type Item, type Manifest, type System } from '../model/manifest';

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

/**
 * Where a finding about `path` of an item is shown (`spanIn`): a value reached through an
 * alias is shown on the alias in this item (`security: *sec`), so every item that shares an
 * anchor gets a finding of its own; an item written whole as an alias (`- *shared`) is shown
 * on that alias.
 */
export function at(item: Item, path: readonly PathSegment[], part: 'key' | 'value' = 'value'): Span {
  return spanIn(item, path, part);
}

export { integrationAt, itemAt } from '../model/itemAt';

/**
 * Why a fix may not be applied as it stands, if so: one of its edits writes over an alias
 * (never done), or changes an anchored node that aliases share without being marked right for
 * every item that uses it (`forEveryUser`). `fixesOf` holds such a fix back.
 */
export function refusedShared(doc: ManifestDocument, fix: { edits: readonly TextEdit[] }): SharedEdit | undefined {
  for (const edit of fix.edits) {
    const shared = sharedEdit(doc, edit);
    if (shared && (shared.kind === 'alias' || !isForEveryUser(edit))) return shared;
  }
  return undefined;
}

const NAMES_SHOWN = 5;

/**
 * What a finding adds when its fix (`title`) is held back by a shared anchor: where the anchor
 * is, which items use it (those that hold the anchored node or an alias of it), and what to do.
 */
export function sharedAnchorNote(manifest: Manifest, title: string, refused: SharedEdit, anchor: SharedAnchor, about?: Item): string {
  const users: Item[] = [];
  for (const site of [anchor.node, ...anchor.aliases]) {
    const item = site.range ? itemAt(manifest, site.range[0]) : undefined;
    if (item && !users.includes(item)) users.push(item);
  }
  const counts = new Map<string, number>();
  for (const u of users) counts.set(u.kind, (counts.get(u.kind) ?? 0) + 1);
  const counted = [...counts].map(([kind, n]) => `${n} ${kind}${n === 1 ? '' : 's'}`).join(' and ');
  const named = users.filter((u) => u.id).map((u) => `\`${u.id}\``);
  const names = named.length > NAMES_SHOWN ? `${named.slice(0, NAMES_SHOWN).join(', ')} and ${named.length - NAMES_SHOWN} more` : named.join(', ');
  const line = manifest.document.lines.positionAt(anchor.node.range?.[0] ?? 0).line + 1;
  const shared = `the shared anchor \`&${anchor.name}\` (line ${line}), used by ${users.length ? `${counted}${names ? ` (${names})` : ''}` : `${anchor.aliases.length + 1} places`}`;
  const what =
    refused.kind === 'alias'
      ? `it would write over the alias \`*${refused.alias.source}\`, whose value comes from ${shared}`
      : `what it changes comes from ${shared}`;
  const own = about ? `give this ${about.kind} a value of its own` : 'write a value of its own here';
  return `The quick fix "${title}" is not offered: ${what}. Change it at the anchor if that is right for all of them, or ${own}.`;
}

/**
 * The monitoring a fix writes when it sets monitoring up, so that the pattern is complete
 * and no other rule's finding follows from it: a tool when there is none (Application
 * Insights), alerts (monitoring-required, logic-apps-monitoring), and auditing when the
 * integration moves personal data (pii-protection). Only what is missing.
 */
export function completeMonitoring(integration: Integration): Record<string, string | boolean> {
  const { tool, alerts, audit } = integration.monitoring;
  return {
    ...(tool === undefined || tool === 'none' ? { tool: 'application-insights' } : {}),
    ...(alerts !== true ? { alerts: true } : {}),
    ...(integration.data.pii === true && audit !== true ? { audit: true } : {}),
  };
}

/**
 * An integration as a message names it: "integration `order-status`", or "this integration"
 * while its id is missing or no id (`id: [a]` reads as no id). The guidance rules judge only
 * integrations with an id (`isWritten`); the correctness rules use this.
 */
export function integrationName(integration: Integration): string {
  return ID_PATTERN.test(integration.id) ? `integration \`${integration.id}\`` : 'this integration';
}

/** A fresh id based on `base` that no item uses yet, here or in a manifest this one imports. */
export function freshId(manifest: Manifest, base: string): string {
  const taken = (id: string) => manifest.byId.has(id) || manifest.imported.has(id);
  if (!taken(base)) return base;
  for (let i = 2; ; i++) if (!taken(`${base}-${i}`)) return `${base}-${i}`;
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
