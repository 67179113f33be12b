/**
 * Go to definition, find references, rename and document highlights, across the manifests of
 * the estate (`others`: the other manifests connected by imports, as the language service read
 * them; empty for a manifest alone). Ids are one
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
import { DocumentHighlightKind, type DocumentHighlight, type Location, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { Analysis } from '../analysis/analyze';
import type { ManifestDocument } from '../document/manifestDocument';
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

/** Another manifest of the estate: its parsed text and model, and its path as a person reads it. */
export interface EstateMember {
  document: ManifestDocument;
  manifest: Manifest;
  file: string;
}

/** This manifest or another of its estate. */
type Member = Pick<EstateMember, 'document' | 'manifest'> & { file?: string };

function location(member: Member, span: Span): Location {
  return { uri: member.document.uri, range: toRange(member.document, span) };
}

/** The occurrences of `id` in this manifest, then in each other manifest of the estate, each with its manifest. */
function acrossEstate(analysis: Analysis, others: readonly EstateMember[], id: string): { member: Member; occurrence: Occurrence }[] {
  const self: Member = analysis;
  return [self, ...others].flatMap((member) => sameId(member.manifest, id).map((occurrence) => ({ member, occurrence })));
}

/**
 * The declaration of the id under the cursor: in this manifest (the first, when the id is
 * declared twice), else in the manifests it imports, else elsewhere in its estate.
 */
export function definition(analysis: Analysis, offset: number, others: readonly EstateMember[] = []): Location | null {
  const at = occurrenceAt(analysis.manifest, offset);
  if (!at) return null;
  const imported = new Set(analysis.manifest.estate?.items.filter((i) => i.imported).map((i) => i.at.uri));
  const declarations = acrossEstate(analysis, others, at.id).filter(({ occurrence }) => occurrence.kind === 'id');
  const found = declarations.find(({ member }) => member === analysis) ?? declarations.find(({ member }) => imported.has(member.document.uri)) ?? declarations[0];
  return found ? location(found.member, found.occurrence.span) : null;
}

export function references(analysis: Analysis, offset: number, includeDeclaration: boolean, others: readonly EstateMember[] = []): Location[] {
  const at = occurrenceAt(analysis.manifest, offset);
  if (!at) return [];
  return acrossEstate(analysis, others, at.id)
    .filter(({ occurrence }) => includeDeclaration || occurrence.kind !== 'id')
    .map(({ member, occurrence }) => location(member, occurrence.span));
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

/**
 * Renames the id under the cursor everywhere it occurs: in this manifest and in every other
 * manifest of its estate, open or not, as one edit. Throws `RenameRejected` for an id that
 * cannot be used.
 */
export function rename(analysis: Analysis, offset: number, newName: string, others: readonly EstateMember[] = []): WorkspaceEdit | null {
  const { manifest, document } = analysis;
  const at = occurrenceAt(manifest, offset);
  if (!at) return null;
  const newId = newName.trim();
  if (!ID.test(newId))
    throw new RenameRejected(`\`${newName}\` cannot be an id: an id starts with a letter and holds only letters, digits, \`-\` and \`_\`.`);
  if (newId === at.id) return { changes: { [document.uri]: [] } };
  const members: Member[] = [analysis, ...others];
  const where = (member: Member, start: number) => `${member.file === undefined ? '' : `in \`${member.file}\` `}on line ${member.document.lines.positionAt(start).line + 1}`;
  for (const member of members) {
    const taken = member.manifest.byId.get(newId)?.[0];
    if (taken) throw new RenameRejected(`The id \`${newId}\` is already used by the ${taken.kind} ${where(member, taken.idSpan.start)}. Choose an id no other item uses.`);
  }
  // A name that is referenced but not declared would merge those references into this item.
  const referenced = acrossEstate(analysis, others, newId)[0];
  if (referenced)
    throw new RenameRejected(
      `\`${newId}\` is already named ${where(referenced.member, referenced.occurrence.span.start)} (not declared there, but renaming onto it would join those references to this item). Choose another id.`,
    );
  const changes: Record<string, TextEdit[]> = {};
  for (const member of members) {
    const edits = renameIn(member.document, sameId(member.manifest, at.id), newId);
    if (edits.length || member === analysis) changes[member.document.uri] = edits;
  }
  return { changes };
}

/** The edits of a rename in one manifest: each place the id's characters are written, once (an alias is renamed where its anchor is). */
function renameIn(document: ManifestDocument, occurrences: readonly Occurrence[], newId: string): TextEdit[] {
  const written = new Map<number, Span>();
  for (const o of occurrences) {
    const span = o.source ?? o.span;
    if (!written.has(span.start)) written.set(span.start, span);
  }
  return [...written.values()]
    .sort((a, b) => a.start - b.start)
    .map((span) => ({
      range: toRange(document, span),
      newText: isQuoted(document.text, span) || !NOT_A_STRING.test(newId) ? newId : `"${newId}"`,
    }));
}

function isQuoted(text: string, inner: Span): boolean {
  const before = text[inner.start - 1];
  return (before === '"' || before === "'") && text[inner.end] === before;
}
