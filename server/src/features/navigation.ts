/**
 * Go to definition, find references, rename and document highlights. Ids are one
 * namespace (the schema's `id`, and `duplicate-id` in docs/rules): an occurrence is an item's `id` or any reference to an id —
 * `from`, `to`, `systemOfRecord`, `via[]`, `goals[]`, `steps[].from` / `steps[].to`, and
 * `views[].include.systems[]` / `views[].include.goals[]`.
 *
 * Aliases: a reference written as an alias (`from: *erp`, with `&erp erp` on a scalar before it)
 * is an occurrence where the alias is, so references and highlights list every place that uses
 * the id, alias or not, and the cursor on `*erp` works like on `erp`. The id's characters are
 * in the anchored scalar (`source`), and rename edits them there, once: every alias follows.
 * An alias of a whole list (`via: *route`) stands for several ids at once; it is listed among
 * the references of each, but the cursor on it picks none.
 */
import { DocumentHighlightKind, type DocumentHighlight, type Location, type Range, type WorkspaceEdit } from 'vscode-languageserver';
import type { Analysis } from '../analysis/analyze';
import type { Span } from '../document/range';
import { spanOf, writtenValueOf } from '../document/nodes';
import { writtenAsAlias } from '../model/itemAt';
import type { Item, Manifest, Ref } from '../model/manifest';
import { toRange } from './protocol';

export type OccurrenceKind = 'id' | 'from' | 'to' | 'systemOfRecord' | 'via' | 'goals' | 'step-from' | 'step-to' | 'view';

export interface Occurrence {
  id: string;
  kind: OccurrenceKind;
  /** The id's characters, without the quotes of a quoted scalar; for an alias, the alias (`*erp`). */
  span: Span;
  /** For an alias: the id's characters in the anchored scalar it stands for (what rename edits). */
  source?: Span;
  /** An alias that stands for several ids (a list): listed, but not picked by the cursor. */
  ambiguous?: true;
  /** The item whose `id` this is (declarations only). */
  item?: Item;
}

const ID = /^[A-Za-z][A-Za-z0-9_-]*$/;
/** Plain scalars YAML would read as something other than a string: written quoted. */
const NOT_A_STRING = /^(true|false|null|True|False|Null|TRUE|FALSE|NULL)$/;

const cache = new WeakMap<Manifest, Occurrence[]>();

/** Every occurrence of an id in the manifest, in document order. */
export function occurrences(manifest: Manifest): Occurrence[] {
  let result = cache.get(manifest);
  if (!result) cache.set(manifest, (result = collect(manifest)));
  return result;
}

function collect(manifest: Manifest): Occurrence[] {
  const text = manifest.document.text;
  const result: Occurrence[] = [];
  const add = (ref: Ref | undefined, kind: OccurrenceKind) => {
    if (ref) result.push({ id: ref.id, kind, span: unquoted(text, ref.span), ...(ref.source ? { source: unquoted(text, ref.source) } : {}) });
  };
  for (const list of [manifest.actors, manifest.goals, manifest.systems, manifest.integrations] as Item[][])
    for (const item of list) {
      if (!item.id) continue;
      // An item written as an alias (`- *shared`): its id is written in the anchored map.
      const source = writtenAsAlias(item) ? spanOf(writtenValueOf(item.node, 'id')) : undefined;
      result.push({ id: item.id, kind: 'id', span: unquoted(text, item.idSpan), ...(source ? { source: unquoted(text, source) } : {}), item });
    }
  for (const i of manifest.integrations) {
    add(i.from, 'from');
    add(i.to, 'to');
    add(i.systemOfRecord, 'systemOfRecord');
    for (const v of i.via) add(v, 'via');
    for (const g of i.goals) add(g, 'goals');
    for (const s of i.steps) {
      add(s.from, 'step-from');
      add(s.to, 'step-to');
    }
  }
  // A saved view's `include` names systems and goals (SPEC 11).
  for (const v of manifest.views) for (const r of [...v.include.systems, ...v.include.goals]) add(r, 'view');
  result.sort((a, b) => a.span.start - b.span.start);
  // Several ids at one alias: a list's alias (`via: *route`).
  for (let i = 0; i < result.length; i++) {
    let j = i;
    while (j + 1 < result.length && result[j + 1]!.span.start === result[i]!.span.start) j++;
    if (j > i && result.slice(i, j + 1).some((o) => o.id !== result[i]!.id)) for (let k = i; k <= j; k++) result[k]!.ambiguous = true;
    i = j;
  }
  return result;
}

/** The span of a scalar's content: inside the quotes of `"erp"` or `'erp'`. */
function unquoted(text: string, span: Span): Span {
  const first = text[span.start];
  if ((first === '"' || first === "'") && span.end - span.start >= 2 && text[span.end - 1] === first) return { start: span.start + 1, end: span.end - 1 };
  return span;
}

export function occurrenceAt(manifest: Manifest, offset: number): Occurrence | undefined {
  return occurrences(manifest).find((o) => !o.ambiguous && offset >= o.span.start && offset <= o.span.end);
}

function sameId(manifest: Manifest, id: string): Occurrence[] {
  return occurrences(manifest).filter((o) => o.id === id);
}

function location(analysis: Analysis, span: Span): Location {
  return { uri: analysis.document.uri, range: toRange(analysis.document, span) };
}

/** The declaration of the id under the cursor (the first, when the id is declared twice). */
export function definition(analysis: Analysis, offset: number): Location | null {
  const at = occurrenceAt(analysis.manifest, offset);
  if (!at) return null;
  const declaration = sameId(analysis.manifest, at.id).find((o) => o.kind === 'id');
  return declaration ? location(analysis, declaration.span) : null;
}

export function references(analysis: Analysis, offset: number, includeDeclaration: boolean): Location[] {
  const at = occurrenceAt(analysis.manifest, offset);
  if (!at) return [];
  return sameId(analysis.manifest, at.id)
    .filter((o) => includeDeclaration || o.kind !== 'id')
    .map((o) => location(analysis, o.span));
}

export function documentHighlights(analysis: Analysis, offset: number): DocumentHighlight[] {
  const at = occurrenceAt(analysis.manifest, offset);
  if (!at) return [];
  return sameId(analysis.manifest, at.id).map((o) => ({
    range: toRange(analysis.document, o.span),
    kind: o.kind === 'id' ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
  }));
}

export function prepareRename(analysis: Analysis, offset: number): { range: Range; placeholder: string } | null {
  const at = occurrenceAt(analysis.manifest, offset);
  return at ? { range: toRange(analysis.document, at.span), placeholder: at.id } : null;
}

/** Why a rename cannot be done, in words for the person renaming. */
export class RenameRejected extends Error {}

/** Renames the id under the cursor everywhere it occurs; throws `RenameRejected` for an id that cannot be used. */
export function rename(analysis: Analysis, offset: number, newName: string): WorkspaceEdit | null {
  const { manifest, document } = analysis;
  const at = occurrenceAt(manifest, offset);
  if (!at) return null;
  const newId = newName.trim();
  if (!ID.test(newId))
    throw new RenameRejected(`\`${newName}\` cannot be an id: an id starts with a letter and holds only letters, digits, \`-\` and \`_\`.`);
  if (newId === at.id) return { changes: { [document.uri]: [] } };
  const taken = manifest.byId.get(newId)?.[0];
  if (taken)
    throw new RenameRejected(
      `The id \`${newId}\` is already used by the ${taken.kind} on line ${document.lines.positionAt(taken.idSpan.start).line + 1}. Choose an id no other item uses.`,
    );
  // A name that is referenced but not declared would merge those references into this item.
  const referenced = sameId(manifest, newId)[0];
  if (referenced)
    throw new RenameRejected(
      `\`${newId}\` is already named on line ${document.lines.positionAt(referenced.span.start).line + 1} (not declared there, but renaming onto it would join those references to this item). Choose another id.`,
    );
  // Each place the id's characters are written, once: an alias is renamed where its anchor is.
  const written = new Map<number, Span>();
  for (const o of sameId(manifest, at.id)) {
    const span = o.source ?? o.span;
    if (!written.has(span.start)) written.set(span.start, span);
  }
  const edits = [...written.values()]
    .sort((a, b) => a.start - b.start)
    .map((span) => ({
      range: toRange(document, span),
      newText: isQuoted(document.text, span) || !NOT_A_STRING.test(newId) ? newId : `"${newId}"`,
    }));
  return { changes: { [document.uri]: edits } };
}

function isQuoted(text: string, inner: Span): boolean {
  const before = text[inner.start - 1];
  return (before === '"' || before === "'") && text[inner.end] === before;
}
