/**
 * Completion and hover inside flow collections (`- { id: erp, kind: | }`, `security: { transport: | }`,
 * `via: [bus, | ]`), generated from the schema: every key of a system or an integration whose
 * value is an enum, a boolean or a reference, and every map of keys, written in flow style at the
 * item level and nested, closed, unclosed, after a trailing comma, over several lines, with
 * comments. Each answer is compared with the answer at the same place written in block style.
 */
import assert from 'node:assert/strict';
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Hover, type MarkupContent, type Position, type TextEdit } from 'vscode-languageserver';
import { parseDocument } from 'yaml';
import { expandSnippet } from '../../server/src/features/completion/snippets';
import { createLanguageService, memoryDocuments } from '../../server/src/languageService';
import { manifestSchema, type JsonSchema } from '../../server/src/model/vocabulary';
import { RULES } from '../../server/src/rules';
import { TODAY } from '../helpers/text';

// ---------------------------------------------------------------------------------------------
// The language service, on documents kept in memory.

const documents = memoryDocuments();
const service = createLanguageService({ documents, today: () => TODAY });
let opened = 0;

/** Runs `use` on a fresh document holding `text`, then forgets it. */
function withDocument<T>(text: string, use: (uri: string) => T): T {
  const uri = `file:///flow-${opened++}.integration.yaml`;
  documents.set(uri, text);
  try {
    return use(uri);
  } finally {
    service.forget(uri);
    documents.delete(uri);
  }
}

function positionOf(text: string, offset: number): Position {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let line = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return { line, character: offset - lineStart };
}

function offsetOf(text: string, position: Position): number {
  let start = 0;
  for (let l = 0; l < position.line; l++) start = text.indexOf('\n', start) + 1;
  return start + position.character;
}

/** `marked` without its `|`, and the offset of the `|`. */
function unmark(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf('|');
  assert.ok(offset >= 0, 'no cursor `|`');
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset };
}

function completeAt(marked: string): { items: CompletionItem[]; text: string; offset: number } {
  const { text, offset } = unmark(marked);
  return { items: withDocument(text, (uri) => service.completion(uri, positionOf(text, offset)).items), text, offset };
}

/** The block-style answers, asked once per text (many flow variants share one). */
const blockAnswers = new Map<string, CompletionItem[]>();
function completeBlock(marked: string): CompletionItem[] {
  let items = blockAnswers.get(marked);
  if (!items) blockAnswers.set(marked, (items = completeAt(marked).items));
  return items;
}

const labels = (items: readonly CompletionItem[]) => items.map((i) => i.label);
const sorted = (list: readonly string[]) => [...list].sort();
/** Labels in the order the editor shows them. */
const ordered = (items: readonly CompletionItem[]) =>
  [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label) || a.label.localeCompare(b.label)).map((i) => i.label);
const isItemSnippet = (i: CompletionItem) => i.kind === CompletionItemKind.Snippet && i.label.startsWith('New ');

const markdownOf = (h: Hover | null) => (h ? (h.contents as MarkupContent).value : null);

function hoversAt(text: string, offsets: readonly number[]): (Hover | null)[] {
  return withDocument(text, (uri) => offsets.map((offset) => service.hover(uri, positionOf(text, offset))));
}

/** The text after accepting `item` (a snippet with its placeholders at their defaults). */
function accept(text: string, item: CompletionItem): string {
  const edit = item.textEdit as TextEdit;
  const start = offsetOf(text, edit.range.start);
  const end = offsetOf(text, edit.range.end);
  const newText = item.insertTextFormat === InsertTextFormat.Snippet ? expandSnippet(edit.newText) : edit.newText;
  return text.slice(0, start) + newText + text.slice(end);
}

/** The innermost flow collection around `offset` (these texts hold no brackets in comments or quotes): its opening bracket, and its closing one on the cursor's line if written. */
function bracketsAround(text: string, offset: number): { open: number; close?: number; lineEnd: number } {
  let depth = 0;
  let open = -1;
  for (let i = offset - 1; i >= 0; i--) {
    const c = text[i];
    if (c === '}' || c === ']') depth++;
    else if (c === '{' || c === '[') {
      if (depth === 0) {
        open = i;
        break;
      }
      depth--;
    }
  }
  assert.ok(open >= 0, 'the cursor is not inside a flow collection');
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd < 0) lineEnd = text.length;
  if (text[lineEnd - 1] === '\r') lineEnd--;
  depth = 0;
  for (let i = offset; i < lineEnd; i++) {
    const c = text[i];
    if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      if (depth === 0) return { open, close: i, lineEnd };
      depth--;
    }
  }
  return { open, lineEnd };
}

/** Every item's edit replaces only the word at the cursor, inside the innermost braces, on one line, and inserts one line. */
function assertEditsInside(done: { items: CompletionItem[]; text: string; offset: number }, word: { start: number; end: number }): void {
  const { text, offset } = done;
  const { open, close, lineEnd } = bracketsAround(text, offset);
  const limit = close ?? lineEnd;
  for (const item of done.items) {
    const edit = item.textEdit as TextEdit | undefined;
    assert.ok(edit, `${item.label} has no text edit`);
    const start = offsetOf(text, edit.range.start);
    const end = offsetOf(text, edit.range.end);
    assert.ok(start > open && end <= limit, `${item.label} replaces ${JSON.stringify(text.slice(start, end))} (${start}-${end}), outside the braces ${open}-${limit}`);
    assert.deepEqual({ start, end }, word, `${item.label} replaces ${JSON.stringify(text.slice(start, end))}, not the word at the cursor ${JSON.stringify(text.slice(word.start, word.end))}`);
    assert.ok(!edit.newText.includes('\n'), `${item.label} inserts several lines into a flow collection: ${JSON.stringify(edit.newText)}`);
  }
  const snippets = done.items.filter(isItemSnippet).map((i) => i.label);
  assert.deepEqual(snippets, [], 'no item snippet inside a flow map');
}

// ---------------------------------------------------------------------------------------------
// The manifest the cases are written into.

const SYSTEM_IDS = ['sales', 'erp', 'bus', 'flows', 'lake'];
const GOAL_IDS = ['visibility', 'cash'];
const ACTOR_IDS = ['order-taker'];
const RULE_IDS = RULES.filter((r) => r.id !== 'yaml-syntax').map((r) => r.id);

const HEAD = [
  'integrationManifest: 1',
  'solution:',
  '  name: Contoso',
  'actors:',
  '  - id: order-taker',
  '    name: Order taker',
  'goals:',
  '  - id: visibility',
  '    title: Sales sees order status',
  '  - id: cash',
  '    title: Faster cash collection',
];
const SYSTEMS = [
  '  - id: sales',
  '    name: Dynamics 365 Sales',
  '    kind: dynamics-365-sales',
  '    hosting: cloud',
  '  - id: erp',
  '    name: Warehouse ERP',
  '    kind: erp',
  '    hosting: on-premises',
  '  - id: bus',
  '    name: Integration bus',
  '    kind: service-bus',
  '    hosting: cloud',
  '  - id: flows',
  '    name: Power Automate',
  '    kind: power-automate',
  '    hosting: cloud',
  '  - id: lake',
  '    name: Data lake',
  '    kind: data-lake',
  '    hosting: cloud',
];
const INTEGRATIONS = [
  '  - id: status',
  '    name: Order status',
  '    type: data',
  '    from: erp',
  '    to: sales',
  '    mode: async',
  '    via: [bus]',
  '    goals: [visibility]',
];

type List = 'systems' | 'integrations';

/** The manifest with `item` (lines) as the first item of `list`; with CRLF line breaks when asked. */
function manifestWith(list: List, item: string, crlf = false): string {
  const lines = [...HEAD, 'systems:', ...(list === 'systems' ? [item] : []), ...SYSTEMS, 'integrations:', ...(list === 'integrations' ? [item] : []), ...INTEGRATIONS];
  const text = lines.join('\n') + '\n';
  return crlf ? text.replace(/\n/g, '\r\n') : text;
}

/** The keys a new item is written with before the one under test: what a system or an integration requires. */
const PREFIX: Readonly<Record<List, readonly [string, string][]>> = {
  systems: [
    ['id', 'fresh'],
    ['name', 'Fresh'],
    ['kind', 'erp'],
  ],
  integrations: [
    ['id', 'fresh'],
    ['name', 'Fresh'],
    ['type', 'data'],
    ['from', 'erp'],
    ['to', 'sales'],
  ],
};

// ---------------------------------------------------------------------------------------------
// The family, read from the schema.

function resolve(schema: JsonSchema | undefined): JsonSchema {
  assert.ok(schema, 'a schema');
  return schema.$ref ? manifestSchema.definitions![schema.$ref.split('/').pop()!]! : schema;
}

type Refers = 'system' | 'middleware system' | 'goal' | 'system or actor' | 'rule';

interface ValueTarget {
  list: List;
  /** Keys from the item, `[]` for an item of a list: `['security', 'transport']`, `['via', '[]']`, `['steps', '[]', 'from']`. */
  path: string[];
  /** Enum values, or `true`/`false`. */
  values?: readonly string[];
  refers?: Refers;
}

interface MapTarget {
  list: List;
  /** Path of the map from the item (empty: the item itself). */
  path: string[];
  keys: string[];
  schema: JsonSchema;
}

const VALUE_TARGETS: ValueTarget[] = [];
const MAP_TARGETS: MapTarget[] = [];

function collect(list: List, node: JsonSchema | undefined, path: string[]): void {
  const schema = resolve(node);
  if (schema.type === 'object' && schema.properties) {
    MAP_TARGETS.push({ list, path, keys: Object.keys(schema.properties), schema });
    for (const [key, child] of Object.entries(schema.properties)) collect(list, child, [...path, key]);
    return;
  }
  if (schema.type === 'array' && schema.items) {
    collect(list, schema.items, [...path, '[]']);
    return;
  }
  if (schema.enum) VALUE_TARGETS.push({ list, path, values: schema.enum });
  else if (schema.type === 'boolean') VALUE_TARGETS.push({ list, path, values: ['true', 'false'] });
  else {
    const refers = /^Id of (?:a|the) (system or actor|middleware system|system|goal|rule)\b/.exec(schema.description ?? '')?.[1] as Refers | undefined;
    if (refers) VALUE_TARGETS.push({ list, path, refers });
  }
}
collect('systems', manifestSchema.properties!['systems']!.items, []);
collect('integrations', manifestSchema.properties!['integrations']!.items, []);

/** Ids already listed in the list under test (so that completion leaves them out). */
const LISTED: Readonly<Record<string, readonly string[]>> = { 'via,[]': ['bus'], 'goals,[]': ['visibility'] };
const listedOf = (t: ValueTarget) => LISTED[t.path.join(',')] ?? [];

/** What completion must offer for a target, with the new integration going from `erp` to `sales`. */
function expectedValues(t: ValueTarget, listed: readonly string[]): string[] {
  if (t.values) return [...t.values];
  switch (t.refers!) {
    case 'system':
      return SYSTEM_IDS;
    case 'middleware system':
      return SYSTEM_IDS.filter((id) => id !== 'erp' && id !== 'sales' && !listed.includes(id));
    case 'goal':
      return GOAL_IDS.filter((id) => !listed.includes(id));
    case 'system or actor':
      return [...ACTOR_IDS, ...SYSTEM_IDS];
    case 'rule':
      return RULE_IDS;
  }
}

/** A value for a key, as written in the texts (the first value of an enum, `true`, an id...). */
function sampleValue(schema: JsonSchema | undefined, key: string): string {
  const s = resolve(schema);
  if (s.enum) return s.enum[0]!;
  if (s.type === 'boolean') return 'true';
  if (s.type === 'integer') return '3';
  if (s.type === 'array') return '[x]';
  if (s.type === 'object') return '{ }';
  if (key === 'rule') return 'load-testing';
  if (key === 'from' || key === 'to') return 'erp';
  return 'x';
}

// ---------------------------------------------------------------------------------------------
// Writing a position in flow and in block style.

/** The flow text from the item's key `path[0]` down to the cursor's value, and the brackets it leaves open: `security: { transport: `. */
function flowChain(path: readonly string[], listed: readonly string[]): { text: string; opened: string[] } {
  let text = '';
  const opened: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    if (segment === '[]') continue;
    text += `${segment}: `;
    if (i === path.length - 1) break;
    if (path[i + 1] === '[]') {
      text += '[';
      opened.push('[');
      if (i + 2 === path.length) text += listed.length > 0 ? `${listed.join(', ')}, ` : ' ';
      else {
        text += '{ ';
        opened.push('{');
      }
    } else {
      text += '{ ';
      opened.push('{');
    }
  }
  return { text, opened };
}

const closers = (opened: readonly string[]) =>
  [...opened]
    .reverse()
    .map((b) => (b === '{' ? ' }' : ' ]'))
    .join('');

/** The lines from the item's key `path[0]` down to the cursor in block style, the keys at `pad`. */
function blockChain(path: readonly string[], listed: readonly string[], typed: string, pad: number): string[] {
  const lines: string[] = [];
  let col = pad;
  let dash = false;
  for (let i = 0; i < path.length; ) {
    const segment = path[i]!;
    const lead = dash ? `${' '.repeat(col - 2)}- ` : ' '.repeat(col);
    dash = false;
    if (i === path.length - 1) {
      lines.push(`${lead}${segment}: ${typed}|`);
      break;
    }
    lines.push(`${lead}${segment}:`);
    if (path[i + 1] === '[]') {
      if (i + 2 === path.length) {
        for (const id of listed) lines.push(`${' '.repeat(col + 2)}- ${id}`);
        lines.push(`${' '.repeat(col + 2)}- ${typed}|`);
        break;
      }
      col += 4;
      dash = true;
      i += 2;
      continue;
    }
    col += 2;
    i++;
  }
  return lines;
}

/** Where the flow collection starts: the whole item (`- { ... }`), a value of a block item (`security: { ... }`), or an item of a block list of maps (`steps:` then `- { ... }`). */
type Outer = 'item' | 'nested' | 'list-item';

function outersOf(path: readonly string[]): Outer[] {
  const outers: Outer[] = ['item'];
  if (path.length >= 2) outers.push('nested');
  const dash = path.indexOf('[]');
  if (dash >= 1 && dash < path.length - 1) outers.push('list-item');
  return outers;
}

interface Layout {
  /** The new item's lines; the last one ends where the cursor goes (after `kind: `, `via: [bus, `, `retry: { backoff: `). */
  lines: string[];
  /** The brackets open at the cursor, outermost first. */
  opened: string[];
  /** The column of continuation lines, deeper than the line the flow collection starts on. */
  continuation: number;
}

/** The new item written with `outer` style down to the value at `path`. */
function layout(list: List, path: readonly string[], outer: Outer, listed: readonly string[]): Layout {
  const prefix = PREFIX[list].filter(([k]) => k !== path[0]);
  if (outer === 'item') {
    const chain = flowChain(path, listed);
    const head = `  - { ${prefix.map(([k, v]) => `${k}: ${v}`).join(', ')}, `;
    return { lines: [head + chain.text], opened: ['{', ...chain.opened], continuation: 6 };
  }
  const block = ['  - ' + prefix.map(([k, v]) => `${k}: ${v}`).join('\n    ')];
  if (outer === 'nested') {
    const chain = flowChain(path, listed);
    return { lines: [...block, `    ${chain.text}`], opened: chain.opened, continuation: 6 };
  }
  const dash = path.indexOf('[]');
  const chain = flowChain(path.slice(dash + 1), listed);
  const keys = path.slice(0, dash);
  const lines = [...block];
  keys.forEach((k, i) => lines.push(`${' '.repeat(4 + 2 * i)}${k}:`));
  const col = 4 + 2 * (keys.length - 1) + 2;
  return { lines: [...lines, `${' '.repeat(col)}- { ${chain.text}`], opened: ['{', ...chain.opened], continuation: col + 4 };
}

/**
 * The cursor's line spread over several lines: broken after the first `, ` before the cursor
 * (else after the innermost bracket), and again after the innermost bracket when that comes
 * later; the continuation lines at `col` and deeper. `comment` puts a comment after the first line.
 */
function spread(line: string, col: number, comment: boolean): string {
  const cursor = line.indexOf('|');
  const innermost = Math.max(line.lastIndexOf('{', cursor), line.lastIndexOf('[', cursor));
  const comma = line.indexOf(', ');
  const breaks = [comma >= 0 && comma < cursor ? comma + 1 : innermost + 1];
  if (innermost + 1 > breaks[0]!) breaks.push(innermost + 1);
  const pieces = [line.slice(0, breaks[0]) + (comment ? ' # a note' : '')];
  breaks.forEach((at, i) => pieces.push(' '.repeat(col + 2 * i) + line.slice(at, breaks[i + 1]).trimStart()));
  return pieces.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Values.

const VALUE_VARIANTS = ['closed', 'typed', 'unclosed', 'unclosed-typed', 'comment', 'no-space', 'multi-line', 'multi-line-comment-unclosed', 'crlf', 'empty-list'] as const;
type ValueVariant = (typeof VALUE_VARIANTS)[number];

interface ValueCase {
  name: string;
  target: ValueTarget;
  /** The key whose value is completed (of the list, for a list's item). */
  key: string;
  flow: string;
  block: string;
  typed: string;
  expected: string[];
  /** The document is complete (closed collections): accepting an item gives a manifest with that value. */
  closed: boolean;
}

function valueCase(target: ValueTarget, outer: Outer, variant: ValueVariant): ValueCase {
  // `empty-list`: the first item of a flow sequence (`goals: [ | ]`).
  const listed = variant === 'empty-list' ? [] : listedOf(target);
  const expected = expectedValues(target, listed);
  const typed = variant.includes('typed') ? expected[0]!.slice(0, 2) : '';
  const { lines, opened, continuation } = layout(target.list, target.path, outer, listed);
  let last = lines.pop()!;
  if (variant === 'no-space') last = last.replace(/ $/, '');
  const open = !variant.startsWith('unclosed') && !variant.endsWith('-unclosed');
  let line = `${last}${typed}|${open ? closers(opened) : ''}`;
  if (variant === 'comment') line += ' # a note';
  if (variant.startsWith('multi-line')) line = spread(line, continuation, variant.includes('comment'));
  const flow = manifestWith(target.list, [...lines, line].join('\n'), variant === 'crlf');
  const prefix = PREFIX[target.list].filter(([k]) => k !== target.path[0]);
  const blockItem = ['  - ' + prefix.map(([k, v]) => `${k}: ${v}`).join('\n    '), ...blockChain(target.path, listed, typed, 4)].join('\n');
  return {
    name: `${target.list}: ${target.path.join('.')} (${outer}, ${variant})`,
    target,
    key: target.path.filter((p) => p !== '[]').at(-1)!,
    flow,
    block: manifestWith(target.list, blockItem),
    typed,
    expected,
    closed: open,
  };
}

/** The value at `path` of the first item of `list` in `text` (the last item of each list on the way). */
function valueIn(text: string, list: List, path: readonly string[]): unknown {
  let node: unknown = (parseDocument(text).toJS() as Record<string, unknown[]>)[list]![0];
  for (const segment of path) node = segment === '[]' ? (node as unknown[]).at(-1) : (node as Record<string, unknown>)[segment];
  return node;
}

const VALUE_CASES: ValueCase[] = VALUE_TARGETS.flatMap((t) =>
  outersOf(t.path).flatMap((outer) => VALUE_VARIANTS.filter((v) => v !== 'empty-list' || t.path.at(-1) === '[]').map((v) => valueCase(t, outer, v))),
);

// ---------------------------------------------------------------------------------------------
// Keys.

const KEY_VARIANTS = ['empty', 'trailing-comma', 'trailing-comma-unclosed', 'typed', 'rename', 'multi-line', 'multi-line-blank-unclosed', 'comment', 'comment-between', 'crlf'] as const;
type KeyVariant = (typeof KEY_VARIANTS)[number];

interface KeyCase {
  name: string;
  flow: string;
  block: string;
  expected: string[];
  /** The word the edits replace, relative to the cursor. */
  word: { before: number; after: number };
  /** Inserts the key only: its colon is written. */
  hasColon: boolean;
  closed: boolean;
}

function keyCase(target: MapTarget, outer: Outer, variant: KeyVariant): KeyCase {
  const [first, second] = target.keys as [string, string];
  const firstEntry = `${first}: ${sampleValue(target.schema.properties![first], first)}`;
  const item = target.path.length === 0;
  // The item's own map is written with its id; a nested one with its first key.
  const written = variant === 'empty' ? [] : item ? [`${target.keys[0]}: fresh`] : [firstEntry];
  const used = variant === 'empty' ? [] : [first];
  const expected = target.keys.filter((k) => !used.includes(k));
  let typed = '';
  let after = '';
  if (variant === 'typed') typed = second.slice(0, 1);
  if (variant === 'rename') {
    typed = second.slice(0, 1);
    after = `${second.slice(1)}: ${sampleValue(target.schema.properties![second], second)}`;
  }
  const before = written.length > 0 ? `${written.join(', ')}, ` : '';
  const open = !variant.endsWith('-unclosed');
  let flowLines: string[];
  let line: string;
  if (item) {
    flowLines = [];
    line = `  - { ${before}${typed}|${after}${open ? ' }' : ''}`;
  } else {
    // The map under test is reached like a value: the chain down to it, then its own braces.
    const { lines, opened } = layout(target.list, [...target.path, '@'], outer, []);
    flowLines = lines;
    const last = flowLines.pop()!.replace(/@: $/, '');
    line = `${last}${before}${typed}|${after}${open ? closers(opened) : ''}`;
  }
  if (variant === 'comment') line += ' # a note';
  if (variant === 'multi-line' || variant === 'comment-between' || variant === 'multi-line-blank-unclosed') {
    const at = line.lastIndexOf(', ', line.indexOf('|'));
    const col = line.length - line.trimStart().length + 4;
    const note = variant === 'comment-between' ? ' # a note' : '';
    const blank = variant === 'multi-line-blank-unclosed' ? '\n' : '';
    line = `${line.slice(0, at + 1)}${note}\n${blank}${' '.repeat(col)}${line.slice(at + 2)}`;
  }
  const flow = manifestWith(target.list, [...flowLines, line].join('\n'), variant === 'crlf');
  // Block style: the same map, a new line for the key.
  const prefix = PREFIX[target.list];
  let blockItem: string;
  if (item) {
    blockItem = variant === 'empty' ? `  - ${typed}|${after}` : `  - ${written[0]}\n    ${typed}|${after}`;
  } else {
    const lines = blockChain([...target.path, first], [], sampleValue(target.schema.properties![first], first), 4);
    const lastLine = lines.pop()!.replace('|', '');
    const col = lastLine.length - lastLine.replace(/^[ -]*/, '').length;
    const body = variant === 'empty' ? [lastLine.replace(/[^ -].*$/, `${typed}|${after}`)] : [lastLine, `${' '.repeat(col)}${typed}|${after}`];
    blockItem = ['  - ' + prefix.map(([k, v]) => `${k}: ${v}`).join('\n    '), ...lines, ...body].join('\n');
  }
  const word = variant === 'rename' ? { before: typed.length, after: second.length - typed.length } : { before: typed.length, after: 0 };
  return {
    name: `${target.list}: keys of ${target.path.length ? target.path.join('.') : 'an item'} (${outer}, ${variant})`,
    flow,
    block: manifestWith(target.list, blockItem),
    expected,
    word,
    hasColon: variant === 'rename',
    closed: open,
  };
}

function keyOutersOf(target: MapTarget): Outer[] {
  if (target.path.length === 0) return ['item'];
  return outersOf([...target.path, '@']);
}

const KEY_CASES: KeyCase[] = MAP_TARGETS.flatMap((t) => keyOutersOf(t).flatMap((outer) => KEY_VARIANTS.map((v) => keyCase(t, outer, v))));

// ---------------------------------------------------------------------------------------------
// Hover: a whole manifest written in block style and in flow styles, every key and value hovered.

type Plain = string | Plain[] | { [key: string]: Plain };

const HOVER_SYSTEMS: Record<string, Plain>[] = [
  { id: 'sales', name: 'Dynamics 365 Sales', kind: 'dynamics-365-sales', hosting: 'cloud', owner: 'Sales operations' },
  {
    id: 'erp',
    name: 'Warehouse ERP',
    kind: 'erp',
    hosting: 'on-premises',
    endpoint: 'https://erp.contoso.com/api',
    description: 'The legacy warehouse system',
    tags: ['legacy', 'warehouse'],
    waivers: [{ rule: 'hybrid-gateway', reason: 'Replaced in 2027', expires: '2027-06-30' }],
  },
  { id: 'bus', name: 'Integration bus', kind: 'service-bus', hosting: 'cloud' },
];

const HOVER_INTEGRATIONS: Record<string, Plain>[] = [
  {
    id: 'status',
    name: 'Order status',
    type: 'data',
    from: 'erp',
    to: 'sales',
    direction: 'one-way',
    mode: 'async',
    trigger: 'event',
    frequency: 'near-real-time',
    volume: '20k/day',
    peak: '3k/hour',
    pattern: 'messaging',
    via: ['bus'],
    systemOfRecord: 'erp',
    goals: ['visibility'],
    owner: 'Integration team',
    docs: 'https://contoso.com/design',
    data: { entities: ['salesorder'], format: 'json', pii: 'false', mapping: [{ from: 'ORDER_NO', to: 'ordernumber', transform: 'Trimmed' }] },
    security: { authentication: 'entra-id', secrets: 'key-vault', transport: 'tls1.2' },
    monitoring: { tool: 'application-insights', alerts: 'true', audit: 'false' },
    errorHandling: { retry: { attempts: '5', backoff: 'exponential' }, deadLetter: 'true', notify: 'support@contoso.com' },
    testing: { load: 'planned', endToEnd: 'done' },
    steps: [
      { from: 'order-taker', to: 'sales', action: 'Confirm the order', async: 'false' },
      { from: 'erp', to: 'bus', action: 'Publish the status', async: 'true' },
    ],
    waivers: [{ rule: 'load-testing', reason: 'Capped by the ERP', expires: '2027-12-31' }],
    description: 'Status updates from the warehouse',
    tags: ['orders'],
  },
  { id: 'invoices', name: 'Invoices to the ERP', type: 'process', from: 'sales', to: 'erp', mode: 'sync', trigger: 'user', via: ['bus'], goals: ['cash', 'visibility'] },
];

type HoverStyle = 'block' | 'flow-items' | 'flow-items-multiline' | 'flow-items-commented' | 'flow-nested' | 'flow-nested-multiline';
const HOVER_STYLES: HoverStyle[] = ['flow-items', 'flow-items-multiline', 'flow-items-commented', 'flow-nested', 'flow-nested-multiline'];

interface Token {
  path: string;
  part: 'key' | 'value';
  start: number;
  end: number;
}

/** Writes a manifest and records where each key and scalar value of the systems and integrations is. */
class Writer {
  text = '';
  readonly tokens: Token[] = [];

  write(s: string): void {
    this.text += s;
  }

  token(path: string, part: Token['part'], s: string): void {
    this.tokens.push({ path, part, start: this.text.length, end: this.text.length + s.length });
    this.text += s;
  }

  /** A collection in flow style on one line. */
  flow(value: Plain, path: string): void {
    if (typeof value === 'string') return this.token(path, 'value', value);
    if (Array.isArray(value)) {
      this.write('[');
      value.forEach((v, i) => {
        if (i > 0) this.write(', ');
        this.flow(v, `${path}.${i}`);
      });
      return this.write(']');
    }
    this.write('{ ');
    Object.entries(value).forEach(([k, v], i) => {
      if (i > 0) this.write(', ');
      this.token(`${path}.${k}`, 'key', k);
      this.write(': ');
      this.flow(v, `${path}.${k}`);
    });
    this.write(' }');
  }

  /** A map in flow style with one entry per line (continuation lines at `col`), comments after the commas when asked. */
  flowLines(value: Record<string, Plain>, path: string, col: number, comment: boolean): void {
    this.write('{ ');
    Object.entries(value).forEach(([k, v], i) => {
      if (i > 0) this.write(`,${comment ? ' # note' : ''}\n${' '.repeat(col)}`);
      this.token(`${path}.${k}`, 'key', k);
      this.write(': ');
      this.flow(v, `${path}.${k}`);
    });
    this.write(' }');
  }

  /** A map in block style, its keys at `col` (the first one already placed after a dash when `dashed`). */
  block(value: Record<string, Plain>, path: string, col: number, style: HoverStyle, dashed = false): void {
    Object.entries(value).forEach(([k, v], i) => {
      if (!(dashed && i === 0)) this.write(' '.repeat(col));
      this.token(`${path}.${k}`, 'key', k);
      this.write(':');
      if (typeof v === 'string') {
        this.write(' ');
        this.token(`${path}.${k}`, 'value', v);
        this.write('\n');
      } else if (style === 'flow-nested') {
        this.write(' ');
        this.flow(v, `${path}.${k}`);
        this.write('\n');
      } else if (style === 'flow-nested-multiline' && !Array.isArray(v)) {
        this.write(' ');
        this.flowLines(v, `${path}.${k}`, col + 2, false);
        this.write('\n');
      } else if (style === 'flow-nested-multiline' && Array.isArray(v)) {
        this.write(` [\n${' '.repeat(col + 2)}`);
        v.forEach((x, j) => {
          if (j > 0) this.write(`,\n${' '.repeat(col + 2)}`);
          this.flow(x, `${path}.${k}.${j}`);
        });
        this.write(' ]\n');
      } else if (Array.isArray(v)) {
        this.write('\n');
        v.forEach((x, j) => {
          this.write(`${' '.repeat(col + 2)}- `);
          if (typeof x === 'string') {
            this.token(`${path}.${k}.${j}`, 'value', x);
            this.write('\n');
          } else if (!Array.isArray(x)) this.block(x, `${path}.${k}.${j}`, col + 4, style, true);
        });
      } else {
        this.write('\n');
        this.block(v, `${path}.${k}`, col + 2, style);
      }
    });
  }

  list(name: List, items: readonly Record<string, Plain>[], style: HoverStyle): void {
    this.write(`${name}:\n`);
    items.forEach((item, i) => {
      const path = `${name}.${i}`;
      this.write('  - ');
      if (style === 'flow-items') this.flow(item, path);
      else if (style === 'flow-items-multiline' || style === 'flow-items-commented') this.flowLines(item, path, 6, style === 'flow-items-commented');
      else return this.block(item, path, 4, style, true);
      this.write(style === 'flow-items-commented' ? ' # the end\n' : '\n');
    });
  }
}

function hoverManifest(style: HoverStyle): Writer {
  const w = new Writer();
  w.write([...HEAD, ''].join('\n'));
  w.list('systems', HOVER_SYSTEMS, style);
  w.list('integrations', HOVER_INTEGRATIONS, style);
  w.write('rules:\n  goal-alignment: off\n');
  return w;
}

function hoversOf(text: string, tokens: readonly Token[]): Map<string, { hover: Hover | null; token: Token }> {
  return withDocument(text, (uri) => {
    const result = new Map<string, { hover: Hover | null; token: Token }>();
    for (const token of tokens) {
      const at = token.start + Math.floor((token.end - token.start) / 2);
      result.set(`${token.path} ${token.part}`, { hover: service.hover(uri, positionOf(text, at)), token });
    }
    return result;
  });
}


// ---------------------------------------------------------------------------------------------

describe('flow style: completion and hover inside flow collections', () => {
  describe('the family read from the schema', () => {
    it('has the enum, boolean and reference keys of systems and integrations', () => {
      const names = VALUE_TARGETS.map((t) => `${t.list}:${t.path.join('.')}`);
      for (const name of [
        'systems:kind',
        'systems:hosting',
        'systems:waivers.[].rule',
        'integrations:type',
        'integrations:mode',
        'integrations:from',
        'integrations:to',
        'integrations:systemOfRecord',
        'integrations:via.[]',
        'integrations:goals.[]',
        'integrations:security.transport',
        'integrations:errorHandling.retry.backoff',
        'integrations:steps.[].from',
        'integrations:waivers.[].rule',
      ])
        assert.ok(names.includes(name), `${name} among ${names.join(', ')}`);
      assert.ok(MAP_TARGETS.some((t) => t.list === 'integrations' && t.path.join('.') === 'errorHandling.retry'));
    });
  });

  describe('values', () => {
    for (const c of VALUE_CASES) {
      it(c.name, () => {
        const done = completeAt(c.flow);
        const got = labels(done.items);
        for (const label of c.expected) assert.ok(got.includes(label), `expected ${label} among ${got.join(', ')}\n${c.flow}`);
        const block = completeBlock(c.block);
        assert.deepEqual(sorted(got), sorted(labels(block)), `the same values as in block style\n${c.flow}`);
        assert.deepEqual(ordered(done.items), ordered(block), 'in the same order as in block style');
        assertEditsInside(done, { start: done.offset - c.typed.length, end: done.offset });
        // Accepted, the value reads as written, and hover on it and on its key says what it says in block style.
        const label = c.expected[0]!;
        const flowItem = done.items.find((i) => i.label === label)!;
        const after = accept(done.text, flowItem);
        if (c.closed) assert.equal(String(valueIn(after, c.target.list, c.target.path)), label, `accepting ${label}:\n${after}`);
        const blockText = unmark(c.block).text;
        const blockItem = block.find((i) => i.label === label)!;
        const blockAfter = accept(blockText, blockItem);
        /** Inside the accepted value, and on its key. */
        const places = (text: string, item: CompletionItem): number[] => {
          const edit = item.textEdit as TextEdit;
          const value = offsetOf(text, edit.range.start) + edit.newText.length - label.length + 1;
          return [value, text.lastIndexOf(`${c.key}:`, value) + 1];
        };
        const [flowValue, flowKey] = hoversAt(after, places(done.text, flowItem));
        const [blockValue, blockKey] = hoversAt(blockAfter, places(blockText, blockItem));
        assert.ok(blockValue && blockKey, `block style has hovers:\n${blockAfter}`);
        // With a flow map left unclosed, YAML reads the items below it into the map (the engine's parse, not this feature):
        // a referenced item's summary then counts fewer integrations using it (and fewer in, out, up- and downstream). The rest is the same.
        const usage = (h: Hover | null) => (c.closed ? markdownOf(h) : markdownOf(h)?.replace(/\n\n(Used by|Served by|No integration) [\s\S]*$/, ''));
        assert.equal(usage(flowValue!), usage(blockValue), `hover on the value ${label}:\n${after}`);
        assert.equal(markdownOf(flowKey!), markdownOf(blockKey), `hover on the key ${c.key}:\n${after}`);
      });
    }
  });

  describe('keys', () => {
    for (const c of KEY_CASES) {
      it(c.name, () => {
        const done = completeAt(c.flow);
        const got = labels(done.items);
        for (const label of c.expected) assert.ok(got.includes(label), `expected ${label} among ${got.join(', ')}\n${c.flow}`);
        const block = completeBlock(c.block);
        assert.deepEqual(sorted(got), sorted(labels(block.filter((i) => !isItemSnippet(i)))), `the same keys as in block style\n${c.flow}\n---\n${c.block}`);
        assertEditsInside(done, { start: done.offset - c.word.before, end: done.offset + c.word.after });
        for (const item of done.items) {
          const newText = (item.textEdit as TextEdit).newText;
          if (c.hasColon) assert.equal(newText, item.label, 'a key with its colon written is only renamed');
          else assert.ok(newText.startsWith(`${item.label}: `), `${item.label} inserts ${JSON.stringify(newText)}`);
        }
        if (c.closed) {
          for (const item of done.items) {
            const after = accept(done.text, item);
            assert.deepEqual(parseDocument(after).errors.map((e) => e.message), [], `accepting ${item.label}:\n${after}`);
          }
        }
      });
    }
  });

  describe('hover', () => {
    const block = hoverManifest('block');
    const expected = hoversOf(block.text, block.tokens);
    it('every key and value of the block-style manifest has a hover', () => {
      const missing = [...expected].filter(([, h]) => !h.hover).map(([k]) => k);
      assert.deepEqual(missing, []);
    });
    for (const style of HOVER_STYLES) {
      describe(style, () => {
        const written = hoverManifest(style);
        let got: Map<string, { hover: Hover | null; token: Token }> | undefined;
        before(() => {
          assert.deepEqual(parseDocument(written.text).errors.map((e) => e.message), [], written.text);
          got = hoversOf(written.text, written.tokens);
        });
        for (const token of written.tokens) {
          const key = `${token.path} ${token.part}`;
          it(`${key}`, () => {
            const flow = got!.get(key)!;
            assert.equal(markdownOf(flow.hover), markdownOf(expected.get(key)!.hover), `hover on ${written.text.slice(token.start, token.end)}`);
            const range = flow.hover!.range!;
            assert.deepEqual(
              { start: offsetOf(written.text, range.start), end: offsetOf(written.text, range.end) },
              { start: token.start, end: token.end },
              'the hover covers the token',
            );
          });
        }
      });
    }
  });

  it('generates enough cases', () => {
    const hovers = HOVER_STYLES.reduce((n, style) => n + hoverManifest(style).tokens.length, 0);
    assert.ok(VALUE_CASES.length >= 200 && KEY_CASES.length >= 100 && hovers >= 300, `${VALUE_CASES.length} value, ${KEY_CASES.length} key, ${hovers} hover cases`);
  });
});
