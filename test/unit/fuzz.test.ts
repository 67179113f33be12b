/**
 * Property and fuzz tests with fast-check:
 * - random SPEC-format manifests and random edits of realistic ones never make the engine or
 *   any feature throw, always finish (a hang fails on mocha's timeout), keep every problem
 *   inside the document, read the systems and integrations that were written, and the
 *   language service (which re-parses only what changed) agrees with a fresh analysis;
 * - every quick fix of every finding leaves a document that parses, and changes no comment
 *   outside the text it replaces;
 * - rename is reversible;
 * - ordinary sentences about passwords, tokens and secrets are not taken for credentials.
 *
 * FUZZ_RUNS sets the runs per property (default sized for well under a minute in all);
 * FUZZ_SEED replays a run. fast-check reports the seed and the shrunk counterexample of a
 * failure; the summary line at the end gives the seed and how much was tried.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { CST, Lexer } from 'yaml';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, WorkspaceEdit } from 'vscode-languageserver';
import { analyzeText, type Analysis } from '../../server/src/analysis/analyze';
import { applyEdits, type TextEdit } from '../../server/src/document/edits';
import { diagramsFor } from '../../server/src/diagram';
import { codeActions } from '../../server/src/features/codeActions';
import { diagnostics as toDiagnostics } from '../../server/src/features/diagnostics';
import { occurrences } from '../../server/src/features/navigation';
import { toSpan } from '../../server/src/features/protocol';
import { createLanguageService, memoryDocuments } from '../../server/src/languageService';
import { findRule } from '../../server/src/rules';
import { applyRandomEdit, editArb, idArb, manifestArb, renderManifest, sentenceArb } from '../helpers/arbitraries';
import { askAt } from '../helpers/features';
import { TODAY } from '../helpers/text';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 100);
// CI replays a fixed seed so a landing never depends on luck; elsewhere each run explores a new one.
const SEED = Number(process.env['FUZZ_SEED'] ?? (process.env['CI'] ? 37568413 : Date.now() % 2 ** 31));
const params = (runs = RUNS): fc.Parameters<unknown> => ({ numRuns: runs, seed: SEED, endOnFailure: false });

const ROOT = join(__dirname, '../..');
const REALISTIC: { name: string; text: string }[] = [
  ...readdirSync(join(ROOT, 'examples'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => ({ name: `examples/${f}`, text: readFileSync(join(ROOT, 'examples', f), 'utf8') })),
  { name: 'spec-example', text: readFileSync(join(ROOT, 'test/fixtures/spec-example.integration.yaml'), 'utf8') },
];

const tried = { manifests: 0, mutatedDocuments: 0, edits: 0, features: 0, fixes: 0, waivers: 0, renames: 0, sentences: 0 };

const lint = (text: string): Analysis => analyzeText(text, 'file:///fuzz.integration.yaml', { today: TODAY });

function assertSpansInside(analysis: Analysis): void {
  const length = analysis.document.text.length;
  for (const p of analysis.problems)
    assert.ok(0 <= p.span.start && p.span.start <= p.span.end && p.span.end <= length, `${p.rule} span ${JSON.stringify(p.span)} outside 0..${length}: ${p.message}`);
}

const yamlErrors = (analysis: Analysis) => analysis.problems.filter((p) => p.rule === 'yaml-syntax').map((p) => p.message);

// ---- comments around an edit ---------------------------------------------------------------

interface Comment {
  /** Offset of its `#`. */
  at: number;
  text: string;
  /** Alone on its line (else after a value). */
  alone: boolean;
}

/** The lexer's marker tokens, which are not source text (every other token is, in order). */
const MARKERS = new Set([CST.DOCUMENT, CST.FLOW_END, CST.SCALAR]);

/** Every comment of a YAML text, found by yaml's own lexer (so a `#` inside a quoted value is not one). */
function commentsIn(text: string): Comment[] {
  const comments: Comment[] = [];
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    if (token.length === 1 && MARKERS.has(token)) continue;
    if (token.startsWith('#')) {
      const lineStart = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
      comments.push({ at: offset, text: token, alone: text.slice(lineStart, offset).trim() === '' });
    }
    offset += token.length;
  }
  return comments;
}

/**
 * Every comment the edits do not replace is still there: at the same place relative to the
 * text around it, word for word, still a comment, still alone on its line or after a value
 * as before, and on the line it was on (no line break inserted between it and its line's start).
 */
function assertCommentsKept(before: string, edits: readonly TextEdit[], after: string, what: string): void {
  const kept = new Map(commentsIn(after).map((c) => [c.at, c]));
  for (const c of commentsIn(before)) {
    const end = c.at + c.text.length;
    if (edits.some((e) => e.start < e.end && e.start < end && e.end > c.at)) continue; // inside the edited node: the fix may rewrite it
    const inside = edits.find((e) => e.start > c.at && e.start <= end && e.start === e.end && !/^[\r\n]/.test(e.newText));
    assert.ok(!inside, `${what}: an insertion at ${inside?.start} lands in comment \`${c.text}\``);
    const shift = edits.filter((e) => e.end <= c.at).reduce((n, e) => n + e.newText.length - (e.end - e.start), 0);
    const now = kept.get(c.at + shift);
    assert.ok(now, `${what}: comment \`${c.text}\` is gone or moved`);
    assert.equal(now.text, c.text, `${what}: comment \`${c.text}\` changed`);
    assert.equal(now.alone, c.alone, `${what}: comment \`${c.text}\` ${c.alone ? 'now follows a value' : 'was moved off its line'}`);
    const lineStart = Math.max(before.lastIndexOf('\n', c.at - 1), before.lastIndexOf('\r', c.at - 1)) + 1;
    // Whole lines inserted before the comment's line leave that line as it was.
    const wholeLines = (e: TextEdit) => e.start === lineStart && e.end === lineStart && (c.alone || /[\r\n]$/.test(e.newText));
    const split = edits.find((e) => e.start >= lineStart && e.start <= c.at && e.end <= c.at && /[\r\n]/.test(e.newText) && !wholeLines(e));
    assert.ok(!split, `${what}: an edit at ${split?.start} breaks the line of comment \`${c.text}\` (it moves to the line of the inserted text)`);
  }
}

function assertEditsDisjoint(edits: readonly TextEdit[], what: string): void {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  for (let i = 1; i < sorted.length; i++) assert.ok(sorted[i - 1]!.end <= sorted[i]!.start, `${what}: edits overlap: ${JSON.stringify(sorted)}`);
}

/** Applies every quick fix of every finding of `text`, one at a time, and checks each result. */
function checkEveryFix(text: string, name: string): void {
  const analysis = lint(text);
  const parsed = yamlErrors(analysis).length === 0;
  for (const problem of analysis.problems) {
    const rule = findRule(problem.rule);
    if (!rule?.fixes) continue;
    for (const fix of rule.fixes(analysis.manifest, { span: problem.span, data: problem.data })) {
      tried.fixes++;
      const what = `${name}: fix "${fix.title}" of ${problem.rule} (${problem.message})`;
      assertEditsDisjoint(fix.edits, what);
      const after = applyEdits(text, fix.edits);
      if (parsed) assert.deepEqual(yamlErrors(lint(after)), [], `${what} leaves a document that does not parse:\n${after}`);
      assertCommentsKept(text, fix.edits, after, what);
    }
  }
  // The "Waive <rule> for this item..." actions edit the text too.
  for (const action of codeActions(analysis, toDiagnostics(analysis), { today: TODAY })) {
    if (!action.title.startsWith('Waive ')) continue;
    tried.waivers++;
    const edits = (action.edit?.changes?.[analysis.document.uri] ?? []).map((e) => ({ ...toSpan(analysis.document, e.range), newText: e.newText }));
    const after = applyEdits(text, edits);
    const what = `${name}: ${action.title}`;
    if (parsed) assert.deepEqual(yamlErrors(lint(after)), [], `${what} leaves a document that does not parse:\n${after}`);
    assertCommentsKept(text, edits, after, what);
  }
}

function applyWorkspaceEdit(text: string, uri: string, edit: WorkspaceEdit | null): string {
  assert.ok(edit, 'no edit');
  return TextDocument.applyEdits(TextDocument.create(uri, 'integration-manifest', 1, text), edit.changes?.[uri] ?? []);
}

describe('fuzz', function () {
  this.timeout(Math.max(120_000, RUNS * 1_500));

  after(() => {
    console.log(
      `      fuzz (seed ${SEED}, ${RUNS} runs a property): ${tried.manifests} generated manifests, ${tried.mutatedDocuments} mutated documents with ${tried.edits} random edits ` +
        `(features asked ${tried.features} times), ${tried.fixes} quick fixes and ${tried.waivers} waivers applied, ${tried.renames} renames reversed, ${tried.sentences} sentences checked for secrets`,
    );
  });

  it('random manifests: analysis finishes, problems lie inside the text, and the YAML parses', () => {
    fc.assert(
      fc.property(manifestArb, fc.boolean(), (manifest, crlf) => {
        tried.manifests++;
        const text = renderManifest(manifest, { crlf });
        // A hang is caught by mocha's timeout; here the analysis must have read what was generated.
        const analysis = lint(text);
        assertSpansInside(analysis);
        assert.deepEqual(yamlErrors(analysis), [], `the generated manifest does not parse:\n${text}`);
        const generated = (key: string) => ((manifest.value[key] ?? []) as { id: string }[]).map((item) => item.id);
        assert.deepEqual(analysis.manifest.systems.map((s) => s.id), generated('systems'), `the systems read from:\n${text}`);
        assert.deepEqual(analysis.manifest.integrations.map((i) => i.id), generated('integrations'), `the integrations read from:\n${text}`);
        // The application diagram draws every declared system, and each integration has its sequence.
        const set = diagramsFor(analysis, { today: TODAY });
        const drawn = new Set(Object.values(set.application.nodes).map((n) => n.itemId));
        for (const id of generated('systems')) assert.ok(drawn.has(id), `system ${id} is not drawn`);
        assert.deepEqual(set.interactions.map((d) => d.integrationId), generated('integrations'));
      }),
      params(),
    );
  });

  it('random edits of realistic manifests: no feature throws, and the service agrees with a fresh analysis after every edit', () => {
    const documents = memoryDocuments();
    const service = createLanguageService({ documents, today: () => TODAY });
    const uri = 'file:///fuzz-edited.integration.yaml';
    const sources = fc.oneof(fc.constantFrom(...REALISTIC.map((r) => r.text)), manifestArb.map((m) => renderManifest(m)));
    const position = (text: string, where: number): Position => {
      const lines = text.split(/\r\n|\r|\n/);
      const line = Math.floor(where * lines.length);
      return { line, character: Math.floor(where * 997) % ((lines[line]?.length ?? 0) + 1) };
    };
    fc.assert(
      fc.property(sources, fc.array(editArb, { minLength: 1, maxLength: 12 }), (source, edits) => {
        tried.mutatedDocuments++;
        let text = source;
        documents.set(uri, text);
        for (const edit of edits) {
          tried.edits++;
          text = applyRandomEdit(text, edit);
          documents.set(uri, text);
          const fresh = lint(text);
          assertSpansInside(fresh);
          // The service re-parses only what changed: it must see what a whole analysis sees.
          assert.deepEqual(service.diagnostics(uri), toDiagnostics(fresh), `the service disagrees with a fresh analysis of:\n${JSON.stringify(text)}`);
          const at = position(text, edit.where);
          tried.features++;
          askAt(service, uri, at);
          service.documentSymbols(uri);
          service.codeLenses(uri);
          service.codeActions(uri, { start: at, end: at }, service.diagnostics(uri));
          diagramsFor(service.analysis(uri)!, { today: TODAY });
        }
      }),
      params(),
    );
  });

  it('the comment check catches an edit that moves, extends or detaches a comment', () => {
    const text = 'a: 1  # note-1 x\nb:\n  # note-2 y\n  c: 2\n';
    const check = (edit: TextEdit) => () => assertCommentsKept(text, [edit], applyEdits(text, [edit]), 'edit');
    const afterValue = text.indexOf('1  #') + 1;
    const endOfLine = text.indexOf('\n');
    const lone = text.indexOf('# note-2');
    assert.throws(check({ start: afterValue, end: afterValue, newText: '\nd: 3' }), /breaks the line of comment/);
    assert.throws(check({ start: endOfLine, end: endOfLine, newText: ' and more' }), /lands in comment/);
    assert.throws(check({ start: text.indexOf('x\n'), end: text.indexOf('x\n'), newText: 'y' }), /lands in comment/);
    assert.throws(check({ start: lone, end: lone, newText: 'z: 1 ' }), /now follows a value/);
    assert.doesNotThrow(check({ start: endOfLine, end: endOfLine, newText: '\nd: 3' }));
    assert.doesNotThrow(check({ start: 0, end: endOfLine, newText: 'a: 2' }), 'a comment inside the replaced text may go');
    // A `#` inside a quoted value is not a comment: changing the value changes no comment.
    const quoted = 'a: "x # y"  # note\n';
    const value = { start: quoted.indexOf('"x'), end: quoted.indexOf('  #'), newText: '"z"' };
    assert.doesNotThrow(() => assertCommentsKept(quoted, [value], applyEdits(quoted, [value]), 'edit'));
  });

  it('every quick fix of the realistic manifests parses and keeps the comments outside its edit', () => {
    for (const { name, text } of REALISTIC) checkEveryFix(text, name);
  });

  it('every quick fix of randomly edited realistic manifests keeps the comments outside its edit (and parses, when the edited text did)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...REALISTIC), fc.array(editArb, { minLength: 1, maxLength: 4 }), ({ name, text }, edits) => {
        tried.mutatedDocuments++;
        tried.edits += edits.length;
        checkEveryFix(edits.reduce(applyRandomEdit, text), `${name}, edited`);
      }),
      params(),
    );
  });

  it('every quick fix of random manifests parses and keeps the comments outside its edit', () => {
    fc.assert(
      fc.property(manifestArb, fc.boolean(), (manifest, crlf) => {
        tried.manifests++;
        checkEveryFix(renderManifest(manifest, { crlf }), 'generated manifest');
      }),
      params(),
    );
  });

  it('rename is reversible: a -> b -> a gives the original text', () => {
    const documents = memoryDocuments();
    const service = createLanguageService({ documents, today: () => TODAY });
    const uri = 'file:///fuzz-rename.integration.yaml';
    fc.assert(
      fc.property(manifestArb, fc.nat(), idArb, (manifest, pick, newName) => {
        tried.manifests++;
        const text = renderManifest(manifest);
        const analysis = lint(text);
        const all = occurrences(analysis.manifest);
        // A name already written anywhere (declared, or only referenced) would merge with the renamed id.
        fc.pre(all.length > 0 && !all.some((o) => o.id === newName));
        const target = all[pick % all.length]!;
        fc.pre(target.id !== newName);
        documents.set(uri, text);
        const renamed = applyWorkspaceEdit(text, uri, service.rename(uri, analysis.document.lines.positionAt(target.span.start), newName));
        const back = occurrences(lint(renamed).manifest).find((o) => o.id === newName);
        assert.ok(back, `no \`${newName}\` after renaming \`${target.id}\``);
        documents.set(uri, renamed);
        const restored = applyWorkspaceEdit(renamed, uri, service.rename(uri, lint(renamed).document.lines.positionAt(back.span.start), target.id));
        tried.renames++;
        assert.equal(restored, text);
      }),
      params(),
    );
  });

  it('ordinary sentences about passwords, tokens and secrets are not taken for credentials', () => {
    fc.assert(
      fc.property(fc.array(sentenceArb, { minLength: 1, maxLength: 6 }), (sentences) => {
        tried.sentences += sentences.length;
        const q = JSON.stringify;
        const s = (i: number) => q(sentences[i % sentences.length]);
        // Every place free text goes: descriptions, names, owners, tags, goals, waiver reasons, steps, mappings.
        const text = [
          'integrationManifest: 1',
          'solution:',
          `  name: ${s(0)}`,
          `  description: ${s(1)}`,
          'goals:',
          `  - { id: g, title: ${s(2)}, metric: ${s(3)} }`,
          'systems:',
          '  - id: erp',
          `    name: ${s(4)}`,
          '    kind: erp',
          `    description: ${s(5)}`,
          `    owner: ${s(0)}`,
          `    tags: [${sentences.map((x) => q(x)).join(', ')}]`,
          '    waivers:',
          `      - { rule: unused-system, reason: ${s(1)} }`,
          'integrations:',
          '  - id: i',
          `    name: ${s(2)}`,
          '    type: data',
          '    from: erp',
          '    to: erp',
          `    description: ${s(3)}`,
          `    owner: ${s(4)}`,
          '    steps:',
          ...sentences.map((x) => `      - { from: erp, to: erp, action: ${q(x)} }`),
          '    data:',
          '      mapping:',
          ...sentences.map((x) => `        - { from: A, to: B, transform: ${q(x)} }`),
        ].join('\n');
        const findings = lint(text).problems.filter((p) => p.rule === 'no-inline-secrets');
        assert.deepEqual(findings.map((f) => f.message), [], `fired on:\n${text}`);
      }),
      params(RUNS * 5),
    );
  });
});
