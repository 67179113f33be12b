/**
 * Hostile inputs (SECURITY.md, "Hostile files"): what the engine and the server must survive with a clear
 * diagnostic, without hanging and in bounded memory. Shared by test/unit/hostile.test.ts (the engine
 * and the language service) and test/protocol/hostile.test.ts (the real server).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CompletionItem, Hover, MarkupContent } from 'vscode-languageserver';

export const MB = 1024 * 1024;

export const SPEC_EXAMPLE = readFileSync(join(__dirname, '../fixtures/spec-example.integration.yaml'), 'utf8');

/** Where SPEC_EXAMPLE is probed after each hostile input: the key `mode` and the system in `via: [bus]`. */
export const MODE_KEY = { line: SPEC_EXAMPLE.split('\n').findIndex((l) => l.includes('    mode: async')), character: 6 };
export const VIA_VALUE = { line: SPEC_EXAMPLE.split('\n').findIndex((l) => l.includes('    via: [bus]')), character: 11 };

/** The hover at MODE_KEY is the guidance on `mode`: over the key, titled with it, listing its three values. */
export function assertModeHover(hover: Hover | null | undefined): void {
  assert.ok(hover, 'no hover on `mode` after the hostile input');
  assert.deepEqual(hover.range, { start: { line: MODE_KEY.line, character: 4 }, end: { line: MODE_KEY.line, character: 8 } }, 'the hover covers `mode`');
  const markdown = (hover.contents as MarkupContent).value;
  assert.ok(markdown.startsWith('**`mode`**\n\n'), `the hover is not about \`mode\`: ${markdown.slice(0, 80)}`);
  assert.ok(markdown.includes('\n\nValues: `sync`, `async`, `batch`.\n\n'), `the hover on \`mode\` lists other values: ${markdown}`);
}

/** Completion at VIA_VALUE offers the example's one middleware system, `bus`. */
export function assertViaCompletion(items: readonly CompletionItem[]): void {
  assert.deepEqual(items.map((item) => item.label), ['bus'], 'completion in `via` after the hostile input');
}

const HEAD = 'integrationManifest: 1\nsolution:\n  name: Hostile input\n';

/** Text of about `size` characters: `head`, then `unit(i)` for i = 0, 1, ... */
function repeat(size: number, head: string, unit: (i: number) => string): string {
  const parts = [head];
  let length = head.length;
  for (let i = 0; length < size; i++) {
    const part = unit(i);
    parts.push(part);
    length += part.length;
  }
  return parts.join('');
}

/** The SPEC example with its integration repeated (renamed each time) to about `size` characters. */
export function realisticManifest(size: number): string {
  const start = SPEC_EXAMPLE.indexOf('  - id: order-status');
  const end = SPEC_EXAMPLE.indexOf('rules:');
  const integration = SPEC_EXAMPLE.slice(start, end);
  return repeat(size, SPEC_EXAMPLE.slice(0, end), (i) => integration.replace(/order-status/g, `order-status-${i}`));
}

/** Bytes 0-255 in a scrambled order, decoded one byte per character (as latin-1 would). */
export function binaryGarbage(size: number): string {
  const chars = new Array<string>(size);
  let x = 0x2545f491;
  for (let i = 0; i < size; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    chars[i] = String.fromCharCode((x >>> 0) & 0xff);
  }
  return chars.join('');
}

/** Bytes that are not UTF-8, as an editor decodes them: U+FFFD for each bad sequence. */
export function invalidUtf8(): string {
  const bytes = Buffer.concat([
    Buffer.from(HEAD.replace('Hostile input', 'Caf'), 'utf8'),
    Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x90, 0x28, 0xbc, 0xff, 0xfe]),
    Buffer.from('\nsystems:\n  - id: erp\n    name: \xff\xfe ERP\n    kind: erp\n', 'latin1'),
  ]);
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
}

/** `depth` nested flow lists: `[[[...]]]`. */
export const flowLists = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth);
/** `depth` nested flow maps: `{a: {a: ... 1}}`. */
export const flowMaps = (depth: number): string => '{a: '.repeat(depth) + '1' + '}'.repeat(depth);
/** `depth` nested block maps, one more space of indentation per level. */
export const blockMaps = (depth: number): string => Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' 1\n';
/** `depth` nested block lists. */
export const blockLists = (depth: number): string => Array.from({ length: depth }, (_, i) => `${' '.repeat(2 * i)}-`).join('\n') + ' 1\n';

/** A "billion laughs": `levels` anchors, each a list of `width` aliases to the one before. */
export function aliasBomb(levels = 12, width = 10, indent = ''): string {
  let text = `${indent}l0: &l0 [${Array(width).fill('"lol"').join(', ')}]\n`;
  for (let i = 1; i < levels; i++) text += `${indent}l${i}: &l${i} [${Array(width).fill(`*l${i - 1}`).join(', ')}]\n`;
  return text;
}

export interface HostileCase {
  name: string;
  text: string;
  /** A diagnostic message every analysis of the text must include (the clear one for this input), as the editor shows it: quotes in single quotes. */
  expect?: RegExp;
}

const NESTED = /nested more than 100 levels deep/;

/** Every hostile input, with the diagnostic it must get. `big` adds the 10 MB ones. */
export function hostileCases(big: boolean): HostileCase[] {
  const cases: HostileCase[] = [
    { name: '10,000 nested flow lists at the top', text: flowLists(10_000), expect: NESTED },
    { name: '10,000 nested flow maps as a value', text: `${HEAD}extra: ${flowMaps(10_000)}\n`, expect: NESTED },
    { name: '10,000 nested flow lists in `via`', text: SPEC_EXAMPLE.replace('via: [bus]', `via: ${flowLists(10_000)}`), expect: NESTED },
    { name: '10,000 nested flow lists as a key', text: `${HEAD}? ${flowLists(10_000)}\n: 1\n`, expect: NESTED },
    { name: '10,000 nested block maps', text: HEAD + 'extra:\n' + blockMaps(10_000).replace(/^/gm, '  '), expect: NESTED },
    { name: '10,000 nested block lists', text: blockLists(10_000), expect: NESTED },
    { name: '1,000 nested lists in the `rules` block', text: `${HEAD}rules:\n  goal-alignment: ${flowLists(1_000)}\n`, expect: NESTED },
    { name: 'an alias bomb at the top', text: HEAD + aliasBomb(), expect: /too many aliases/ },
    { name: 'an alias bomb in the `rules` block', text: `${HEAD}rules:\n${aliasBomb(12, 10, '  ')}  goal-alignment: *l11\n`, expect: /too many aliases/ },
    { name: 'an alias bomb used as `via`', text: `${HEAD}${aliasBomb()}integrations:\n  - id: a\n    name: a\n    type: data\n    from: x\n    to: y\n    via: *l11\n`, expect: /too many aliases/ },
    { name: 'binary garbage', text: binaryGarbage(64 * 1024), expect: /./ },
    { name: 'NUL characters', text: `${HEAD}\0\0\0: \0\n`, expect: /./ },
    { name: 'a byte order mark', text: '\uFEFF' + SPEC_EXAMPLE },
    { name: 'CRLF line ends', text: SPEC_EXAMPLE.replace(/\n/g, '\r\n') },
    { name: 'lone CR line ends', text: SPEC_EXAMPLE.replace(/\n/g, '\r') },
    { name: 'tabs as indentation', text: SPEC_EXAMPLE.replace('  name: Contoso order to cash', '\tname: Contoso order to cash'), expect: /Tabs cannot indent YAML/ },
    { name: 'duplicate keys', text: SPEC_EXAMPLE.replace('    mode: async', '    mode: async\n    mode: sync'), expect: /Each key may appear once in a map/ },
    { name: 'several YAML documents', text: `${SPEC_EXAMPLE}---\n${SPEC_EXAMPLE}---\nfoo: 1\n`, expect: /A manifest holds one YAML document/ },
    { name: 'invalid UTF-8 decoded to U+FFFD', text: invalidUtf8() },
    { name: 'an unclosed quote at the very end', text: `${HEAD}extra: "`, expect: /./ },
    { name: 'an empty document', text: '', expect: /starts with 'integrationManifest: 1'/ },
    { name: 'only a comment', text: '# nothing here\n', expect: /starts with 'integrationManifest: 1'/ },
    { name: '100,000 syntax errors', text: '- ]\n'.repeat(100_000), expect: /(more|further) YAML syntax errors/ },
    { name: '50,000 distinct top-level keys', text: HEAD + Array.from({ length: 50_000 }, (_, i) => `k${i}: 1\n`).join(''), expect: /Unknown key 'k0'/ },
    {
      name: '5,000 unknown references among 5,000 systems',
      text:
        HEAD +
        'systems:\n' +
        Array.from({ length: 5_000 }, (_, i) => `  - {id: sys${i}, name: s, kind: erp}\n`).join('') +
        'integrations:\n' +
        Array.from({ length: 5_000 }, (_, i) => `  - {id: int${i}, name: n, type: data, from: sys${i}x, to: sys${i}}\n`).join(''),
      expect: /names 'sys0x', but no system has that id/,
    },
  ];
  if (big)
    cases.push(
      { name: 'a 10 MB manifest', text: realisticManifest(10 * MB) },
      { name: '10 MB of binary garbage', text: binaryGarbage(10 * MB), expect: /./ },
      { name: '10 MB of syntax errors', text: '- ]\n'.repeat((10 * MB) / 4), expect: /read only up to line/ },
      { name: 'a 10 MB key', text: `${HEAD}${'k'.repeat(10 * MB)}: 1\n`, expect: /Unknown key 'k{60}…'/ },
      { name: 'a 10 MB reference', text: SPEC_EXAMPLE.replace('from: erp', `from: ${'e'.repeat(10 * MB)}`), expect: /names 'e{60}…'/ },
    );
  return cases;
}
