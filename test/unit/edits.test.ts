import assert from 'node:assert/strict';
import type { YAMLMap } from 'yaml';
import { appendToSeq, applyEdits, insertPair, mergeInserts, setIn, type TextEdit } from '../../server/src/document/edits';
import { parseManifest, type ManifestDocument } from '../../server/src/document/manifestDocument';
import { asMap, nodeAt, type PathSegment } from '../../server/src/document/nodes';
import { commentsOf, joinLines } from '../helpers/text';

/** Runs `edit` on the map at `path` of `text`; returns the new text after checking it still parses. */
function edit(text: string, path: readonly PathSegment[], make: (doc: ManifestDocument, map: YAMLMap) => TextEdit | TextEdit[]): string {
  const doc = parseManifest(text);
  const map = asMap(path.length ? nodeAt(doc.yaml.contents, path) : doc.yaml.contents);
  assert.ok(map, `no map at ${path.join('.')}`);
  const made = make(doc, map);
  const out = applyEdits(text, Array.isArray(made) ? made : [made]);
  const reparsed = parseManifest(out);
  assert.deepEqual(reparsed.syntaxProblems, [], `the edited text does not parse:\n${out}`);
  return out;
}

function dataOf(text: string): unknown {
  return parseManifest(text).yaml.toJS();
}

describe('text edits', () => {
  describe('applyEdits', () => {
    it('applies edits given in any order against the original offsets', () => {
      assert.equal(applyEdits('abcdef', [{ start: 4, end: 5, newText: 'E' }, { start: 0, end: 1, newText: 'A' }]), 'AbcdEf');
    });

    it('keeps insertions at the same offset in the order given', () => {
      assert.equal(applyEdits('ab', [{ start: 1, end: 1, newText: '1' }, { start: 1, end: 1, newText: '2' }]), 'a12b');
    });

    it('mergeInserts joins insertions at one offset and keeps the others', () => {
      const merged = mergeInserts([
        { start: 3, end: 3, newText: 'x' },
        { start: 3, end: 3, newText: 'y' },
        { start: 5, end: 6, newText: 'z' },
      ]);
      assert.deepEqual(merged, [{ start: 3, end: 3, newText: 'xy' }, { start: 5, end: 6, newText: 'z' }]);
    });
  });

  describe('insertPair', () => {
    it('adds a line at the indentation of a block map, after its last entry', () => {
      const text = joinLines('a:', '  b: 1', '  c: 2', 'z: 1');
      assert.equal(edit(text, ['a'], (d, m) => insertPair(d, m, 'e', 3)), joinLines('a:', '  b: 1', '  c: 2', '  e: 3', 'z: 1'));
    });

    it('inserts after the whole of a nested last value', () => {
      const text = joinLines('a:', '  b: 1', '  c:', '    d: 2', 'z: 1');
      assert.equal(edit(text, ['a'], (d, m) => insertPair(d, m, 'e', 3)), joinLines('a:', '  b: 1', '  c:', '    d: 2', '  e: 3', 'z: 1'));
    });

    it('writes a map or list value in block style, one level deeper', () => {
      const text = joinLines('a:', '  b: 1');
      const out = edit(text, ['a'], (d, m) => insertPair(d, m, 'e', { tool: 'x', list: [1, 2] }));
      assert.equal(out, joinLines('a:', '  b: 1', '  e:', '    tool: x', '    list:', '      - 1', '      - 2'));
    });

    it('adds `, key: value` before the closing brace of a flow map', () => {
      const text = joinLines('a: { b: 1 }  # note');
      assert.equal(edit(text, ['a'], (d, m) => insertPair(d, m, 'e', 3)), joinLines('a: { b: 1, e: 3 }  # note'));
    });

    it('fills an empty flow map', () => {
      assert.equal(edit(joinLines('a: {}'), ['a'], (d, m) => insertPair(d, m, 'e', 3)), joinLines('a: { e: 3 }'));
    });

    it('does not double a trailing comma in a multi-line flow map', () => {
      const text = joinLines('a: {', '  b: 1,', '}');
      const out = edit(text, ['a'], (d, m) => insertPair(d, m, 'e', 3));
      assert.deepEqual(dataOf(out), { a: { b: 1, e: 3 } });
    });

    it('quotes a value that would otherwise read as something else', () => {
      const out = edit(joinLines('a:', '  b: 1'), ['a'], (d, m) => insertPair(d, m, 'e', 'yes: no # not a comment'));
      assert.deepEqual(dataOf(out), { a: { b: 1, e: 'yes: no # not a comment' } });
    });

    it('keeps a trailing comment on its line and a comment line after the map where it was', () => {
      const text = joinLines('a:', '  b: 1 # about b', '# about z', 'z: 1');
      const out = edit(text, ['a'], (d, m) => insertPair(d, m, 'e', 3));
      assert.equal(out, joinLines('a:', '  b: 1 # about b', '  e: 3', '# about z', 'z: 1'));
      assert.deepEqual(commentsOf(out), commentsOf(text));
    });

    it('works on a last line without a line break', () => {
      assert.equal(edit('a:\n  b: 1', ['a'], (d, m) => insertPair(d, m, 'e', 3)), 'a:\n  b: 1\n  e: 3');
    });

    it('inserts after a last key that has no value', () => {
      const out = edit(joinLines('a:', '  b: 1', '  c:', 'z: 1'), ['a'], (d, m) => insertPair(d, m, 'e', 3));
      assert.deepEqual(dataOf(out), { a: { b: 1, c: null, e: 3 }, z: 1 });
    });

    it('inserts after a literal block scalar, not inside it', () => {
      const text = joinLines('a:', '  b: |', '    line one', '    line two', 'z: 1');
      const out = edit(text, ['a'], (d, m) => insertPair(d, m, 'e', 3));
      assert.deepEqual(dataOf(out), { a: { b: 'line one\nline two\n', e: 3 }, z: 1 });
    });
  });

  describe('setIn', () => {
    it('replaces a scalar and keeps its trailing comment', () => {
      const text = joinLines('a:', '  mode: sync # decided in workshop 3', '  z: 1');
      assert.equal(edit(text, ['a'], (d, m) => setIn(d, m, ['mode'], 'async')), joinLines('a:', '  mode: async # decided in workshop 3', '  z: 1'));
    });

    it('fills an empty `key:` after the colon', () => {
      const text = joinLines('a:', '  mode:', '  z: 1');
      assert.equal(edit(text, ['a'], (d, m) => setIn(d, m, ['mode'], 'async')), joinLines('a:', '  mode: async', '  z: 1'));
    });

    it('fills an empty `key:` that has a comment, before the comment', () => {
      const text = joinLines('a:', '  mode: # to decide', '  z: 1');
      assert.equal(edit(text, ['a'], (d, m) => setIn(d, m, ['mode'], 'async')), joinLines('a:', '  mode: async # to decide', '  z: 1'));
    });

    it('fills an empty `key:` with a map on the lines below', () => {
      const text = joinLines('a:', '  monitoring:', '  z: 1');
      const out = edit(text, ['a'], (d, m) => setIn(d, m, ['monitoring'], { tool: 'application-insights', alerts: true }));
      assert.equal(out, joinLines('a:', '  monitoring:', '    tool: application-insights', '    alerts: true', '  z: 1'));
    });

    it('creates the missing maps of a nested path', () => {
      const text = joinLines('a:', '  z: 1');
      const out = edit(text, ['a'], (d, m) => setIn(d, m, ['monitoring', 'audit'], true));
      assert.equal(out, joinLines('a:', '  z: 1', '  monitoring:', '    audit: true'));
    });

    it('descends into an existing map of a nested path', () => {
      const text = joinLines('a:', '  monitoring:', '    tool: other', '  z: 1');
      const out = edit(text, ['a'], (d, m) => setIn(d, m, ['monitoring', 'audit'], true));
      assert.equal(out, joinLines('a:', '  monitoring:', '    tool: other', '    audit: true', '  z: 1'));
    });

    it('merges an object into an existing map key by key', () => {
      const text = joinLines('a:', '  monitoring:', '    tool: none # was never set up', '    owner: ops', '  z: 1');
      const out = edit(text, ['a'], (d, m) => setIn(d, m, ['monitoring'], { tool: 'application-insights', alerts: true }));
      assert.equal(out, joinLines('a:', '  monitoring:', '    tool: application-insights # was never set up', '    owner: ops', '    alerts: true', '  z: 1'));
    });

    it('merges into a flow map', () => {
      const text = joinLines('a:', '  retry: { attempts: 3 }');
      const out = edit(text, ['a'], (d, m) => setIn(d, m, ['retry'], { attempts: 5, backoff: 'exponential' }));
      assert.equal(out, joinLines('a:', '  retry: { attempts: 5, backoff: exponential }'));
    });

    it('replaces a scalar that stands where a map belongs', () => {
      const out = edit(joinLines('a:', '  monitoring: none'), ['a'], (d, m) => setIn(d, m, ['monitoring'], { tool: 'x', alerts: true }));
      assert.deepEqual(dataOf(out), { a: { monitoring: { tool: 'x', alerts: true } } });
    });

    it('returns no edit for an empty path', () => {
      const doc = parseManifest('a: 1\n');
      assert.deepEqual(setIn(doc, doc.yaml.contents as YAMLMap, [], 1), []);
    });
  });

  describe('appendToSeq', () => {
    it('appends to a flow list before the bracket', () => {
      const text = joinLines('a:', '  via: [bus, gateway] # path order');
      assert.equal(edit(text, ['a'], (d, m) => appendToSeq(d, m, 'via', 'apim')), joinLines('a:', '  via: [bus, gateway, apim] # path order'));
    });

    it('appends to an empty flow list', () => {
      assert.equal(edit(joinLines('a:', '  via: []'), ['a'], (d, m) => appendToSeq(d, m, 'via', 'bus')), joinLines('a:', '  via: [bus]'));
    });

    it('does not double a trailing comma in a flow list', () => {
      assert.equal(edit(joinLines('via: [a, b,]'), [], (d, m) => appendToSeq(d, m, 'via', 'c')), joinLines('via: [a, b, c]'));
    });

    it('appends a line to a block list at its indentation', () => {
      const text = joinLines('a:', '  via:', '    - bus # first hop', '  z: 1');
      assert.equal(edit(text, ['a'], (d, m) => appendToSeq(d, m, 'via', 'gw')), joinLines('a:', '  via:', '    - bus # first hop', '    - gw', '  z: 1'));
    });

    it('appends a map item to a block list of maps', () => {
      const text = joinLines('systems:', '  - id: a', '    name: A', '# the integrations', 'integrations: []');
      const out = edit(text, [], (d, m) => appendToSeq(d, m, 'systems', { id: 'b', name: 'B', kind: 'custom' }));
      assert.equal(out, joinLines('systems:', '  - id: a', '    name: A', '  - id: b', '    name: B', '    kind: custom', '# the integrations', 'integrations: []'));
    });

    it('appends to a list written without indentation under its key', () => {
      const text = joinLines('systems:', '- id: a', 'z: 1');
      const out = edit(text, [], (d, m) => appendToSeq(d, m, 'systems', { id: 'b' }));
      assert.equal(out, joinLines('systems:', '- id: a', '- id: b', 'z: 1'));
    });

    it('creates a missing list key', () => {
      const out = edit(joinLines('a:', '  z: 1'), ['a'], (d, m) => appendToSeq(d, m, 'via', 'bus'));
      assert.equal(out, joinLines('a:', '  z: 1', '  via:', '    - bus'));
    });

    it('fills an empty list key', () => {
      const out = edit(joinLines('a:', '  via:', '  z: 1'), ['a'], (d, m) => appendToSeq(d, m, 'via', 'bus'));
      assert.equal(out, joinLines('a:', '  via:', '    - bus', '  z: 1'));
    });

    it('keeps a single value written where a list belongs', () => {
      const out = edit(joinLines('a:', '  via: bus'), ['a'], (d, m) => appendToSeq(d, m, 'via', 'gw'));
      assert.deepEqual(dataOf(out), { a: { via: ['bus', 'gw'] } });
    });
  });

  describe('CRLF documents', () => {
    it('insertPair writes CRLF line breaks', () => {
      const text = 'a:\r\n  b: 1 # note\r\nz: 1\r\n';
      const out = edit(text, ['a'], (d, m) => insertPair(d, m, 'e', { x: 1, y: 2 }));
      assert.equal(out, 'a:\r\n  b: 1 # note\r\n  e:\r\n    x: 1\r\n    y: 2\r\nz: 1\r\n');
    });

    it('appendToSeq writes CRLF line breaks', () => {
      const text = 'a:\r\n  v:\r\n    - x\r\nz: 1\r\n';
      const out = edit(text, ['a'], (d, m) => appendToSeq(d, m, 'v', { id: 'q', n: 1 }));
      assert.equal(out, 'a:\r\n  v:\r\n    - x\r\n    - id: q\r\n      n: 1\r\nz: 1\r\n');
    });

    it('setIn fills an empty key with CRLF line breaks', () => {
      const out = edit('a:\r\n  m:\r\n  z: 1\r\n', ['a'], (d, m) => setIn(d, m, ['m'], { tool: 't' }));
      assert.equal(out, 'a:\r\n  m:\r\n    tool: t\r\n  z: 1\r\n');
      assert.ok(!/[^\r]\n/.test(out), 'a bare LF slipped in');
    });
  });
});

describe('setIn into an empty flow map', () => {
  it('writes several keys into `{}` as one valid flow map', () => {
    const text = 'a: 1\nmonitoring: {}  # keep\n';
    const doc = parseManifest(text);
    const out = applyEdits(text, setIn(doc, asMap(doc.yaml.contents)!, ['monitoring'], { tool: 'application-insights', alerts: true }));
    assert.equal(out, 'a: 1\nmonitoring: { tool: application-insights, alerts: true }  # keep\n');
    assert.equal(parseManifest(out).yaml.errors.length, 0);
  });
});
