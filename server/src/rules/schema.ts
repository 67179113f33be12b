import { isMap, isPair, visit, type Node, type YAMLMap } from 'yaml';
import { forEveryUser, insertPairs, type TextEdit } from '../document/edits';
import type { ManifestDocument } from '../document/manifestDocument';
import { asMap, nodeAt, pairOf } from '../document/nodes';
import type { Span } from '../document/range';
import { readSchemaFixData, validateSchema, type SchemaFixData } from '../schema/validate';
import { defineRule, type Fix } from './types';

/** What an empty document needs to become a manifest. */
const SKELETON = ['integrationManifest: 1', 'solution:', '  name: TODO-name'];

/** A placeholder value for a required key a quick fix inserts, chosen so the result parses and reads as a to-do. */
function placeholder(key: string): string | number {
  if (key === 'integrationManifest') return 1;
  return key === 'type' ? 'data' : key === 'kind' ? 'custom' : `TODO-${key}`;
}

/** The end of `span` before the white space it ends in. */
function trimmedEnd(text: string, span: Span): number {
  let end = span.end;
  while (end > span.start && /\s/.test(text[end - 1]!)) end--;
  return end;
}

/** The map that holds the key written at `span`. */
function mapOfKey(doc: ManifestDocument, span: Span): YAMLMap | undefined {
  let found: YAMLMap | undefined;
  visit(doc.yaml, {
    Map(_key, map) {
      for (const pair of map.items)
        if (isPair(pair) && (pair.key as Node | null)?.range?.[0] === span.start) {
          found = map;
          return visit.BREAK;
        }
      return undefined;
    },
  });
  return found;
}

/** Edits that insert `keys` into `map`, each with a value to fill in, in one edit where they go together. */
function insertKeys(doc: ManifestDocument, map: YAMLMap, keys: readonly string[]): TextEdit[] {
  const edits: TextEdit[] = [];
  const rest: [string, string | number | Record<string, string>][] = [];
  const first = map.items[0];
  const firstKey = first && isPair(first) ? (first.key as Node | null) : null;
  for (const key of keys) {
    // The format version goes first: that line is also how a manifest is recognized.
    if (key === 'integrationManifest' && !map.flow && firstKey?.range && doc.lines.positionAt(firstKey.range[0]).character === 0) {
      const nl = doc.text.includes('\r\n') ? '\r\n' : '\n';
      edits.push({ start: firstKey.range[0], end: firstKey.range[0], newText: `integrationManifest: 1${nl}` });
    } else rest.push([key, key === 'solution' ? { name: 'TODO-name' } : placeholder(key)]);
  }
  if (rest.length > 0) edits.push(insertPairs(doc, map, rest));
  return edits;
}

export default defineRule<SchemaFixData>({
  id: 'schema',
  severity: 'error',
  category: 'correctness',
  summary: 'Every key and value must follow the manifest format: known keys, allowed values, required keys, well-formed rates.',
  *check({ manifest }) {
    if (manifest.dataError !== undefined) return; // yaml-syntax reports it
    if (manifest.data === null || manifest.data === undefined) {
      if (manifest.document.syntaxProblems.length > 0) return;
      yield {
        span: { start: 0, end: Math.min(1, manifest.document.text.length) },
        message: 'An integration manifest starts with `integrationManifest: 1` and a `solution` with a `name`.',
        data: { fix: 'skeleton' } as const,
      };
      return;
    }
    // The schema validates the data with every alias expanded: a mistake inside a shared anchor
    // (`&sec`) comes back once for each alias through it, at the same place. It is reported
    // once, where it is written (its fix changes it there, for every user); a mistake in a
    // value that an alias stands for as a whole is reported on that alias.
    const seen = new Set<string>();
    const imported = (manifest.estate?.importedBy.length ?? 0) > 0;
    for (const problem of validateSchema(manifest.document, manifest.data, { imported })) {
      const key = `${problem.span.start}:${problem.span.end}:${problem.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      yield { span: problem.span, message: problem.message, ...(problem.data ? { data: { ...problem.data } } : {}) };
    }
  },
  readData: readSchemaFixData,
  fixes(manifest, { span, data }): Fix[] {
    const doc = manifest.document;
    if (data.fix === 'replace') {
      const value = data.value;
      // A block scalar's span takes in the line break after it, which must stay.
      const end = trimmedEnd(doc.text, span);
      // A value the schema rejects is wrong for every user of a shared anchor, and so is a misspelt key or a missing one.
      return [{ title: `Change to \`${value}\``, preferred: true, edits: forEveryUser([{ start: span.start, end, newText: value }]) }];
    }
    if (data.fix === 'rename-key') {
      const value = data.value;
      // Renaming onto a key the map already has would write a duplicate key.
      if (pairOf(mapOfKey(doc, span), value)) return [];
      return [{ title: `Rename the key to \`${value}\``, preferred: true, edits: forEveryUser([{ start: span.start, end: span.end, newText: value }]) }];
    }
    if (data.fix === 'insert-keys') {
      const map = asMap(nodeAt(doc.yaml.contents, data.path));
      if (!map || !isMap(map)) return [];
      const keys = data.keys.filter((key) => !pairOf(map, key));
      if (keys.length === 0) return [];
      const quoted = keys.map((k) => `\`${k}\``);
      const title = keys.length === 1 ? `Add the missing key ${quoted[0]}` : `Add the missing keys ${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
      return [{ title, preferred: true, edits: forEveryUser(insertKeys(doc, map, keys)) }];
    }
    if (data.fix === 'skeleton') {
      const nl = doc.text.includes('\r\n') ? '\r\n' : '\n';
      const end = doc.text.length;
      const lead = end > 0 && !/\n$/.test(doc.text) ? nl : '';
      return [{ title: 'Start the manifest with `integrationManifest: 1` and a solution', preferred: true, edits: [{ start: end, end, newText: lead + SKELETON.join(nl) + nl }] }];
    }
    return [];
  },
});
