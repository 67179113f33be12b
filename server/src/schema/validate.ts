/**
 * Schema validation: ajv over the manifest's JSON Schema, with ajv's errors turned into one
 * readable message per problem, placed on the exact key or value it is about.
 */
import type { ErrorObject } from 'ajv';
import * as generated from './validators.generated';
import { amountsOf } from './keywordChecks';
import type { ManifestDocument } from '../document/manifestDocument';
import { asMap, asSeq, keySpan, keyText, pairOf, valueText, spanOf, type PathSegment } from '../document/nodes';
import type { Span } from '../document/range';
import { closest } from '../model/suggest';
import { manifestSchema, type JsonSchema } from '../model/vocabulary';
import { objectBranch, schemaAt } from './schemaAt';
import { own } from '../model/lookup';
import { isMap, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';

export interface SchemaProblem {
  span: Span;
  message: string;
  /** What a quick fix needs: the value to use, or the key to insert. */
  data?: SchemaFixData;
}

/** What the schema rule's fixes need: the value to use, the keys to rename to or insert, or the skeleton of an empty manifest. */
export type SchemaFixData =
  | { fix: 'replace'; value: string }
  | { fix: 'insert-keys'; keys: string[]; path: PathSegment[] }
  | { fix: 'rename-key'; value: string }
  | { fix: 'skeleton' };

/** Finding data back from the client, when it has one of the shapes of `SchemaFixData`. */
export function readSchemaFixData(raw: Record<string, unknown>): SchemaFixData | undefined {
  const { fix, value, keys, path } = raw;
  if ((fix === 'replace' || fix === 'rename-key') && typeof value === 'string') return { fix, value };
  if (
    fix === 'insert-keys' &&
    Array.isArray(keys) &&
    keys.length > 0 &&
    keys.every((k) => typeof k === 'string') &&
    Array.isArray(path) &&
    path.every((p) => typeof p === 'string' || (typeof p === 'number' && Number.isInteger(p) && p >= 0))
  )
    return { fix, keys: keys, path: path as PathSegment[] };
  if (fix === 'skeleton') return { fix };
  return undefined;
}

/** A validator ajv generated (`errors` set after a failed call). */
type Validate = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

interface Validators {
  whole: Validate;
  /** The top-level properties in the schema's order, and a validator for the items of each that is a list. */
  order: string[];
  items: Map<string, Validate>;
}

let validators: Validators | undefined;

/** The validators generated ahead of time from the schema (validators.generated.ts): nothing is compiled here. */
function getValidators(): Validators {
  if (!validators) {
    const items = new Map<string, Validate>();
    for (const [name, validate] of Object.entries(generated)) if (name.startsWith('items_')) items.set(name.slice('items_'.length), validate as Validate);
    validators = { whole: generated.whole as Validate, order: Object.keys(manifestSchema.properties ?? {}), items };
  }
  return validators;
}

/**
 * ajv's errors for one list item, per list and item object: the incremental analyzer keeps
 * the same object while the item's text is unchanged (it may move to another list).
 */
const itemErrors = new Map<string, WeakMap<object, readonly ErrorObject[]>>();

/**
 * The errors `whole(data)` gives, in its order, with the items of the top-level lists
 * validated one at a time (and remembered per item object): the rest of the manifest is
 * validated with those lists empty, and each list's errors go where ajv puts them, after
 * the properties before it in the schema.
 */
function schemaErrors(data: unknown): ErrorObject[] {
  const { whole, order, items } = getValidators();
  const record = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
  const lists = record ? order.filter((key) => items.has(key) && Object.prototype.hasOwnProperty.call(record, key) && Array.isArray(record[key])) : [];
  if (!record || lists.length === 0) return whole(data) ? [] : [...(whole.errors ?? [])];
  const rest: Record<string, unknown> = { ...record };
  for (const key of lists) rest[key] = [];
  const outside = whole(rest) ? [] : [...(whole.errors ?? [])];
  const rank = (pointer: string) => (pointer === '' ? -1 : order.indexOf(pointer.slice(1).split('/', 1)[0]!.replace(/~1/g, '/').replace(/~0/g, '~')));
  const result: ErrorObject[] = [];
  let next = 0;
  const flushBefore = (r: number) => {
    while (next < lists.length && order.indexOf(lists[next]!) < r) listErrors(lists[next++]!, record[lists[next - 1]!] as unknown[], items, result);
  };
  for (const error of outside) {
    const r = rank(error.instancePath);
    if (r >= 0) flushBefore(r);
    result.push(error);
  }
  flushBefore(Infinity);
  return result;
}

function listErrors(key: string, list: unknown[], items: Map<string, Validate>, into: ErrorObject[]): void {
  const validate = items.get(key)!;
  let remembered = itemErrors.get(key);
  if (!remembered) itemErrors.set(key, (remembered = new WeakMap()));
  const prefix = `/${key.replace(/~/g, '~0').replace(/\//g, '~1')}/`;
  list.forEach((item, index) => {
    const cacheable = item !== null && typeof item === 'object';
    let errors = cacheable ? remembered.get(item) : undefined;
    if (!errors) {
      errors = validate(item) ? [] : [...(validate.errors ?? [])];
      if (cacheable) remembered.set(item, errors);
    }
    for (const error of errors) into.push({ ...error, instancePath: prefix + index + error.instancePath });
  });
}

/**
 * `imported`: another manifest imports this one, so it needs no `solution` of its own (a shared
 * catalog of systems, say).
 */
export function validateSchema(document: ManifestDocument, data: unknown, options: { imported?: boolean } = {}): SchemaProblem[] {
  const all = schemaErrors(data);
  const errors = options.imported ? all.filter((e) => !(e.keyword === 'required' && e.instancePath === '' && (e.params as { missingProperty?: string }).missingProperty === 'solution')) : all;
  if (errors.length === 0) return [];
  // anyOf branches explain one problem several ways: keep the anyOf error alone, unless the
  // value is a map: then only the map branch applies, and its own errors say what is wrong inside.
  const anyOfPaths = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  const mapBranch = new Set([...anyOfPaths].filter((p) => isPlainObject(valueAtPointer(data, p))));
  // The keys missing from each map, said in one problem per map.
  const missing = new Map<string, string[]>();
  for (const error of errors)
    if (error.keyword === 'required') {
      const keys = missing.get(error.instancePath) ?? [];
      keys.push((error.params as { missingProperty: string }).missingProperty);
      missing.set(error.instancePath, keys);
    }
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  const said = new Set<string>();
  const pairs = pairIndex();
  for (const error of errors) {
    if (mapBranch.has(error.instancePath) && ['anyOf', 'type', 'enum'].includes(error.keyword)) continue;
    if (error.keyword !== 'anyOf' && underAnyOf(error.instancePath, anyOfPaths) && !underAnyOf(error.instancePath, mapBranch)) continue;
    if (error.keyword === 'if') continue;
    // An empty value breaks its type and its vocabulary at once: one problem says it is empty.
    const empty = isEmptyAt(data, error.instancePath);
    const once = empty ? `empty:${error.instancePath}` : error.keyword === 'required' ? `required:${error.instancePath}` : undefined;
    if (once !== undefined) {
      if (said.has(once)) continue;
      said.add(once);
    }
    const problem = empty
      ? emptyProblem(document, error.instancePath, pairs)
      : error.keyword === 'required'
        ? missingProblem(document, error.instancePath, missing.get(error.instancePath)!, pairs)
        : translate(document, error, pairs, data);
    const key = `${problem.span.start}:${problem.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      problems.push(problem);
    }
  }
  return problems;
}

function isPlainObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether the pointer names a value written empty (`pattern:`, a `- ` with nothing after it). */
function isEmptyAt(data: unknown, pointer: string): boolean {
  if (pointer === '') return false;
  const path = pointerToPath(pointer);
  const parent = valueAtPointer(data, pointer.slice(0, pointer.lastIndexOf('/')));
  const last = path[path.length - 1]!;
  return typeof parent === 'object' && parent !== null && Object.prototype.hasOwnProperty.call(parent, last) && (parent as Record<string | number, unknown>)[last] === null;
}

/** The value a JSON pointer names in `data` (own properties only). */
function valueAtPointer(data: unknown, pointer: string): unknown {
  let value = data;
  for (const segment of pointerToPath(pointer)) {
    if (typeof value !== 'object' || value === null || !Object.prototype.hasOwnProperty.call(value, segment)) return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

/** Whether the pointer is one of `paths` or lies under one (looked up per ancestor: errors can number thousands). */
function underAnyOf(pointer: string, paths: ReadonlySet<string>): boolean {
  for (let p = pointer; ; p = p.slice(0, p.lastIndexOf('/'))) {
    if (paths.has(p)) return true;
    if (p === '') return false;
  }
}

function pointerToPath(pointer: string): PathSegment[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

type PairLookup = (map: unknown, key: string) => Pair | undefined;

/**
 * `pairOf` with an index per map, built on first use: a map with thousands of unknown keys
 * gives thousands of errors, and looking each key up by a scan would take quadratic time.
 */
function pairIndex(): PairLookup {
  const index = new Map<YAMLMap, Map<string, Pair>>();
  return (map, key) => {
    if (!isMap(map) || map.items.length < 16) return pairOf(map, key);
    let keys = index.get(map);
    if (!keys) {
      keys = new Map();
      for (const pair of map.items) {
        const text = keyText(pair);
        if (text !== undefined && !keys.has(text)) keys.set(text, pair);
      }
      index.set(map, keys);
    }
    return keys.get(key);
  };
}

/** The node at a path, and the key that names it (for map members). */
function resolve(document: ManifestDocument, path: PathSegment[], lookup: PairLookup): { node: Node | undefined; keySpan: Span | undefined } {
  let node: unknown = document.yaml.contents;
  let key: Span | undefined;
  for (const segment of path) {
    if (typeof segment === 'number') {
      node = asSeq(node)?.items[segment];
      key = undefined;
    } else {
      const pair = lookup(node, segment);
      key = keySpan(pair);
      node = pair?.value ?? undefined;
    }
    if (node === undefined) break;
  }
  return { node: node as Node | undefined, keySpan: key };
}

/** A schema of several shapes (`anyOf`: a severity, or a map of options) as the map shape, to look inside it. */
function mapShape(schema: JsonSchema | undefined): JsonSchema | undefined {
  return objectBranch(schema) ?? schema;
}

function describePath(path: PathSegment[]): string {
  const last = [...path].reverse().find((s): s is string => typeof s === 'string');
  return last === undefined ? 'The manifest' : `\`${last}\``;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  object: 'a map of keys',
  array: 'a list',
  boolean: 'true or false',
  integer: 'a whole number',
  number: 'a number',
};

function itemLabel(path: PathSegment[]): string {
  const list = listOf(path);
  if (list !== undefined) return own(ITEM_NAMES, list) ?? 'this item';
  const last = path[path.length - 1];
  return typeof last === 'string' ? `\`${last}\`` : 'the manifest';
}

function translate(document: ManifestDocument, error: ErrorObject, lookup: PairLookup, data: unknown): SchemaProblem {
  const path = pointerToPath(error.instancePath);
  const { node, keySpan: key } = resolve(document, path, lookup);
  const valueSpan = spanOf(node);
  const onValue = valueSpan && valueSpan.end > valueSpan.start ? valueSpan : (key ?? valueSpan ?? { start: 0, end: 1 });
  const schema = schemaAt(path);
  const what = describePath(path);
  switch (error.keyword) {
    case 'enum': {
      const allowed = (error.params as { allowedValues: string[] }).allowedValues;
      const actual = valueText(nodeValue(node) ?? '');
      const guess = closest(actual, allowed);
      return {
        span: onValue,
        message: `${what} must be ${allowedList(allowed)}${guess ? `; did you mean \`${guess}\`?` : '.'}`,
        ...(guess ? { data: { fix: 'replace' as const, value: guess } } : {}),
      };
    }
    case 'const':
      return { span: onValue, message: `${what} must be ${JSON.stringify((error.params as { allowedValue: unknown }).allowedValue)}: the only format version that exists.` };
    case 'additionalProperties': {
      const extra = (error.params as { additionalProperty: string }).additionalProperty;
      const allowed = Object.keys(mapShape(schema)?.properties ?? {});
      // Suggest only keys not already written: "did you mean `pattern`" beside a `pattern:` would mislead.
      const guess = closest(extra, allowed.filter((k) => !lookup(node, k)));
      const span = keySpan(lookup(node, extra)) ?? onValue;
      return {
        span,
        message: `Unknown key \`${extra}\` in ${itemLabel(path)}${guess ? `; did you mean \`${guess}\`?` : `. Allowed keys: ${allowed.join(', ')}.`}`,
        ...(guess ? { data: { fix: 'rename-key' as const, value: guess } } : {}),
      };
    }
    case 'oneAmount': {
      const amounts = amountsOf(valueAtPointer(data, error.instancePath));
      const keySpanOf = keySpan(lookup(node, amounts[1] ?? 'currency')) ?? onValue;
      return amounts.length === 0
        ? { span: onValue, message: `${what} gives no amount: add \`monthly\` (a fixed amount per month) or \`perMillion\` (an amount per million messages).` }
        : { span: keySpanOf, message: `${what} gives both \`monthly\` and \`perMillion\`: keep the one that says how this is charged.` };
    }
    case 'positiveRate':
      return { span: onValue, message: `${what} must be a rate above zero and at most 1,000,000,000,000 per hour, such as \`500/hour\`.` };
    case 'pattern':
      return { span: onValue, message: `${what} is not in the expected form.${schema?.patternErrorMessage ? ` ${schema.patternErrorMessage}` : ''}` };
    case 'type': {
      const types = String((error.params as { type: string }).type).split(',');
      const actual = valueAtPointer(data, error.instancePath);
      return { span: onValue, message: typeMessage(path, types, actual, nodeText(document, node)) };
    }
    case 'anyOf': {
      const options = (schema?.anyOf ?? []).map((s) => (s.enum ? `one of ${s.enum.join(', ')}` : 'a map with `severity` and `threshold`'));
      return { span: onValue, message: `${what} must be ${options.join(', or ')}.` };
    }
    case 'minimum':
      return { span: onValue, message: `${what} must be ${(error.params as { limit: number }).limit} or more.` };
    default:
      return { span: onValue, message: `${what} ${error.message ?? 'is not valid'}.` };
  }
}

/** What a value of the wrong shape is read as. */
function shapeOf(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map of keys';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'boolean') return 'true or false';
  if (typeof value === 'number' || typeof value === 'bigint') return 'a number';
  return 'not text';
}

/** The item names of the lists, for messages about one item. */
const ITEM_NAMES: Readonly<Record<string, string>> = { systems: 'a system', integrations: 'an integration', goals: 'a goal', actors: 'an actor', steps: 'a step', waivers: 'a waiver', mapping: 'a mapping' };

/** For a list item (`[..., 'systems', 0]`): the list's key; else undefined. */
function listOf(path: readonly PathSegment[]): string | undefined {
  const list = path[path.length - 2];
  return typeof path[path.length - 1] === 'number' && typeof list === 'string' ? list : undefined;
}

/** The keys an item of a list must have, written as `id`, `name` and `kind`. */
function requiredKeys(schema: JsonSchema | undefined): string {
  return joinAnd((objectBranch(schema)?.required ?? []).map((k) => `\`${k}\``));
}

function joinAnd(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** The one message for a value of the wrong type: what it must be, and what it is read as. */
function typeMessage(path: PathSegment[], types: readonly string[], actual: unknown, written: string | undefined): string {
  const list = listOf(path);
  const shape = shapeOf(actual);
  const schema = schemaAt(path);
  if (list !== undefined && types.includes('object')) {
    const item = own(ITEM_NAMES, list) ?? 'an item';
    return `Each item of \`${list}\` is ${item}: a map of keys (${requiredKeys(schema)}, each on a line of its own under the \`-\`), not ${shape}.`;
  }
  const what = list !== undefined ? `An item of \`${list}\`` : describePath(path);
  if (types.length === 1 && types[0] === 'string') {
    // An id is the usual victim: `id: 5`, `id: true`, `id: [a]`.
    const id = schema?.pattern === ID_PATTERN_SOURCE;
    const must = id ? 'must be text that starts with a letter, such as `order-status`' : 'must be text';
    const quoted = written !== undefined && (shape === 'a number' || shape === 'true or false') && !id ? ` Write it in quotes (\`"${written}"\`) to keep it as text.` : '';
    return `${what} ${must}; ${written !== undefined && shape !== 'a list' && shape !== 'a map of keys' ? `\`${written}\` is read as ${shape}` : `this is ${shape}`}.${quoted}`;
  }
  return `${what} must be ${types.map((t) => TYPE_WORDS[t] ?? t).join(' or ')}, not ${shape}.`;
}

/** The source of the id pattern, as the schema writes it. */
const ID_PATTERN_SOURCE = '^[A-Za-z][A-Za-z0-9_-]*$';

/** What to write where a value of `schema` goes. */
function expected(schema: JsonSchema | undefined): string {
  const values = schema?.enum;
  if (values) return allowedList(values);
  if (schema?.const !== undefined) return `\`${valueText(schema.const)}\``;
  if (schema?.anyOf) return schema.anyOf.map((s) => (s.enum ? `one of ${s.enum.join(', ')}` : 'a map with `severity` and `threshold`')).join(', or ');
  if (schema?.pattern === ID_PATTERN_SOURCE) return 'an id that starts with a letter, such as `order-status`';
  // A reference: the id of an item declared elsewhere, as its description says.
  if (schema?.type === 'string' && schema.description?.startsWith('Id of ')) return `the ${lowerFirst(schema.description).replace(/\.$/, '')}`;
  switch (schema?.type) {
    case 'object':
      return `its keys on the lines below, indented${schema.required?.length ? ` (${requiredKeys(schema)})` : ''}`;
    case 'array':
      return 'its items, each on a line below starting with `- `, or in brackets: `[a, b]`';
    case 'boolean':
      return 'true or false';
    case 'integer':
      return 'a whole number';
    default:
      return 'text';
  }
}

/** The one problem of an empty value: a key with nothing after its colon, or a `- ` with nothing after its dash. */
function emptyProblem(document: ManifestDocument, pointer: string, lookup: PairLookup): SchemaProblem {
  const path = pointerToPath(pointer);
  const { node, keySpan: key } = resolve(document, path, lookup);
  const schema = schemaAt(path);
  const list = listOf(path);
  if (list !== undefined) {
    const span = dashBefore(document, node) ?? spanOf(node) ?? { start: 0, end: 0 };
    const item = typeOf(schema) === 'object' ? own(ITEM_NAMES, list) : undefined;
    const write = item
      ? `write ${item.replace(/^an? /, 'the ')}'s ${requiredKeys(schema)} after it (completion offers a snippet)`
      : `write ${expected(schema)}`;
    return { span, message: `This \`-\` starts ${item ?? `an item of \`${list}\``}, but nothing follows it: ${write}, or remove the line.` };
  }
  const span = key ?? spanOf(node) ?? { start: 0, end: 0 };
  // A value with a form of its own (a rate, a frequency, a date) says the form.
  if (schema?.patternErrorMessage && schema.pattern !== ID_PATTERN_SOURCE) return { span, message: `${describePath(path)} has no value. ${schema.patternErrorMessage}` };
  return { span, message: `${describePath(path)} has no value: write ${expected(schema)}.` };
}

function typeOf(schema: JsonSchema | undefined): string | undefined {
  return objectBranch(schema) ? 'object' : schema?.type;
}

/** The dash of the list item `node` (an empty one: its range is where its value would start). */
function dashBefore(document: ManifestDocument, node: Node | undefined): Span | undefined {
  const start = node?.range?.[0];
  if (start === undefined) return undefined;
  let i = start - 1;
  while (i >= 0 && (document.text[i] === ' ' || document.text[i] === '\t')) i--;
  return document.text[i] === '-' ? { start: i, end: i + 1 } : undefined;
}

/** The one problem of a map that lacks required keys, with a fix that inserts them all. */
function missingProblem(document: ManifestDocument, pointer: string, keys: readonly string[], lookup: PairLookup): SchemaProblem {
  const path = pointerToPath(pointer);
  const { node, keySpan: key } = resolve(document, path, lookup);
  const span = key ?? firstKeySpan(node) ?? spanOf(node) ?? { start: 0, end: 1 };
  const quoted = keys.map((k) => `\`${k}\``);
  const description = keys.length === 1 ? schemaAt([...path, keys[0]!])?.description : undefined;
  return {
    span,
    message: `${capitalize(itemLabel(path))} needs ${joinAnd(quoted)}${description ? `: ${lowerFirst(description)}` : '.'}`,
    data: { fix: 'insert-keys', keys: [...keys], path },
  };
}

/** The text of a scalar as written (numbers and booleans printed), for a message. */
function nodeText(document: ManifestDocument, node: Node | undefined): string | undefined {
  const range = node?.range;
  if (!range || !isScalarNode(node)) return undefined;
  return document.text.slice(range[0], range[1]).trim();
}

function isScalarNode(node: unknown): boolean {
  return typeof node === 'object' && node !== null && !isMap(node) && !isSeq(node) && 'value' in node;
}

/** Short vocabularies are listed; long ones (system kinds) are named by size, completion lists them. */
function allowedList(allowed: readonly string[]): string {
  return allowed.length <= 12 ? `one of ${allowed.join(', ')}` : `one of the ${allowed.length} known values (completion lists them)`;
}

function nodeValue(node: unknown): unknown {
  return (node as { value?: unknown } | undefined)?.value;
}

function firstKeySpan(node: unknown): Span | undefined {
  const map = asMap(node);
  if (map && map.items.length) return keySpan(map.items[0]);
  if (isMap(node) || isSeq(node)) return spanOf(node);
  return undefined;
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
