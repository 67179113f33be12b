/**
 * Anchors (`&name`) and aliases (`*name`): every rule, the model, the diagrams, references and
 * rename follow an alias to the node it stands for, as the schema (which validates `toJS()`)
 * does; a finding about a value reached through an alias is shown on the alias, in the item
 * that uses it; a fix never writes over an alias, and changes a shared anchor only with edits
 * right for every item that uses it (else the finding says where to change it).
 */
import assert from 'node:assert/strict';
import type { Analysis, Problem } from '../../server/src/analysis/analyze';
import { mayHoldAliases } from '../../server/src/document/aliases';
import { applyEdits } from '../../server/src/document/edits';
import { diagramsFor } from '../../server/src/diagram';
import { codeActions } from '../../server/src/features/codeActions';
import { toDiagnostic } from '../../server/src/features/diagnostics';
import { definition, documentHighlights, prepareRename, references, rename } from '../../server/src/features/navigation';
import { toSpan } from '../../server/src/features/protocol';
import { applyFixAndCheck, fixesFor, joinLines, lintText, spanText, TODAY } from '../helpers/text';

const HEAD = joinLines(
  'integrationManifest: 1',
  'solution:',
  '  name: Shared blocks',
  'governance:',
  '  alm: azure-devops',
  '  versionControl: true',
  'goals:',
  '  - id: visibility',
  '    title: Everyone sees order status',
  'systems:',
  '  - id: &erp erp',
  '    name: ERP',
  '    kind: erp',
  '    hosting: cloud',
  '  - id: sales',
  '    name: Sales',
  '    kind: dynamics-365-sales',
  '    hosting: cloud',
  '  - id: bus',
  '    name: Service Bus',
  '    kind: service-bus',
  '    hosting: cloud',
  '    cost: { monthly: 600, currency: EUR }',
  'integrations:',
);

/** One clean integration; `lines` replace or add keys (`key: value`, or `key:` with its indented lines after it). */
function integration(id: string, lines: Record<string, string | null> = {}): string {
  const base: Record<string, string | null> = {
    name: `Integration ${id}`,
    type: 'data',
    from: '*erp',
    to: 'sales',
    mode: 'async',
    trigger: 'event',
    volume: '500/day',
    pattern: 'business-events',
    via: '[bus]',
    systemOfRecord: 'erp',
    goals: '[visibility]',
    security: '{ authentication: entra-id, secrets: key-vault, transport: tls1.2 }',
    monitoring: '{ tool: application-insights, alerts: true }',
    errorHandling: '{ retry: { attempts: 5, backoff: exponential }, deadLetter: true, notify: ops }',
    ...lines,
  };
  const out = [`  - id: ${id}`];
  for (const [key, value] of Object.entries(base)) if (value !== null) out.push(value.includes('\n') ? `    ${key}:${value}` : `    ${key}: ${value}`);
  return out.join('\n') + '\n';
}

/** `key:` followed by block lines at the integration's inner indentation. */
const block = (anchor: string, ...lines: string[]) => `${anchor ? ` ${anchor}` : ''}\n` + lines.map((l) => `      ${l}`).join('\n');

const of = (analysis: Analysis, rule: string) => analysis.problems.filter((p) => p.rule === rule);
const where = (analysis: Analysis, p: Problem) => ({ at: spanText(analysis, p), item: p.item?.id });

describe('the test for a text that may hold an alias', () => {
  it('says what the regular expression it replaces says, on every short text of the characters that matter', () => {
    const oracle = (text: string) => /(?:^|[\s[{,:?-])\*[^\s,[\]{}]/m.test(text);
    const alphabet = ['*', ' ', '\n', '\r', '\t', ',', '[', ']', '{', '}', ':', '?', '-', 'a', '\u2028', '\u00a0', '&'];
    let compared = 0;
    const visit = (text: string, depth: number): void => {
      assert.equal(mayHoldAliases(text), oracle(text), JSON.stringify(text));
      compared++;
      if (depth > 0) for (const c of alphabet) visit(text + c, depth - 1);
    };
    visit('', 4);
    assert.ok(compared > 80_000, `${compared} texts compared`);
    assert.equal(mayHoldAliases(`${'x: y\n'.repeat(1000)}z: *ref\n`), true);
    assert.equal(mayHoldAliases('note: 5*3 items, * a star alone\n'), false);
  });
});

describe('anchors and aliases', () => {
  describe('the rules read through them', () => {
    const SHARED_NONE =
      HEAD +
      integration('a', { security: block('&sec', 'authentication: none', 'secrets: key-vault', 'transport: tls1.2') }) +
      integration('b', { security: '*sec' }) +
      integration('c', { security: '*sec' });

    it('a shared `security: *sec` with `authentication: none` is an error on every integration that uses it, each on its own alias', () => {
      const analysis = lintText(SHARED_NONE);
      assert.deepEqual(
        of(analysis, 'authentication-required').map((p) => where(analysis, p)),
        [
          { at: 'none', item: 'a' },
          { at: '*sec', item: 'b' },
          { at: '*sec', item: 'c' },
        ],
      );
      assert.ok(of(analysis, 'authentication-required').every((p) => p.severity === 'error'));
    });

    it('a shared `errorHandling: *eh` is present for error-handling-required, and its `deadLetter` for dead-letter', () => {
      const text = HEAD + integration('a', { errorHandling: block('&eh', 'retry: { attempts: 3, backoff: exponential }', 'deadLetter: true', 'notify: ops') }) + integration('b', { errorHandling: '*eh' });
      const analysis = lintText(text);
      assert.deepEqual(of(analysis, 'error-handling-required'), []);
      assert.deepEqual(of(analysis, 'dead-letter'), []);
      assert.equal(analysis.manifest.integrations[1]!.errorHandling.retryAttempts, 3);
    });

    it('a shared `errorHandling: *eh` without dead-lettering is a dead-letter finding on each asynchronous user, on its alias', () => {
      const text = HEAD + integration('a', { errorHandling: block('&eh', 'notify: ops') }) + integration('b', { errorHandling: '*eh' });
      const analysis = lintText(text);
      assert.deepEqual(
        of(analysis, 'dead-letter').map((p) => where(analysis, p)),
        [
          { at: 'errorHandling', item: 'a' },
          { at: '*eh', item: 'b' },
        ],
      );
    });

    it('an alias used as a system reference (`from: *erp`, anchored on the id) resolves: no unknown reference, the right ends', () => {
      const analysis = lintText(HEAD + integration('a') + integration('b', { to: '*erp', from: 'sales' }));
      assert.deepEqual(of(analysis, 'unknown-reference'), []);
      assert.deepEqual(of(analysis, 'schema'), []);
      const [a, b] = analysis.manifest.integrations;
      assert.ok(a?.from?.source && b);
      assert.equal(a.from.id, 'erp');
      assert.equal(spanText(analysis, a.from), '*erp');
      assert.equal(analysis.document.text.slice(a.from.source.start, a.from.source.end), 'erp');
      assert.equal(b.to?.id, 'erp');
    });

    it('a clean manifest written with shared blocks and aliased references finds nothing that the same manifest written out finds not', () => {
      const shared = HEAD + integration('a', { security: block('&sec', 'authentication: entra-id', 'secrets: key-vault', 'transport: tls1.2'), monitoring: block('&mon', 'tool: application-insights', 'alerts: true') }) + integration('b', { security: '*sec', monitoring: '*mon' });
      const written = HEAD.replace('&erp ', '') + integration('a', { from: 'erp' }) + integration('b', { from: 'erp' });
      const rules = (text: string) => lintText(text).problems.map((p) => `${p.rule}@${p.item?.id ?? '-'}`);
      assert.deepEqual(rules(shared), rules(written));
      assert.deepEqual(rules(shared), []);
    });

    it('a shared list (`via: *route`) is read for every user, and its findings are shown on the alias', () => {
      const text = HEAD + integration('a', { via: '&route [bus]', errorHandling: '{ notify: ops }' }) + integration('b', { via: '*route', errorHandling: '{ notify: ops }' });
      const analysis = lintText(text);
      assert.deepEqual(analysis.manifest.integrations.map((i) => i.via.map((r) => r.id)), [['bus'], ['bus']]);
      // dead-letter on `errorHandling` (present), the Service Bus reached through the alias.
      assert.deepEqual(of(analysis, 'dead-letter').map((p) => p.item?.id), ['a', 'b']);
    });

    it('waivers shared through an alias waive for every item that uses them', () => {
      const waivers = block('&w', '- rule: authentication-required', '  reason: The partner signs each file', '  expires: 2099-01-01');
      const text =
        HEAD + integration('a', { security: block('&sec', 'authentication: none'), waivers }) + integration('b', { security: '*sec', waivers: '*w' });
      const analysis = lintText(text);
      assert.deepEqual(of(analysis, 'authentication-required'), []);
      assert.deepEqual(of(analysis, 'waiver-reason'), []);
    });

    it('an integration written whole as an alias (`- *one`) is a duplicate, shown on the alias', () => {
      const text = HEAD + integration('a').replace('  - id: a', '  - &one\n    id: a') + '  - *one\n';
      const analysis = lintText(text);
      const dup = of(analysis, 'duplicate-id');
      assert.equal(dup.length, 1);
      assert.equal(spanText(analysis, dup[0]!), '*one');
      const [, copy] = analysis.manifest.integrations;
      assert.equal(copy!.id, 'a');
      assert.equal(spanText(analysis, copy!), '*one');
      for (const p of analysis.problems.filter((x) => x.item === copy)) assert.equal(spanText(analysis, p), '*one', p.rule);
    });

    it('the schema reports a mistake inside a shared anchor once, where it is written, and fixes it there', () => {
      const text = HEAD + integration('a', { security: block('&sec', 'authentication: entra-id', 'transport: tls1.x') }) + integration('b', { security: '*sec' });
      const analysis = lintText(text);
      const schema = of(analysis, 'schema');
      assert.deepEqual(schema.map((p) => spanText(analysis, p)), ['tls1.x']);
      const after = applyFixAndCheck(text, 'schema');
      assert.match(after, /transport: tls1\.3\n/);
      assert.match(after, /security: \*sec\n/);
    });
  });

  describe('fixes', () => {
    it('setting `transport: tls1.2` through an alias edits the anchored block once, which fixes every user; the alias stays', () => {
      const text =
        HEAD +
        integration('a', { security: block('&sec', 'authentication: entra-id', 'secrets: key-vault', 'transport: http # legacy') }) +
        integration('b', { security: '*sec' }) +
        integration('c', { security: '*sec' });
      const analysis = lintText(text);
      const found = of(analysis, 'transport-tls');
      assert.equal(found.length, 3);
      // The fix of the finding on b's alias.
      const [fix] = fixesFor(analysis, found[1]!);
      assert.ok(fix, 'a fix is offered');
      const after = applyEdits(text, fix.edits);
      assert.match(after, /transport: tls1\.2 # legacy\n/);
      assert.equal(after.match(/security: \*sec\n/g)?.length, 2, 'the aliases stay');
      assert.deepEqual(of(lintText(after), 'transport-tls'), []);
      assert.doesNotMatch(found[1]!.message, /not offered/);
    });

    it('setting authentication through an alias edits the anchor (right for every user)', () => {
      const text = HEAD + integration('a', { security: block('&sec', 'authentication: none') }) + integration('b', { security: '*sec' });
      const after = applyFixAndCheck(text, 'authentication-required', undefined, { remaining: 0 });
      assert.match(after, /security: &sec\n {6}authentication: entra-id\n/);
    });

    it('dead-lettering a shared errorHandling through an alias adds `deadLetter: true` to the anchor', () => {
      const text = HEAD + integration('a', { errorHandling: block('&eh', 'notify: ops') }) + integration('b', { errorHandling: '*eh' });
      const analysis = lintText(text);
      const onAlias = of(analysis, 'dead-letter')[1]!;
      assert.equal(spanText(analysis, onAlias), '*eh');
      const after = applyEdits(text, fixesFor(analysis, onAlias)[0]!.edits);
      assert.match(after, /errorHandling: &eh\n {6}notify: ops\n {6}deadLetter: true\n/);
      assert.deepEqual(of(lintText(after), 'dead-letter'), []);
    });

    it('a design choice of one integration is not written into a shared anchor: no fix, and the message says where to change it', () => {
      // `mode: *m`: making b asynchronous would make every user of `&m` asynchronous.
      const text =
        HEAD +
        integration('a', { type: 'process', mode: '&m sync', via: '[bus]' }) +
        integration('b', { type: 'process', mode: '*m' }) +
        integration('c', { type: 'process', mode: '*m' });
      const analysis = lintText(text);
      const found = of(analysis, 'prefer-async-messaging');
      assert.deepEqual(found.map((p) => where(analysis, p)), [
        { at: 'sync', item: 'a' },
        { at: '*m', item: 'b' },
        { at: '*m', item: 'c' },
      ]);
      for (const p of found) {
        assert.deepEqual(fixesFor(analysis, p), [], `no fix for ${p.item?.id}`);
        assert.match(p.message, /the shared anchor `&m` \(line \d+\), used by 3 integrations \(`a`, `b`, `c`\)/);
        assert.match(p.message, /Change it at the anchor if that is right for all of them, or give this integration a value of its own\./);
      }
    });

    it('a shared list is not appended to for one integration: no goal is linked into `goals: *g`', () => {
      const text = HEAD + integration('a', { goals: '&g []' }) + integration('b', { goals: '*g' });
      const analysis = lintText(text);
      const found = of(analysis, 'goal-alignment');
      assert.equal(found.length, 2);
      for (const p of found) {
        assert.deepEqual(fixesFor(analysis, p), []);
        assert.match(p.message, /`&g`/);
      }
    });

    it('never writes over an alias: a misspelt id behind `*e` is corrected at the anchor, not at the alias', () => {
      const text = HEAD.replace('&erp ', '') + integration('a', { from: '&e erpp' }) + integration('b', { from: '*e' });
      const analysis = lintText(text);
      const [onAnchor, onAlias] = of(analysis, 'unknown-reference');
      assert.equal(spanText(analysis, onAnchor!), 'erpp');
      assert.equal(spanText(analysis, onAlias!), '*e');
      assert.deepEqual(fixesFor(analysis, onAlias!).map((f) => f.title), ['Create system `erpp`']);
      assert.match(onAlias!.message, /would write over the alias `\*e`/);
      const after = applyEdits(text, fixesFor(analysis, onAnchor!)[0]!.edits);
      assert.match(after, /from: &e erp\n/);
      assert.match(after, /from: \*e\n/);
      assert.deepEqual(of(lintText(after), 'unknown-reference'), []);
    });

    it('a credential under a secret key through an alias is found on the alias; only the anchored literal is replaced', () => {
      const text =
        HEAD +
        integration('a', { security: block('', 'authentication: entra-id', 'secrets: key-vault', 'transport: tls1.2', 'password: &pw hunter2') }) +
        integration('b', { security: block('', 'authentication: entra-id', 'secrets: key-vault', 'transport: tls1.2', 'password: *pw') });
      const analysis = lintText(text);
      const found = of(analysis, 'no-inline-secrets');
      assert.deepEqual(found.map((p) => where(analysis, p)), [
        { at: 'hunter2', item: 'a' },
        { at: '*pw', item: 'b' },
      ]);
      assert.deepEqual(fixesFor(analysis, found[1]!), []);
      const after = applyEdits(text, fixesFor(analysis, found[0]!)[0]!.edits);
      assert.match(after, /password: &pw key-vault:a-password\n/);
      assert.deepEqual(of(lintText(after), 'no-inline-secrets'), []);
    });

    it('no waiver is offered into waivers that aliases share', () => {
      const waivers = block('&w', '- rule: goal-alignment', '  reason: Internal tooling', '  expires: 2099-01-01');
      const text = HEAD + integration('a', { waivers, monitoring: null }) + integration('b', { waivers: '*w', monitoring: null });
      const analysis = lintText(text);
      const diagnostics = of(analysis, 'monitoring-required').map((p) => toDiagnostic(analysis, p));
      assert.equal(diagnostics.length, 2);
      const titles = codeActions(analysis, diagnostics, { today: TODAY }).map((a) => a.title);
      assert.deepEqual(titles.filter((t) => t.startsWith('Waive')), []);
      assert.equal(titles.filter((t) => t.startsWith('Add monitoring')).length, 2);
    });
  });

  describe('cycles, dangling aliases and bombs', () => {
    it('an alias inside the node it names is reported on the alias and read as absent, without hanging', () => {
      const text = HEAD + integration('a', { security: '&s { authentication: entra-id, secrets: key-vault, transport: tls1.2, extra: *s }' });
      const analysis = lintText(text);
      const syntax = of(analysis, 'yaml-syntax');
      assert.equal(syntax.length, 1);
      assert.equal(spanText(analysis, syntax[0]!), '*s');
      assert.match(syntax[0]!.message, /lies inside the node anchored `&s`/);
      assert.equal(analysis.manifest.integrations[0]!.security.authentication, 'entra-id');
    });

    it('an alias with no anchor before it is reported on the alias', () => {
      const analysis = lintText(HEAD + integration('a', { from: '*nowhere' }));
      const syntax = of(analysis, 'yaml-syntax');
      assert.equal(syntax.length, 1);
      assert.equal(spanText(analysis, syntax[0]!), '*nowhere');
      assert.match(syntax[0]!.message, /names no anchor/);
      assert.equal(analysis.manifest.integrations[0]!.from, undefined);
    });

    it('an alias bomb is not followed by the model either', () => {
      const bomb = ['x0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
      for (let i = 1; i < 8; i++) bomb.push(`x${i}: &l${i} [${Array(10).fill(`*l${i - 1}`).join(', ')}]`);
      const analysis = lintText(HEAD + integration('a', { tags: block('', ...bomb), via: '*l7' }));
      assert.ok(of(analysis, 'yaml-syntax').some((p) => /too many aliases/.test(p.message)));
      assert.deepEqual(analysis.manifest.integrations[0]!.via, []);
    });
  });

  describe('navigation', () => {
    const TEXT = HEAD + integration('a') + integration('b', { to: '*erp', from: 'sales' });
    const analysis = lintText(TEXT);
    const texts = (spans: { start: number; end: number }[]) => spans.map((s) => TEXT.slice(s.start, s.end));
    const aliasAt = TEXT.indexOf('*erp');
    const idAt = TEXT.indexOf('&erp erp') + '&erp '.length;

    it('references of an id list each alias that uses it', () => {
      const found = references(analysis, idAt, true).map((l) => toSpan(analysis.document, l.range));
      assert.deepEqual(texts(found), ['erp', '*erp', 'erp', '*erp', 'erp']);
    });

    it('definition from an alias goes to the declaration', () => {
      const at = definition(analysis, aliasAt + 1);
      assert.ok(at);
      assert.equal(toSpan(analysis.document, at.range).start, idAt);
    });

    it('highlights from an alias show every occurrence', () => {
      assert.equal(documentHighlights(analysis, aliasAt).length, 5);
      assert.equal(prepareRename(analysis, aliasAt)?.placeholder, 'erp');
    });

    it('rename edits the anchored scalar once (the aliases follow it), from the id or from an alias', () => {
      for (const at of [idAt, aliasAt]) {
        const edit = rename(analysis, at, 'ledger');
        const edits = edit!.changes![analysis.document.uri]!;
        const spans = edits.map((e) => toSpan(analysis.document, e.range));
        assert.deepEqual(texts(spans), ['erp', 'erp', 'erp'], 'the anchored id and the two literal references');
        const after = applyEdits(TEXT, spans.map((s, i) => ({ ...s, newText: edits[i]!.newText })));
        const renamed = lintText(after);
        assert.deepEqual(renamed.manifest.integrations.map((i) => [i.from?.id, i.to?.id]), [['ledger', 'sales'], ['sales', 'ledger']]);
        assert.deepEqual(renamed.problems.filter((p) => p.rule === 'unknown-reference' || p.rule === 'yaml-syntax'), []);
      }
    });

    it('an anchor on a reference is renamed once with the id', () => {
      const text = HEAD.replace('&erp ', '') + integration('a', { from: '&e erp' }) + integration('b', { from: '*e' });
      const a = lintText(text);
      const edits = rename(a, text.indexOf('id: erp') + 4, 'ledger')!.changes![a.document.uri]!;
      assert.deepEqual(edits.map((e) => text.slice(...Object.values(toSpan(a.document, e.range)) as [number, number])), ['erp', 'erp', 'erp', 'erp']);
      const after = applyEdits(text, edits.map((e) => ({ ...toSpan(a.document, e.range), newText: e.newText })));
      assert.match(after, /from: &e ledger\n/);
      assert.deepEqual(lintText(after).manifest.integrations.map((i) => i.from?.id), ['ledger', 'ledger']);
    });

    it('an alias of a whole list is listed among the references of each id in it, but the cursor on it picks none', () => {
      const text = HEAD + integration('a', { via: '&route [bus, sales]' }) + integration('b', { via: '*route' });
      const a = lintText(text);
      const busRefs = references(a, text.indexOf('[bus') + 1, false).map((l) => text.slice(toSpan(a.document, l.range).start, toSpan(a.document, l.range).end));
      assert.deepEqual(busRefs, ['bus', '*route']);
      assert.equal(definition(a, text.indexOf('*route') + 1), null);
    });
  });

  describe('diagrams', () => {
    it('draw what an alias stands for: the ends and the middleware of a shared route', () => {
      const text = HEAD + integration('a', { via: '&route [bus]' }) + integration('b', { via: '*route', to: '*erp', from: 'sales' });
      const set = diagramsFor(lintText(text), { today: TODAY });
      assert.equal(set.application.integrationCount, 2);
      assert.equal(set.application.edgeCount, 4, 'each integration drawn through the bus');
      const b = set.interactions[1]!;
      assert.match(b.mermaid, /Sales/);
      assert.match(b.mermaid, /ERP/);
      assert.match(b.mermaid, /Service Bus/);
    });
  });
});
