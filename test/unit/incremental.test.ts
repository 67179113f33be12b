/**
 * The incremental analyzer gives what a whole analysis gives: the same YAML tree, model and
 * problems after any sequence of edits. Seeded random edits (printing the seed, the edit and
 * the text on failure) that break and repair the YAML, add, remove and move items, rename
 * ids; plus the pieces: layouts, line indexes, the worker's problem transfer, slicing.
 *
 * Rerun with another seed: INCREMENTAL_SEED=1234 npx mocha test/unit/incremental.test.ts
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isCollection, isPair, isScalar, type Node } from 'yaml';
import { analyzeText, checkManifest, runToEnd, type Analysis, type AnalysisOptions, type Problem } from '../../server/src/analysis/analyze';
import { LineIndex } from '../../server/src/document/lineIndex';
import { parseYaml } from '../../server/src/document/manifestDocument';
import type { Manifest } from '../../server/src/model/manifest';
import { IncrementalAnalyzer } from '../../server/src/incremental/analyzer';
import { packedProblems, problemsFrom, problemsFromSteps, transferOf, type PackedProblems } from '../../server/src/incremental/rulesWorker';
import { sameTree } from '../../server/src/incremental/contain';
import { DocumentAnalyses } from '../../server/src/incremental/documentAnalyses';
import { editBetween, layoutOf, layoutSteps, relayout, type Layout } from '../../server/src/incremental/layout';
import { editedDocuments } from '../../server/src/editedDocuments';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { runInSlices } from '../../server/src/incremental/slices';
import { RULES } from '../../server/src/rules';
import { findingsOf, type RelatedLocation } from '../../server/src/rules/types';
import { generateManifest, prng } from '../../bench/generate';
import { joinLines, TODAY } from '../helpers/text';

const URI = 'file:///test.integration.yaml';
const EXAMPLES = join(__dirname, '../../examples');
const SEEDS = process.env['INCREMENTAL_SEED'] ? [Number(process.env['INCREMENTAL_SEED'])] : [20261122, 7, 1999];
const EDITS_PER_SEED = Number(process.env['INCREMENTAL_EDITS'] ?? 1000);

// ----- comparing an incremental analysis with a whole one -----

function problemKey(p: Problem, manifest: Manifest): string {
  const lists = [manifest.systems, manifest.integrations, manifest.goals, manifest.actors] as unknown[][];
  const item = p.item ? lists.map((l) => l.indexOf(p.item)).join(',') + `:${p.item.kind}:${p.item.id}` : '';
  return JSON.stringify([p.rule, p.severity, p.span, p.message, p.data, item]);
}

function modelKey(m: Manifest): string {
  const item = (i: { node: Node }) => ({ ...i, node: Array.from(i.node.range ?? []) });
  return JSON.stringify({
    solutionName: m.solutionName,
    governance: m.governance,
    data: m.data,
    dataError: m.dataError,
    byId: [...m.byId].map(([id, items]) => [id, items.map((i) => `${i.kind}@${i.span.start}`)]),
    systems: m.systems.map(item),
    integrations: m.integrations.map(item),
    goals: m.goals.map(item),
    actors: m.actors.map(item),
  });
}

function errorsKey(a: Analysis): string {
  const y = a.document.yaml;
  const list = (errors: readonly { pos: [number, number]; code: string; message: string }[]) => errors.map((e) => JSON.stringify([e.pos, e.code, e.message])).sort();
  return JSON.stringify([list(y.errors), list(y.warnings), a.document.syntaxProblems.map((p) => JSON.stringify(p)).sort()]);
}

/** Where the two analyses differ, in words; undefined when they are the same. */
function difference(got: Analysis, want: Analysis): string | undefined {
  if (!sameTree(got.document.yaml.contents, want.document.yaml.contents)) return `YAML trees differ: ${firstTreeDifference(got.document.yaml.contents, want.document.yaml.contents, '$')}`;
  if (JSON.stringify(got.document.yaml.range) !== JSON.stringify(want.document.yaml.range)) return 'document ranges differ';
  if (errorsKey(got) !== errorsKey(want)) return `syntax errors differ:\n  got  ${errorsKey(got)}\n  want ${errorsKey(want)}`;
  for (let line = 0; line < want.document.lines.lineCount; line++)
    if (got.document.lines.lineStart(line) !== want.document.lines.lineStart(line)) return `line index differs at line ${line}`;
  if (got.document.lines.lineCount !== want.document.lines.lineCount) return 'line counts differ';
  if (modelKey(got.manifest) !== modelKey(want.manifest)) return 'models differ';
  const a = got.problems.map((p) => problemKey(p, got.manifest));
  const b = want.problems.map((p) => problemKey(p, want.manifest));
  if (a.join('\n') !== b.join('\n')) {
    const i = a.findIndex((x, k) => x !== b[k]);
    return `problems differ at ${i}:\n  got  ${a[i]}\n  want ${b[i]}`;
  }
  return undefined;
}

/** A node's range as a plain array (the incremental parser's nodes view a packed array). */
const rangeOf = (node: Node | null) => (node?.range ? Array.from(node.range) : undefined);

function firstTreeDifference(a: unknown, b: unknown, path: string): string {
  if (isPair(a) && isPair(b)) return sameTree(a.key, b.key) ? firstTreeDifference(a.value, b.value, `${path}.${String((a.key as { value?: unknown })?.value)}`) : `${path} (key)`;
  const x = a as Node | null;
  const y = b as Node | null;
  if (!x || !y || JSON.stringify(rangeOf(x)) !== JSON.stringify(rangeOf(y)) || (isScalar(x) && isScalar(y) && x.value !== y.value))
    return `${path}: ${JSON.stringify(rangeOf(x))} ${isScalar(x) ? JSON.stringify(x.value) : ''} vs ${JSON.stringify(rangeOf(y))} ${isScalar(y) ? JSON.stringify(y.value) : ''}`;
  if (isCollection(x) && isCollection(y)) {
    for (let i = 0; i < Math.max(x.items.length, y.items.length); i++)
      if (!sameTree(x.items[i], y.items[i])) return firstTreeDifference(x.items[i], y.items[i], `${path}[${i}]`);
  }
  return path;
}

// ----- random edits -----

const BREAKING = ['"', "'", '[', ']', '{', '}', ':', ': ', '- ', '#', '|', '>', '\n', ' ', '  ', ',', '? ', '&', '*', '!', '%', '\t', '`', '@', '\r\n'];
const WORDS = ['x', 'erp', 'sync', 'async', 'batch', 'bus', 'id', 'name', 'data', 'tls1.0', '500/hour', 'true', 'null', '~', '1'];
const SNIPPETS = [
  '\n    mode: sync',
  '\n    via: [bus-x]',
  '\n    monitoring:\n      tool: none',
  '\n    waivers:\n      - rule: monitoring-required\n        reason: Checked by the vendor',
  '\n  # a comment at the list\n',
  '\n      # a deep comment\n',
  '\n\n',
  '\nrules:\n  goal-alignment: off\n',
  '\n  - id: extra\n    name: Extra\n    kind: erp\n',
  '\n    description: |\n      Several lines\n      of text\n',
  '\n    anchor: &a { x: 1 }\n    alias: *a',
  '\n---\n',
  '\n    name: "unterminated',
  '\n    via: [unclosed',
];

interface Edit {
  name: string;
  apply(text: string, random: () => number, history: string[]): string;
}

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const at = (random: () => number, text: string) => Math.floor(random() * (text.length + 1));
const lineStarts = (text: string) => [0, ...[...text.matchAll(/\n/g)].map((m) => m.index + 1).filter((i) => i < text.length)];
/** Offsets where a list item starts (`  - `), per list. */
const itemStarts = (text: string) => [...text.matchAll(/^( *)- /gm)].map((m) => m.index);

const EDITS: { weight: number; edit: Edit }[] = [
  { weight: 20, edit: { name: 'type a character', apply: (t, r) => ((i) => t.slice(0, i) + pick(r, [...BREAKING, ...WORDS]) + t.slice(i))(at(r, t)) } },
  { weight: 15, edit: { name: 'delete a few characters', apply: (t, r) => ((i) => t.slice(0, i) + t.slice(i + 1 + Math.floor(r() * 6)))(at(r, t)) } },
  { weight: 8, edit: { name: 'insert a snippet', apply: (t, r) => ((i) => t.slice(0, i) + pick(r, SNIPPETS) + t.slice(i))(pick(r, lineStarts(t)) ?? 0) } },
  {
    weight: 8,
    edit: {
      name: 'repair: undo to an earlier text',
      apply: (t, r, history) => (history.length ? history[history.length - 1 - Math.floor(r() * Math.min(history.length, 6))]! : t),
    },
  },
  {
    weight: 6,
    edit: {
      name: 'duplicate a line',
      apply: (t, r) => {
        const s = pick(r, lineStarts(t)) ?? 0;
        const e = t.indexOf('\n', s) + 1 || t.length;
        return t.slice(0, e) + t.slice(s, e) + t.slice(e);
      },
    },
  },
  {
    weight: 6,
    edit: {
      name: 'remove an item',
      apply: (t, r) => {
        const starts = itemStarts(t);
        if (starts.length < 2) return t;
        const k = Math.floor(r() * (starts.length - 1));
        return t.slice(0, starts[k]) + t.slice(starts[k + 1]);
      },
    },
  },
  {
    weight: 6,
    edit: {
      name: 'add an item (copy one elsewhere)',
      apply: (t, r) => {
        const starts = itemStarts(t);
        if (starts.length < 2) return t;
        const k = Math.floor(r() * (starts.length - 1));
        const item = t.slice(starts[k], starts[k + 1]);
        const to = pick(r, starts);
        return t.slice(0, to) + item + t.slice(to);
      },
    },
  },
  {
    weight: 4,
    edit: {
      name: 'move an item',
      apply: (t, r) => {
        const starts = itemStarts(t);
        if (starts.length < 3) return t;
        const k = Math.floor(r() * (starts.length - 1));
        const item = t.slice(starts[k], starts[k + 1]);
        const rest = t.slice(0, starts[k]) + t.slice(starts[k + 1]);
        const to = pick(r, itemStarts(rest));
        return rest.slice(0, to) + item + rest.slice(to);
      },
    },
  },
  {
    weight: 6,
    edit: {
      name: 'rename an id (everywhere, or only where declared)',
      apply: (t, r) => {
        const ids = [...t.matchAll(/^ *- id: ([\w-]+)$/gm)].map((m) => m[1]!);
        if (!ids.length) return t;
        const id = pick(r, ids);
        const next = `${id}-${Math.floor(r() * 100)}`;
        return r() < 0.5 ? t.replace(new RegExp(`\\b${id}\\b`, 'g'), next) : t.replace(`id: ${id}\n`, `id: ${next}\n`);
      },
    },
  },
  {
    weight: 6,
    edit: {
      name: 'change a value',
      apply: (t, r) => {
        const values = [...t.matchAll(/^ +(mode|type|trigger|hosting|kind|pattern|transport|tool|load): (\S+)$/gm)];
        if (!values.length) return t;
        const m = pick(r, values);
        const start = m.index + m[0].length - m[2]!.length;
        return t.slice(0, start) + pick(r, ['sync', 'async', 'batch', 'data', 'process', 'ui', 'event', 'cloud', 'on-premises', 'erp', 'service-bus', 'dmf', 'http', 'none', 'planned', 'asinc']) + t.slice(start + m[2]!.length);
      },
    },
  },
  { weight: 1, edit: { name: 'start over', apply: (_t, r) => generateManifest({ integrations: 6 + Math.floor(r() * 12), seed: Math.floor(r() * 1e6) }) } },
];
const TOTAL_WEIGHT = EDITS.reduce((n, e) => n + e.weight, 0);

function randomEdit(random: () => number): Edit {
  let w = random() * TOTAL_WEIGHT;
  for (const e of EDITS) if ((w -= e.weight) < 0) return e.edit;
  return EDITS[0]!.edit;
}

describe('incremental analysis', function () {
  this.timeout(120_000);

  for (const seed of SEEDS) {
    it(`equals a whole analysis after ${EDITS_PER_SEED} random edits (seed ${seed})`, () => {
      const random = prng(seed);
      const analyzer = new IncrementalAnalyzer();
      let text = generateManifest({ integrations: 12, seed });
      const history: string[] = [];
      const used = new Map<string, number>();
      for (let i = 0; i <= EDITS_PER_SEED; i++) {
        const edit = i === 0 ? undefined : randomEdit(random);
        if (edit) {
          history.push(text);
          if (history.length > 20) history.shift();
          text = edit.apply(text, random, history);
          used.set(edit.name, (used.get(edit.name) ?? 0) + 1);
        }
        const got = analyzer.analyze(text, URI, i, { today: TODAY });
        const want = analyzeText(text, URI, { today: TODAY });
        const diff = difference(got, want);
        if (diff) {
          const file = join(tmpdir(), `incremental-seed-${seed}-edit-${i}.yaml`);
          writeFileSync(file, text);
          assert.fail(`seed ${seed}, edit ${i} (${edit?.name ?? 'first text'}): ${diff}\nThe text is in ${file}; rerun with INCREMENTAL_SEED=${seed}.`);
        }
      }
      // Every kind of edit was exercised.
      for (const { edit } of EDITS) assert.ok(used.get(edit.name), `seed ${seed}: no "${edit.name}" edit was made`);
    });
  }

  it('re-parses only the unit an edit touches', () => {
    const text = generateManifest({ integrations: 200, seed: 3 });
    const analyzer = new IncrementalAnalyzer();
    analyzer.parse(text, URI, 1);
    assert.ok(analyzer.stats.units > 200, `a manifest of 200 integrations has more units than that, got ${analyzer.stats.units}`);
    const at = text.indexOf('    name: ', text.length >> 1) + 10;
    const edited = text.slice(0, at) + 'x' + text.slice(at);
    analyzer.parse(edited, URI, 2);
    assert.equal(analyzer.stats.parsed, 1);
    assert.ok(analyzer.stats.moved > 50, 'the units after the edit moved');
    // Moving an item within one change re-uses its parse.
    const starts = [...edited.matchAll(/^ {2}- id: /gm)].map((m) => m.index);
    const [a, b, c] = [starts[160]!, starts[161]!, starts[190]!];
    const moved = edited.slice(0, a) + edited.slice(b, c) + edited.slice(a, b) + edited.slice(c);
    analyzer.parse(moved, URI, 3);
    assert.equal(analyzer.stats.parsed, 0);
  });

  it('re-checks only the integrations an edit changed, and all of them when anything else changed', () => {
    const text = generateManifest({ integrations: 60, seed: 9 });
    const analyzer = new IncrementalAnalyzer();
    let version = 0;
    const check = (t: string, options: AnalysisOptions = { today: TODAY }) => {
      const got = analyzer.analyze(t, URI, ++version, options);
      assert.equal(difference(got, analyzeText(t, URI, options)), undefined, `version ${version}`);
      return { ...analyzer.ruleStats };
    };
    const first = check(text);
    assert.equal(first.reused, 0);
    const perRule = first.checked / 60;
    assert.ok(perRule >= 20 && Number.isInteger(perRule), `${perRule} rules read one integration at a time`);

    // One integration's mode: that integration alone is checked again.
    const at = text.indexOf('    mode: ', text.length >> 1);
    const mode = /mode: (\w+)/.exec(text.slice(at))![1]!;
    const sync = text.slice(0, at) + text.slice(at).replace(`mode: ${mode}`, `mode: ${mode === 'sync' ? 'async' : 'sync'}`);
    assert.deepEqual(check(sync), { checked: perRule, reused: perRule * 59 });
    // Unchanged text checked again (a new version): nothing is checked again.
    assert.deepEqual(check(sync), { checked: 0, reused: perRule * 60 });

    // What the integrations read elsewhere: a system's hosting, the rules block, the settings, the day.
    const system = sync.indexOf('    hosting: cloud');
    const moved = sync.slice(0, system) + '    hosting: on-premises' + sync.slice(system + '    hosting: cloud'.length);
    assert.deepEqual(check(moved), { checked: perRule * 60, reused: 0 });
    assert.deepEqual(check(moved + 'rules:\n  monitoring-required: error\n'), { checked: perRule * 60, reused: 0 });
    assert.deepEqual(check(moved, { today: TODAY, settings: { 'goal-alignment': 'off' } }).reused, 0);
    assert.deepEqual(check(moved, { today: '2031-01-01' }).reused, 0);
    // An integration renamed: the ids the others may name changed, so all are checked again.
    const firstId = moved.indexOf('  - id: ', moved.indexOf('\nintegrations:\n'));
    const renamed = moved.slice(0, firstId) + moved.slice(firstId).replace(/^ {2}- id: (\S+)/, '  - id: $1-renamed');
    assert.notEqual(renamed, moved);
    assert.equal(check(renamed).reused, 0);
  });

  it('an integration typed character by character: its guidance findings wait until it is written, and each version equals a whole analysis', () => {
    const base = generateManifest({ integrations: 20, seed: 5 });
    const [from, to] = [...base.matchAll(/^ {2}- id: (\S+)\n {4}name: .*\n {4}kind: /gm)].map((m) => m[1]!);
    // Typed on a line of its own at the end of the integrations, before the `rules:` block that ends the manifest.
    const at = base.indexOf('\nrules:') + 1;
    assert.ok(at > 0);
    const typing = ['  - id: typed', '    name: Typed', '    type: data', `    from: ${from}`, `    to: ${to}`, '    mode: sync'].join('\n') + '\n';
    const analyzer = new IncrementalAnalyzer();
    let version = 0;
    let waited = 0;
    let lastLetter = { checked: 0, reused: 0 };
    for (let n = 0; n <= typing.length; n++) {
      const text = base.slice(0, at) + typing.slice(0, n) + '\n' + base.slice(at);
      const got = analyzer.analyze(text, URI, ++version, { today: TODAY });
      assert.equal(difference(got, analyzeText(text, URI, { today: TODAY })), undefined, `after ${JSON.stringify(typing.slice(0, n))}`);
      if (n === typing.length - 1) lastLetter = { ...analyzer.ruleStats };
      const typed = got.manifest.integrations.find((i) => i.span.start >= at);
      if (!typed) continue;
      const guidance = got.problems.filter((p) => p.item === typed && RULES.find((r) => r.id === p.rule)?.category === 'guidance');
      // Written once `to` names a declared system in full (`to: d`, half-typed, names none).
      const written = got.manifest.systems.some((s) => s.id === typed.to?.id);
      if (written) assert.ok(guidance.length > 0, 'once written, its design is judged (no monitoring, no error handling...)');
      else {
        assert.deepEqual(guidance.map((p) => p.rule), [], `no advice yet after ${JSON.stringify(typing.slice(0, n))}`);
        waited++;
      }
    }
    assert.ok(waited > 50, `${waited} versions waited`);
    // Typing in one integration (the last letter of `mode: sync`) re-checks that one only: the other 20 keep their findings.
    assert.ok(lastLetter.checked > 0);
    assert.equal(lastLetter.reused, lastLetter.checked * 20);
  });

  it('every rule marked perIntegration finds on each integration alone what it finds on the whole manifest', () => {
    const marked = RULES.filter((r) => r.perIntegration);
    assert.ok(marked.length >= 20, `${marked.length} rules marked`);
    const texts = [
      ...readdirSync(EXAMPLES).filter((f) => f.endsWith('.yaml')).map((f) => readFileSync(join(EXAMPLES, f), 'utf8')),
      ...[1, 2, 3].map((seed) => generateManifest({ integrations: 80, seed, detail: 0.6 })),
    ];
    let findings = 0;
    for (const text of texts) {
      const { manifest } = analyzeText(text, URI, { today: TODAY });
      for (const rule of marked) {
        const context = { manifest, threshold: 1000, today: TODAY, ruleIds: RULES.map((r) => r.id) };
        const whole = findingsOf(rule, context);
        const alone = manifest.integrations.flatMap((integration) => {
          const view = Object.create(manifest, { integrations: { value: [integration] } }) as Manifest;
          const found = findingsOf(rule, { ...context, manifest: view });
          for (const f of found) {
            assert.equal(f.item, integration, `${rule.id}: a finding belongs to the integration it was found on`);
            assert.ok(f.span.start >= integration.span.start && f.span.end <= integration.span.end, `${rule.id}: a finding lies inside its integration`);
          }
          return found;
        });
        assert.deepEqual(alone, whole, rule.id);
        findings += whole.length;
      }
    }
    assert.ok(findings > 100, `${findings} findings compared`);
  });

  it('parses the whole text when pieces cannot be vouched for, with the same result', () => {
    const base = generateManifest({ integrations: 4, seed: 11 });
    const cases: Record<string, string> = {
      'document marker': '---\n' + base,
      'tab indentation': base.replace('\n  - id: ', '\n\t- id: '),
      'anchors and aliases': base.replace('integrations:\n', 'integrations:\n  - &shared\n    id: anchored\n    name: A\n    type: data\n    from: x\n    to: y\n  - *shared\n'),
      'a repeated top-level key': base + 'solution:\n  name: Again\n',
      'a block scalar that keeps trailing lines': base.replace('solution:\n', 'solution:\n  description: |+\n    kept\n\n'),
      'an unclosed quote reaching the end': base.replace('    name: ', '    name: "'),
    };
    for (const [name, text] of Object.entries(cases)) {
      const analyzer = new IncrementalAnalyzer();
      analyzer.parse(base, URI, 1); // from a text that was split into units
      const got = analyzer.analyze(text, URI, 2, { today: TODAY });
      assert.ok(analyzer.parse(text, URI, 2).fallback, `${name}: the whole text is parsed`);
      assert.equal(difference(got, analyzeText(text, URI, { today: TODAY })), undefined, name);
    }
  });

  it('keeps a syntax error inside its item when the next item reads the same with it', () => {
    const text = generateManifest({ integrations: 8, seed: 5 });
    const at = text.indexOf('    mode: ', text.length >> 1) + 10;
    const broken = text.slice(0, at) + '"sync' + text.slice(at); // an unclosed quote swallows what follows: whole parse
    const typing = text.slice(0, at - 10) + '    mod\n' + text.slice(at - 10); // a half-typed key: contained
    const analyzer = new IncrementalAnalyzer();
    analyzer.parse(text, URI, 1);
    assert.equal(analyzer.parse(typing, URI, 2).fallback, undefined);
    assert.ok(analyzer.parse(typing, URI, 2).document.syntaxProblems.length > 0);
    assert.ok(analyzer.parse(broken, URI, 3).fallback);
    for (const t of [typing, broken]) assert.equal(difference(analyzer.analyze(t, URI, 4, { today: TODAY }), analyzeText(t, URI, { today: TODAY })), undefined);
  });
});

describe('edits as the editor sends them (ranges, several to a change)', function () {
  this.timeout(120_000);

  /** What `TextDocuments` does with a change: `editedDocuments()`, as the server makes its documents. */
  const documents = editedDocuments();

  /**
   * LSP changes that turn `before` into `after`, in one of several ways: the changed stretch as
   * one change; as two (the new text inserted after the old stretch, then the old stretch
   * deleted); either of those with a character rewritten as itself at the start or the end of
   * the text (the edit then reaches both ends); rarely the whole text.
   */
  function changesBetween(before: string, after: string, random: () => number): TextDocumentContentChangeEvent[] {
    const { prefix, suffix } = editBetween(before, after);
    const oldEnd = before.length - suffix;
    const middle = after.slice(prefix, after.length - suffix);
    const at = (text: string) => TextDocument.create(URI, 'yaml', 0, text);
    const range = (text: string, start: number, end: number) => ({ start: at(text).positionAt(start), end: at(text).positionAt(end) });
    const way = random();
    if (way < 0.05) return [{ text: after }];
    const changes: TextDocumentContentChangeEvent[] =
      way < 0.5
        ? [{ range: range(before, prefix, oldEnd), text: middle }]
        : [
            { range: range(before, oldEnd, oldEnd), text: middle },
            { range: range(before.slice(0, oldEnd) + middle + before.slice(oldEnd), prefix, oldEnd), text: '' },
          ];
    if (after.length > 0 && random() < 0.3) {
      const end = random() < 0.5;
      const offset = end ? after.length - 1 : 0;
      changes.push({ range: range(after, offset, offset + 1), text: after[offset]! });
    }
    return changes;
  }

  /** A random edit at the start of the text: everything after it moves. */
  const EARLY: Edit = {
    name: 'type near the start',
    apply: (t, r) => {
      const at = t.indexOf('name: ') + 6;
      return r() < 0.5 ? t.slice(0, at) + 'x' + t.slice(at) : t.slice(0, at) + t.slice(at + 1);
    },
  };

  for (const seed of [11, 12]) {
    it(`equals a whole analysis after edits sent as ranges, parsed every version or a few at a time (seed ${seed})`, () => {
      const random = prng(seed);
      const analyzer = new IncrementalAnalyzer();
      let text = generateManifest({ integrations: seed === 11 ? 12 : 120, seed });
      const document = documents.create(URI, 'yaml', 0, text);
      let parsed = { version: 0, text };
      let told = 0;
      analyzer.parse(text, URI, 0, document.edit);
      const histories: string[] = [];
      for (let version = 1; version <= 400; version++) {
        const edit = random() < 0.3 ? EARLY : randomEdit(random);
        const next = edit.apply(text, random, histories);
        histories.push(text);
        if (histories.length > 20) histories.shift();
        documents.update(document, changesBetween(text, next, random), version);
        assert.equal(document.getText(), next, `version ${version}: the changes make the text`);
        text = next;
        // How the last text parsed became this one, as the document says: the same at both ends.
        const said = document.edit(parsed.version, version);
        if (said) told++;
        if (said) assert.equal(parsed.text.slice(0, said.prefix) + parsed.text.slice(parsed.text.length - said.suffix), text.slice(0, said.prefix) + text.slice(text.length - said.suffix));
        if (random() < 0.4) continue; // a few versions at a time, as when requests come less often than edits
        parsed = { version, text };
        const got: Analysis = { ...analyzer.parse(text, URI, version, document.edit), problems: runToEnd(analyzer.check({ today: TODAY })) };
        const diff = difference(got, analyzeText(text, URI, { today: TODAY }));
        if (diff) {
          const file = join(tmpdir(), `incremental-ranges-seed-${seed}-version-${version}.yaml`);
          writeFileSync(file, text);
          assert.fail(`seed ${seed}, version ${version} (${edit.name}): ${diff}\nThe text is in ${file}.`);
        }
      }
      assert.ok(told > 200, `the document said how the text changed ${told} times of 400`);
    });
  }

  it('composes the edits of several versions into one that keeps what every one kept', () => {
    const random = prng(5);
    let text = generateManifest({ integrations: 6, seed: 5 });
    const document = documents.create(URI, 'yaml', 0, text);
    const texts = [text];
    for (let version = 1; version <= 300; version++) {
      const next = randomEdit(random).apply(text, random, []);
      documents.update(document, changesBetween(text, next, random), version);
      texts.push((text = next));
      for (let from = Math.max(0, version - 8); from < version; from++) {
        const edit = document.edit(from, version);
        if (!edit) continue;
        const before = texts[from]!;
        assert.ok(edit.prefix + edit.suffix <= Math.min(before.length, text.length), `${from} → ${version}: fits both texts`);
        assert.equal(before.slice(0, edit.prefix), text.slice(0, edit.prefix), `${from} → ${version}: the same start`);
        assert.equal(before.slice(before.length - edit.suffix), text.slice(text.length - edit.suffix), `${from} → ${version}: the same end`);
      }
    }
    // A whole-text change forgets the edits before it; versions not seen are not known.
    documents.update(document, [{ text: 'integrationManifest: 1\n' }], 301);
    assert.equal(document.edit(300, 301), undefined);
    assert.equal(document.edit(299, 300), undefined);
    documents.update(document, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# a\n' }], 302);
    assert.deepEqual(document.edit(301, 302), { prefix: 0, suffix: 'integrationManifest: 1\n'.length });
    assert.equal(document.edit(1000, 302), undefined);
  });
});

describe('incremental layout', () => {
  const units = (layout: Layout | undefined) => layout?.units.map((u) => `${u.kind}@${u.start}-${u.end}`);

  it('splits top-level keys and list items, comments before an item leading it', () => {
    const text = joinLines(
      '# head comment',
      'integrationManifest: 1',
      'systems:',
      '  - id: a',
      '    name: A',
      '',
      '  # about b',
      '  - id: b',
      '    name: B',
      '    # a deep comment stays with b',
      '  - id: c',
      '    name: C',
      'rules: {}',
    );
    const layout = layoutOf(text)!;
    const texts = layout.units.map((u) => text.slice(u.start, u.end));
    assert.deepEqual(texts, [
      '# head comment\nintegrationManifest: 1\n',
      'systems:\n',
      '  - id: a\n    name: A\n',
      '\n  # about b\n  - id: b\n    name: B\n    # a deep comment stays with b\n  - id: c\n    name: C\n',
      'rules: {}\n',
    ]);
    assert.deepEqual(
      layout.sections.map((s) => s.items.length),
      [0, 2, 0],
    );
  });

  it('follows random edits as a fresh layout of the new text does', () => {
    const random = prng(42);
    let text = generateManifest({ integrations: 15, seed: 42 });
    let layout = layoutOf(text);
    let checked = 0;
    for (let i = 0; i < 1500; i++) {
      const next = randomEdit(random).apply(text, random, []);
      const fresh = layoutOf(next);
      const moved = layout ? relayout(text, layout, next) : fresh;
      assert.deepEqual(units(moved), units(fresh), `seed 42, edit ${i}`);
      if (fresh) checked++;
      text = next;
      layout = moved;
    }
    assert.ok(checked > 500, 'most edited texts had a layout');
  });

  it('made in steps (the opening of a large manifest) equals the layout made at once', () => {
    const texts = [generateManifest({ integrations: 3000, seed: 5, detail: 0.6 }), ...readdirSync(EXAMPLES).filter((f) => f.endsWith('.yaml')).map((f) => readFileSync(join(EXAMPLES, f), 'utf8'))];
    for (const text of texts) {
      const steps = layoutSteps(text);
      let step = steps.next();
      let pauses = 0;
      for (; !step.done; step = steps.next()) pauses++;
      assert.deepEqual(units(step.value), units(layoutOf(text)));
      if (text.length > 1_000_000) assert.ok(pauses >= 6, `${pauses} pauses in a manifest of ${layoutOf(text)!.units.length} units`);
    }
  });

  it('looks a large text through for what it cannot vouch for a megabyte a step, across the cuts too', () => {
    const text = generateManifest({ integrations: 9000, seed: 5, detail: 0 });
    assert.ok(text.length > 2_200_000);
    const firstSteps = (t: string) => {
      const steps = layoutSteps(t);
      let yields = 0;
      // The layout's own steps come after the look-through: count only up to the first unit scanned.
      while (!steps.next().done && yields < 3) yields++;
      return yields;
    };
    // Safe: its look-through pauses before the second and the third megabyte.
    assert.equal(firstSteps(text), 3);
    // A document marker, a tab in indentation or a lone CR anywhere (here after the first megabyte, or with the
    // line break before a marker the last character before a cut) leaves the text to a whole parse.
    const cut = (1 << 20) - 1;
    const lineEnd = text.indexOf('\n', cut - 200);
    const later = text.indexOf('\n', 1_500_000) + 1;
    for (const broken of [
      `${text.slice(0, lineEnd + 1)}---\n${text.slice(lineEnd + 1)}`,
      `${text.slice(0, cut)}\n---\n${text.slice(cut)}`,
      `${text.slice(0, later)}\t${text.slice(later)}`,
      `${text}\r`,
    ]) {
      assert.equal(layoutOf(broken), undefined);
      assert.equal(runToEnd(layoutSteps(broken)), undefined);
    }
  });
});

describe('line index after an edit', () => {
  it('of a large text made a megabyte a step equals the index made at once, line breaks at the cuts too', () => {
    const text = generateManifest({ integrations: 9000, seed: 5, detail: 0 });
    const cut = 1 << 20;
    const texts = [
      text,
      // Line feeds just before, at and just after the first cut.
      `${text.slice(0, cut - 1)}\n${text.slice(cut - 1)}`,
      `${text.slice(0, cut)}\n\n${text.slice(cut)}`,
      // A CR anywhere: made at once, as CR and CRLF count as line breaks too.
      `${text.slice(0, cut + 5)}\r\n${text.slice(cut + 5)}`,
    ];
    for (const t of texts) {
      const steps = LineIndex.inSteps(t);
      let yields = 0;
      let step = steps.next();
      for (; !step.done; step = steps.next()) yields++;
      assert.equal(yields, t.includes('\r') ? 0 : Math.ceil(t.length / cut) - 1);
      const whole = new LineIndex(t);
      assert.equal(step.value.lineCount, whole.lineCount);
      for (let line = 0; line < whole.lineCount; line++) assert.equal(step.value.lineStart(line), whole.lineStart(line), `line ${line}`);
      for (const offset of [cut - 2, cut - 1, cut, cut + 1, t.length]) assert.deepEqual(step.value.positionAt(offset), whole.positionAt(offset));
    }
  });

  it('equals a fresh index of the new text', () => {
    const random = prng(9);
    const pieces = ['a', 'bc', '\n', '\r\n', '\r', '\n\n', ''];
    let text = 'ab\ncd\r\nef\rgh\n';
    let index = new LineIndex(text);
    for (let i = 0; i < 20_000; i++) {
      const start = Math.floor(random() * (text.length + 1));
      const end = Math.min(text.length, start + Math.floor(random() * 4));
      let insert = '';
      for (let k = Math.floor(random() * 3); k > 0; k--) insert += pick(random, pieces);
      const next = text.slice(0, start) + insert + text.slice(end);
      const edited = LineIndex.afterEdit(index, next, start, end, start + insert.length);
      const fresh = new LineIndex(next);
      assert.equal(edited.lineCount, fresh.lineCount, `edit ${i}: ${JSON.stringify(text)} -> ${JSON.stringify(next)}`);
      for (let line = 0; line < fresh.lineCount; line++) assert.equal(edited.lineStart(line), fresh.lineStart(line), `edit ${i}, line ${line}`);
      [text, index] = next.length > 120 ? [next.slice(0, 40), new LineIndex(next.slice(0, 40))] : [next, edited];
    }
  });
});

describe('problems off the main thread', () => {
  /** What a problem says, field by field (a problem read back decodes some fields on first use). */
  const fields = (problems: readonly Problem[]) =>
    problems.map((p) => ({ rule: p.rule, severity: p.severity, span: { start: p.span.start, end: p.span.end }, message: p.message, data: p.data, item: p.item, related: p.related }));
  /** `packed` as the other thread receives it: its buffers moved, not copied. */
  const moved = (packed: PackedProblems) => structuredClone(packed, { transfer: transferOf(packed) });

  it('cross in two buffers that move, and find their items again', () => {
    const text = generateManifest({ integrations: 30, seed: 8 });
    const analysis = analyzeText(text, URI, { today: TODAY });
    // Messages beyond ASCII cross as they are.
    const first = analysis.problems[0]!;
    first.message = `${first.message} — “naïve” 🚀`;
    const packed = packedProblems(analysis.manifest, analysis.problems);
    const sizes = [packed.table.byteLength, packed.details.byteLength];
    const received = moved(packed);
    // Moved, not copied: the sender's buffers are emptied.
    assert.deepEqual([packed.table.byteLength, packed.details.byteLength], [0, 0]);
    assert.deepEqual([received.table.byteLength, received.details.byteLength], sizes);
    const back = problemsFrom(analysis.manifest, received);
    assert.ok(analysis.problems.some((p) => p.item));
    assert.deepStrictEqual(fields(back), fields(analysis.problems));
    assert.ok(back.every((p, i) => p.item === analysis.problems[i]!.item));
    assert.equal(back[0]!.message, first.message);
    // Printed as plain data, as a problem made on this thread is.
    assert.deepStrictEqual(JSON.parse(JSON.stringify(back[0])), JSON.parse(JSON.stringify(analysis.problems[0])));
  });

  it('come back a problem a step, and can be changed like any problem', () => {
    const text = generateManifest({ integrations: 600, seed: 8 });
    const analysis = analyzeText(text, URI, { today: TODAY });
    const steps = problemsFromSteps(analysis.manifest, moved(packedProblems(analysis.manifest, analysis.problems)));
    let yields = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) yields++;
    assert.equal(yields, analysis.problems.length);
    const back = step.value;
    assert.deepStrictEqual(fields(back), fields(analysis.problems));
    back[1]!.message = 'changed';
    back[1]!.data = { fix: 'x' };
    assert.equal(back[1]!.message, 'changed');
    assert.deepEqual(back[1]!.data, { fix: 'x' });
    assert.equal(back[2]!.message, analysis.problems[2]!.message);
  });

  it('cross whole however long their messages, with their related places', () => {
    const text = generateManifest({ integrations: 60, seed: 8 });
    const analysis = analyzeText(text, URI, { today: TODAY });
    // Messages as long as a goal-alignment finding's in a manifest of a thousand goals.
    const problems = analysis.problems.map((p, i) => ({ ...p, message: `${i}: ${'`goal-1`, '.repeat(1600)}` }));
    const related = { at: { uri: 'file:///other.integration.yaml', span: { start: 3, end: 9 } }, message: 'The system `erp` in other.integration.yaml' };
    problems[3] = { ...problems[3]!, related: [related as unknown as RelatedLocation] };
    const back = problemsFrom(analysis.manifest, moved(packedProblems(analysis.manifest, problems)));
    assert.deepStrictEqual(fields(back), fields(problems));
    assert.deepStrictEqual(back[3]!.related, [related]);
  });

  it('cross as empty buffers when there are none', () => {
    const analysis = analyzeText('', URI, { today: TODAY });
    const none = packedProblems(analysis.manifest, []);
    assert.deepEqual([none.table.length, none.details.length, none.rules], [0, 0, []]);
    assert.deepEqual(problemsFrom(analysis.manifest, moved(none)), []);
  });

  it('are computed in slices, and dropped when the document moves on', async () => {
    const text = generateManifest({ integrations: 30, seed: 12 });
    const analyzer = new IncrementalAnalyzer();
    const { manifest } = analyzer.parse(text, URI, 1);
    const sliced = await runInSlices(checkManifest(manifest, { today: TODAY }), { stale: () => false, budgetMs: 0 });
    const whole = analyzeText(text, URI, { today: TODAY });
    assert.deepEqual(
      sliced?.map((p) => problemKey(p, manifest)),
      whole.problems.map((p) => problemKey(p, whole.manifest)),
    );
    let pauses = 0;
    const dropped = await runInSlices(checkManifest(manifest, { today: TODAY }), { stale: () => ++pauses > 2, budgetMs: 0 });
    assert.equal(dropped, undefined);
  });

  it('settle: the problems of the current version, or nothing once a newer one arrived', async () => {
    const analyses = new DocumentAnalyses();
    const text = generateManifest({ integrations: 20, seed: 13 });
    const doc = (version: number, t: string) => ({ uri: URI, version, getText: () => t });
    const settled = await analyses.settle(doc(1, text), 'v1', { today: TODAY });
    assert.ok(settled);
    assert.equal(difference(settled, analyzeText(text, URI, { today: TODAY })), undefined);
    const edited = text.replace('mode: async', 'mode: sync');
    const pending = analyses.settle(doc(2, edited), 'v2', { today: TODAY });
    analyses.get(doc(3, text), 'v3', { today: TODAY }); // a newer version before the rules ran
    assert.equal(await pending, undefined);
  });
});

describe('opening in slices', () => {
  const doc = (version: number, t: string) => ({ uri: URI, version, getText: () => t });

  it('parseSteps steps once per unit, and gives what parse gives, its model read ahead', () => {
    const text = generateManifest({ integrations: 200, seed: 21 });
    const steps = new IncrementalAnalyzer().parseSteps(text, URI, 1, { data: true });
    let count = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) count++;
    const units = layoutOf(text)!.units.length;
    // One step per unit parsed, one per unit whose model is read ahead.
    assert.equal(count, 2 * units);
    const parsed = step.value;
    const whole = analyzeText(text, URI, { today: TODAY });
    const problems = runToEnd(checkManifest(parsed.manifest, { today: TODAY }));
    assert.equal(difference({ document: parsed.document, manifest: parsed.manifest, problems }, whole), undefined);
  });

  it('parsed: other work runs between its slices, and the analysis then equals a whole one', async () => {
    const text = generateManifest({ integrations: 1000, seed: 22 });
    const analyses = new DocumentAnalyses();
    let turns = 0;
    const ticking = setInterval(() => turns++, 0);
    try {
      await analyses.parsed(doc(1, text), 'v1', { today: TODAY });
    } finally {
      clearInterval(ticking);
    }
    assert.ok(turns > 0, 'timers ran while the manifest was parsed');
    const settled = await analyses.settle(doc(1, text), 'v1', { today: TODAY });
    assert.ok(settled);
    assert.equal(difference(settled, analyzeText(text, URI, { today: TODAY })), undefined);
  });

  it('get while a sliced parse is under way finishes it, and a newer version then equals a whole analysis', async () => {
    const text = generateManifest({ integrations: 300, seed: 23 });
    const analyses = new DocumentAnalyses();
    const pending = analyses.settle(doc(1, text), 'v1', { today: TODAY });
    const edited = text.replace('mode: async', 'mode: sync');
    assert.notEqual(edited, text);
    const now = analyses.get(doc(2, edited), 'v2', { today: TODAY });
    assert.equal(difference(now, analyzeText(edited, URI, { today: TODAY })), undefined);
    assert.equal(await pending, undefined, 'the older version is not settled once a newer one is current');
    const settled = await analyses.settle(doc(2, edited), 'v2', { today: TODAY });
    assert.equal(settled, now);
  });
});

describe('the parse the incremental analyzer assembles', () => {
  it('has the tree of parseYaml for generated manifests of every size here', () => {
    for (const integrations of [1, 5, 60]) {
      const text = generateManifest({ integrations, seed: integrations });
      const got = new IncrementalAnalyzer().parse(text, URI, 0);
      assert.equal(got.fallback, undefined);
      assert.ok(sameTree(got.document.yaml.contents, parseYaml(text).yaml.contents), `${integrations} integrations`);
    }
  });
});
