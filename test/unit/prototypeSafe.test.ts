/**
 * Prototype-safe input: the names of Object.prototype's members (`__proto__`, `constructor`,
 * `toString`...) written as keys, ids or values anywhere in a manifest, in the `rules:` block or
 * in the editor settings change nothing but their own finding. The independent expectation: a
 * manifest with such a name behaves exactly like the same manifest with an ordinary unknown
 * word of the same place (`zz…`) — the same findings, hovers and completion items, the word aside.
 */
import assert from 'node:assert/strict';
import type { AnalysisOptions } from '../../server/src/analysis/analyze';
import { createLanguageService, memoryDocuments } from '../../server/src/languageService';
import { BASE, lintText, withIntegration } from '../helpers/text';

/** Every member name of Object.prototype, and `prototype` itself. */
const PROTOTYPE_WORDS = [...Object.getOwnPropertyNames(Object.prototype), 'prototype'].sort();

/** A word no table of ours knows, of the same length and shape: its letters as `z`, its underscores kept (`__proto__` → `__zzzzz__`). */
function ordinaryFor(word: string): string {
  return word.replace(/[A-Za-z]/g, 'z');
}

/** Where a word goes, each a manifest built from BASE. */
const PLACES: readonly { name: string; text: (word: string) => string }[] = [
  { name: 'a top-level key', text: (w) => BASE.replace('goals:\n', `${w}: 1\ngoals:\n`) },
  { name: 'a key of a system', text: (w) => BASE.replace('    kind: erp\n', `    kind: erp\n    ${w}: x\n`) },
  { name: 'a key of an integration', text: (w) => withIntegration({ [w]: 'x' }) },
  { name: 'a key inside security', text: (w) => BASE.replace('      transport: tls1.2\n', `      transport: tls1.2\n      ${w}: none\n`) },
  { name: 'a system id and its references', text: (w) => BASE.replace(/\berp\b/g, w) },
  { name: 'a system name', text: (w) => BASE.replace('    name: ERP\n', `    name: ${w}\n`) },
  { name: 'a system kind', text: (w) => BASE.replace('    kind: erp\n', `    kind: ${w}\n`) },
  { name: 'a hosting value', text: (w) => BASE.replace('    kind: erp\n    hosting: cloud\n', `    kind: erp\n    hosting: ${w}\n`) },
  { name: 'an integration type', text: (w) => withIntegration({ type: w }) },
  { name: 'a mode', text: (w) => withIntegration({ mode: w }) },
  { name: 'an authentication value', text: (w) => BASE.replace('authentication: entra-id', `authentication: ${w}`) },
  { name: 'an unknown reference', text: (w) => withIntegration({ to: w }) },
  { name: 'a goal reference', text: (w) => withIntegration({ goals: `[visibility, ${w}]` }) },
  { name: 'a waiver rule', text: (w) => withIntegration({ waivers: `[{ rule: ${w}, reason: Accepted }]`, errorHandling: null }) },
  { name: 'a rule id in the rules: block', text: (w) => `${BASE}rules:\n  ${w}: off\n` },
  { name: 'the rules: block silencing through a prototype key', text: (w) => `${withIntegration({ errorHandling: null })}rules:\n  ${w}: { error-handling-required: off, dead-letter: off }\n` },
  { name: 'an option of a rule', text: (w) => `${BASE}rules:\n  dead-letter: { ${w}: off }\n` },
];

/** What the engine and the features make of `text`, with the word written as `<word>`. */
function observe(text: string, word: string, options: AnalysisOptions = {}): string[] {
  // The word itself, and the closest known word a message suggests for it (which depends on its letters).
  const mask = (s: string) => s.split(word).join('<word>').replace(/; did you mean `[^`]*`\?|\. Allowed keys: [^.]*\./g, '<suggestion>');
  const analysis = lintText(text, options);
  const out = analysis.problems.map((p) => `${p.rule} ${p.severity} ${p.span.start}-${p.span.end} ${mask(p.message)}`);
  const uri = 'file:///proto.integration.yaml';
  const documents = memoryDocuments();
  documents.set(uri, text);
  const service = createLanguageService({ documents, today: () => '2026-11-22' });
  const lines = text.split('\n');
  lines.forEach((line, l) => {
    // At the word's line: on the word, and at the end of the line (after `key: `).
    if (!line.includes(word)) return;
    for (const character of [line.indexOf(word) + 1, line.length]) {
      const hover = service.hover(uri, { line: l, character });
      out.push(`hover ${l}:${character} ${hover ? mask(JSON.stringify(hover.contents)) : 'none'}`);
      const items = service.completion(uri, { line: l, character }).items.map((i) => mask(i.label));
      out.push(`completion ${l}:${character} ${items.join(',')}`);
    }
  });
  return out;
}

describe('prototype-safe input', () => {
  it('tries every member name of Object.prototype', () => {
    for (const w of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype']) assert.ok(PROTOTYPE_WORDS.includes(w));
    assert.equal(ordinaryFor('__proto__'), '__zzzzz__');
  });

  for (const place of PLACES)
    it(`${place.name}: each prototype name behaves as an ordinary word`, () => {
      for (const word of PROTOTYPE_WORDS) {
        const ordinary = ordinaryFor(word);
        assert.deepEqual(observe(place.text(word), word), observe(place.text(ordinary), ordinary), `${word} as ${place.name}`);
      }
      assert.deepEqual(Object.getOwnPropertyNames(Object.prototype).sort(), PROTOTYPE_WORDS.filter((w) => w !== 'prototype'), 'Object.prototype is untouched');
    });

  it('a __proto__ key in the rules: block cannot silence a rule', () => {
    const text = `${withIntegration({ errorHandling: null })}rules:\n  __proto__: { error-handling-required: off }\n`;
    assert.equal(lintText(text).problems.filter((p) => p.rule === 'error-handling-required').length, 1);
  });

  it('editor settings with prototype keys change nothing but are read as unknown rule ids', () => {
    const text = withIntegration({ errorHandling: null });
    const plain = lintText(text).problems.map((p) => p.rule);
    for (const word of PROTOTYPE_WORDS) {
      const settings = JSON.parse(`{ "${word}": { "error-handling-required": "off", "severity": "off" }, "dead-letter": "error" }`) as AnalysisOptions['settings'];
      const found = lintText(text, { ...(settings ? { settings } : {}) }).problems;
      assert.deepEqual(found.map((p) => p.rule), plain, word);
      assert.equal(found.find((p) => p.rule === 'dead-letter')?.severity, 'error', `${word}: the other settings still apply`);
    }
  });
});
