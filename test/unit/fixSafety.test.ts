/**
 * Fixes never damage text: every quick fix of every finding, on manifests laid out every way a
 * fix writes into (test/helpers/layouts.ts: block and flow maps and lists, flow collections
 * over several lines, comments in every position, block scalars with every chomping
 * indicator right before the insertion point, LF and CRLF, with and without a final line
 * break). After each fix:
 * - the text parses with no YAML error it did not have;
 * - every comment is unchanged: the same text, in the same order;
 * - every value outside the edited node is unchanged (the document's `toJS()` compared
 *   outside the paths the fix writes to: new entries in the collection it inserts into, or
 *   the value it replaces), which takes in every block scalar's content;
 * - the finding is gone (its rule finds less on its item).
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isCollection, isPair, isScalar, type Node } from 'yaml';
import type { Analysis } from '../../server/src/analysis/analyze';
import { applyEdits, editTarget, insertPair, setIn, appendToSeq, type TextEdit } from '../../server/src/document/edits';
import { parseManifest, type ManifestDocument } from '../../server/src/document/manifestDocument';
import { asMap, nodeAt, type PathSegment } from '../../server/src/document/nodes';
import { CHOMPING, layoutArb, renderLayout, type Chomping } from '../helpers/layouts';
import { commentsOf, fixesFor, lintText } from '../helpers/text';

/** Every node of the document with its path (keys of maps by their text), and the keys with the path of their map. */
function nodePaths(doc: ManifestDocument): { nodes: Map<Node, PathSegment[]>; keys: Map<Node, PathSegment[]> } {
  const nodes = new Map<Node, PathSegment[]>();
  const keys = new Map<Node, PathSegment[]>();
  const stack: { node: unknown; path: PathSegment[] }[] = [{ node: doc.yaml.contents, path: [] }];
  while (stack.length) {
    const { node, path } = stack.pop()!;
    if (!node || typeof node !== 'object') continue;
    nodes.set(node as Node, path);
    if (!isCollection(node)) continue;
    node.items.forEach((item, i) => {
      if (isPair(item)) {
        const key = isScalar(item.key) ? String(item.key.value) : '';
        if (item.key && typeof item.key === 'object') keys.set(item.key as Node, path);
        stack.push({ node: item.value, path: [...path, key] });
      } else stack.push({ node: item, path: [...path, i] });
    });
  }
  return { nodes, keys };
}

/** What a fix may change: values replaced (anything at or under the path), collections inserted into (new entries right under the path, or empty values filled). */
interface Allowed {
  replaced: PathSegment[][];
  inserted: PathSegment[][];
  /** An insertion whose target is unknown: new entries anywhere, nothing else. */
  anywhere: boolean;
}

function allowedChanges(doc: ManifestDocument, edits: readonly TextEdit[]): Allowed {
  const { nodes, keys } = nodePaths(doc);
  const allowed: Allowed = { replaced: [], inserted: [], anywhere: false };
  for (const edit of edits) {
    const target = editTarget(edit);
    const insertion = edit.start === edit.end;
    if (target && nodes.has(target)) {
      (insertion ? allowed.inserted : allowed.replaced).push(nodes.get(target)!);
      continue;
    }
    if (insertion) {
      allowed.anywhere = true;
      continue;
    }
    // Raw replacements (a schema or reference correction): the smallest node or key that holds them.
    let best: { path: PathSegment[]; size: number } | undefined;
    for (const [node, path] of [...nodes, ...keys]) {
      const r = node.range;
      if (!r || r[0] > edit.start || r[1] < edit.end) continue;
      if (!best || r[1] - r[0] < best.size) best = { path, size: r[1] - r[0] };
    }
    allowed.replaced.push(best?.path ?? []);
  }
  return allowed;
}

const under = (path: readonly PathSegment[], prefix: readonly PathSegment[]) => prefix.length <= path.length && prefix.every((s, i) => s === path[i]);

/** Every difference between two plain values: added, removed or changed entries, by path. */
function differences(a: unknown, b: unknown, path: PathSegment[] = [], out: { path: PathSegment[]; kind: 'added' | 'removed' | 'changed'; was: unknown }[] = []) {
  const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      if (i >= a.length) out.push({ path: [...path, i], kind: 'added', was: undefined });
      else if (i >= b.length) out.push({ path: [...path, i], kind: 'removed', was: a[i] });
      else differences(a[i], b[i], [...path, i], out);
    }
  } else if (isObject(a) && isObject(b)) {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (!(k in a)) out.push({ path: [...path, k], kind: 'added', was: undefined });
      else if (!(k in b)) out.push({ path: [...path, k], kind: 'removed', was: a[k] });
      else differences(a[k], b[k], [...path, k], out);
    }
  } else if (!Object.is(a, b)) out.push({ path, kind: 'changed', was: a });
  return out;
}

/** The changes of the data outside what the fix may change (none, for a fix that damages nothing). */
function unexpectedChanges(before: unknown, after: unknown, allowed: Allowed): string[] {
  return differences(before, after)
    .filter(({ path, kind, was }) => {
      if (allowed.replaced.some((p) => under(path, p))) return false;
      const parent = path.slice(0, -1);
      const direct = allowed.inserted.some((p) => p.length === parent.length && under(parent, p));
      if (direct && (kind === 'added' || (kind === 'changed' && was === null))) return false;
      if (allowed.anywhere && kind === 'added') return false;
      return true;
    })
    .map(({ path, kind }) => `${kind} ${path.join('.')}`);
}

/** The block scalar whose text ends right before `offset` (nothing but white space and comments between), if any. */
function blockScalarBefore(doc: ManifestDocument, offset: number): Chomping | undefined {
  let found: { end: number; header: Chomping } | undefined;
  let lastStart = -1;
  const stack: unknown[] = [doc.yaml.contents];
  while (stack.length) {
    const node = stack.pop();
    if (isPair(node)) {
      stack.push(node.key, node.value);
      continue;
    }
    if (!node || typeof node !== 'object') continue;
    const range = (node as Node).range;
    if (range && range[0] < offset) lastStart = Math.max(lastStart, range[0]);
    if (isScalar(node) && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') && range && range[0] < offset) {
      const header = /^[|>][+-]?/.exec(doc.text.slice(range[0]))![0] as Chomping;
      if (!found || range[0] > found.end) found = { end: range[0], header };
    }
    if (isCollection(node)) for (const item of node.items) stack.push(item);
  }
  return found && found.end === lastStart ? found.header : undefined;
}

interface Tally {
  manifests: number;
  fixes: number;
  crlf: number;
  noFinalNewline: number;
  afterBlockScalar: Record<Chomping, number>;
  intoFlowOverLines: number;
}

/** Applies every fix of every finding of `text` and checks each; returns how many fixes it checked. */
function checkEveryFix(text: string, tally: Tally): void {
  const analysis: Analysis = lintText(text);
  const doc = analysis.document;
  const errors = (a: Analysis) => a.problems.filter((p) => p.rule === 'yaml-syntax').map((p) => p.message);
  const countOn = (a: Analysis, rule: string, item: string | undefined) => a.problems.filter((p) => p.rule === rule && p.item?.id === item).length;
  assert.deepEqual(errors(analysis), [], `the layout itself parses:\n${text}`);
  const data = doc.yaml.toJS() as unknown;
  for (const problem of analysis.problems) {
    for (const fix of fixesFor(analysis, problem)) {
      const after = applyEdits(text, fix.edits);
      const what = `${problem.rule}: "${fix.title}" on\n${text}\n--- gives ---\n${after}`;
      const fixed = lintText(after);
      assert.deepEqual(errors(fixed), [], `no new YAML error: ${what}`);
      assert.deepEqual(commentsOf(after), commentsOf(text), `every comment unchanged: ${what}`);
      assert.deepEqual(unexpectedChanges(data, fixed.document.yaml.toJS(), allowedChanges(doc, fix.edits)), [], `nothing changed outside the edited node: ${what}`);
      assert.ok(countOn(fixed, problem.rule, problem.item?.id) < countOn(analysis, problem.rule, problem.item?.id), `the finding is gone: ${what}`);
      tally.fixes++;
      for (const edit of fix.edits) {
        if (edit.start !== edit.end) continue;
        const header = blockScalarBefore(doc, edit.start);
        if (header) tally.afterBlockScalar[header]++;
        const target = editTarget(edit);
        if (target && isCollection(target) && target.flow && doc.text.slice(target.range![0], target.range![1]).includes('\n')) tally.intoFlowOverLines++;
      }
    }
  }
}

describe('fixes never damage text', () => {
  it('every fix of every finding, over generated layouts: parses, keeps every comment, changes nothing outside its node, clears its finding', function () {
    this.timeout(120_000);
    const tally: Tally = { manifests: 0, fixes: 0, crlf: 0, noFinalNewline: 0, afterBlockScalar: Object.fromEntries(CHOMPING.map((c) => [c, 0])) as Record<Chomping, number>, intoFlowOverLines: 0 };
    fc.assert(
      fc.property(layoutArb, (layout) => {
        const text = renderLayout(layout);
        tally.manifests++;
        if (layout.crlf) tally.crlf++;
        if (!layout.finalNewline) tally.noFinalNewline++;
        checkEveryFix(text, tally);
      }),
      { numRuns: 400, seed: 20261122 },
    );
    // The layouts reached what they are for.
    for (const chomping of CHOMPING) assert.ok(tally.afterBlockScalar[chomping] >= 20, `insertions right after a \`${chomping}\` block scalar: ${tally.afterBlockScalar[chomping]}`);
    assert.ok(tally.intoFlowOverLines >= 100, `insertions into flow collections over several lines: ${tally.intoFlowOverLines}`);
    assert.ok(tally.fixes >= 4000, `fixes checked: ${tally.fixes}`);
    console.log(`      ${tally.manifests} generated manifests (${tally.crlf} CRLF, ${tally.noFinalNewline} without a final line break), ${tally.fixes} fixes checked; insertions right after a block scalar: ${CHOMPING.map((c) => `${c} ${tally.afterBlockScalar[c]}`).join(', ')}; into a flow collection over several lines: ${tally.intoFlowOverLines}`);
  });

  describe('the cases the property found, written out', () => {
    const insert = (text: string, make: (doc: ManifestDocument) => TextEdit | TextEdit[]) => {
      const doc = parseManifest(text);
      const made = make(doc);
      const out = applyEdits(text, Array.isArray(made) ? made : [made]);
      assert.deepEqual(parseManifest(out).syntaxProblems, [], out);
      assert.deepEqual(commentsOf(out), commentsOf(text), out);
      return { out, data: parseManifest(out).yaml.toJS() as Record<string, unknown> };
    };
    const mapAt = (doc: ManifestDocument, ...path: PathSegment[]) => asMap(path.length ? nodeAt(doc.yaml.contents, path) : doc.yaml.contents)!;

    it('a flow map over several lines with a comment after its last entry: the entry goes before the comment', () => {
      const text = 'a: {\n  b: 1, # one\n  c: 2 # two\n}\n';
      const { out, data } = insert(text, (d) => insertPair(d, mapAt(d, 'a'), 'e', 3));
      assert.equal(out, 'a: {\n  b: 1, # one\n  c: 2, e: 3 # two\n}\n');
      assert.deepEqual(data, { a: { b: 1, c: 2, e: 3 } });
    });

    it('a comment line before the closing bracket stays a comment', () => {
      const text = 'a: [\n  x,\n  y\n  # the last hop\n]\n';
      const { data } = insert(text, (d) => appendToSeq(d, mapAt(d), 'a', 'z'));
      assert.deepEqual(data, { a: ['x', 'y', 'z'] });
    });

    it('an empty flow collection holding a comment', () => {
      const { out } = insert('a: [ # none yet\n]\n', (d) => appendToSeq(d, mapAt(d), 'a', 'z'));
      assert.equal(out, 'a: [z # none yet\n]\n');
      const { out: map } = insert('a: { # none yet\n}\n', (d) => setIn(d, mapAt(d), ['a'], { x: 1, y: true }));
      assert.equal(map, 'a: { x: 1, y: true # none yet\n}\n');
    });

    for (const header of ['|+', '>+'])
      it(`after a \`${header}\` block scalar its trailing blank lines stay content`, () => {
        const text = `a:\n  b: ${header}\n    text\n\n\n  # after\nz: 1\n`;
        const before = parseManifest(text).yaml.toJS() as { a: { b: string } };
        const { data } = insert(text, (d) => insertPair(d, mapAt(d, 'a'), 'e', 3));
        assert.deepEqual(data, { a: { b: before.a.b, e: 3 }, z: 1 });
      });

    it('a block scalar that ends the document without a line break keeps its value (it reads as if it had one)', () => {
      for (const header of CHOMPING) {
        const text = `a:\n  b: ${header}\n    text`;
        const before = parseManifest(text).yaml.toJS() as { a: { b: string } };
        const { data } = insert(text, (d) => insertPair(d, mapAt(d, 'a'), 'e', 3));
        assert.deepEqual(data, { a: { b: before.a.b, e: 3 } }, header);
      }
    });

    it('a block scalar replaced by a value keeps the line break after it', () => {
      const text = 'a:\n  mode: |\n    sync\n  z: 1\n';
      const { out } = insert(text, (d) => setIn(d, mapAt(d, 'a'), ['mode'], 'async'));
      assert.equal(out, 'a:\n  mode: async\n  z: 1\n');
    });
  });
});
