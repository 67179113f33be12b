/**
 * The language features of the landscape (SPEC 11): completion of the domains already used and
 * of the ids a saved view includes, hover on a system with its integrations in and out and its
 * up- and downstream counts, and the ids in `views[].include` as references (rename,
 * references, `unknown-reference`).
 */
import assert from 'node:assert/strict';
import type { MarkupContent, TextEdit } from 'vscode-languageserver';
import { complete } from '../../server/src/features/completion';
import { hover } from '../../server/src/features/hover';
import { references, rename } from '../../server/src/features/navigation';
import { findingsOf, joinLines, lintText } from '../helpers/text';

const M = joinLines(
  'integrationManifest: 1',
  'solution:',
  '  name: Contoso',
  'goals:',
  '  - id: visibility',
  '    title: Sales sees order status',
  'systems:',
  '  - id: sales',
  '    name: Dynamics 365 Sales',
  '    kind: dynamics-365-sales',
  '    domain: Sales',
  '  - id: erp',
  '    name: Warehouse ERP',
  '    kind: erp',
  '    domain: Supply chain',
  '  - id: bus',
  '    name: Integration bus',
  '    kind: service-bus',
  '  - id: wh',
  '    name: Warehouse',
  '    kind: legacy',
  '    domain: Supply chain',
  'integrations:',
  '  - id: status',
  '    name: Order status',
  '    type: data',
  '    from: erp',
  '    to: sales',
  '    via: [bus]',
  '    goals: [visibility]',
  '  - id: picking',
  '    name: Picking lists',
  '    type: data',
  '    from: wh',
  '    to: erp',
  'views:',
  '  - id: sales-view',
  '    title: What sales sees',
  '    include:',
  '      systems: [erp]',
  '      goals: [visibility]',
  '      domains: [Sales]',
);

function at(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf('|');
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset };
}

const labelsAt = (marked: string) => {
  const { text, offset } = at(marked);
  // In the order the editor shows them: by sortText.
  return complete(lintText(text), offset)
    .sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''))
    .map((i) => i.label);
};

describe('landscape features', () => {
  it('completes a domain with the domains already used, each once', () => {
    assert.deepEqual(labelsAt(M.replace('    domain: Sales', '    domain: |')), ['Supply chain']);
    assert.deepEqual(labelsAt(M.replace('      domains: [Sales]', '      domains: [|]')), ['Sales', 'Supply chain']);
  });

  it('completes the systems and goals of a view', () => {
    assert.deepEqual(labelsAt(M.replace('      systems: [erp]', '      systems: [erp, |]')), ['sales', 'wh', 'bus']);
    assert.deepEqual(labelsAt(M.replace('      goals: [visibility]', '      goals: [|]')), ['visibility']);
  });

  it('hovers a system with its integrations in and out and how many systems lie up- and downstream', () => {
    const { text, offset } = at(M.replace('  - id: erp', '  - id: e|rp'));
    const markdown = (hover(lintText(text), offset)!.contents as MarkupContent).value;
    assert.match(markdown, /Domain: Supply chain/);
    assert.match(markdown, /- Inbound \(1\): `picking`\n- Outbound \(1\): `status`\n- Upstream: 1 system · downstream: 2 systems/);
    const onBus = at(M.replace('    via: [bus]', '    via: [b|us]'));
    assert.match((hover(lintText(onBus.text), onBus.offset)!.contents as MarkupContent).value, /- Inbound: none\n- Outbound: none\n- Passing through \(1\): `status`/);
  });

  it('renames a system and a goal where a view includes them, and lists those places among the references', () => {
    const analysis = lintText(M);
    const edits = rename(analysis, M.indexOf('id: erp') + 4, 'ledger')!.changes![analysis.document.uri]!;
    const renamed = applyAll(M, analysis, edits);
    assert.match(renamed, /systems: \[ledger\]/);
    assert.equal(renamed.match(/\bledger\b/g)?.length, 4, 'the id, two ends and the view');
    const refs = references(analysis, M.indexOf('[visibility]') + 1, false);
    assert.equal(refs.length, 2);
  });

  it('reports a view that includes an undeclared system or goal, with the closest id', () => {
    const text = M.replace('      systems: [erp]', '      systems: [ep]').replace('      goals: [visibility]', '      goals: [visibilty]');
    assert.deepEqual(
      findingsOf(text, 'unknown-reference').map((f) => f.message),
      ['`include.systems` names `ep`, but no system has that id; did you mean `erp`?', '`include.goals` names `visibilty`, but no goal has that id; did you mean `visibility`?'],
    );
  });
});

function applyAll(text: string, analysis: ReturnType<typeof lintText>, edits: TextEdit[]): string {
  const spans = edits.map((e) => ({ start: analysis.document.lines.offsetAt(e.range.start), end: analysis.document.lines.offsetAt(e.range.end), text: e.newText }));
  let result = text;
  for (const s of spans.sort((a, b) => b.start - a.start)) result = result.slice(0, s.start) + s.text + result.slice(s.end);
  return result;
}
