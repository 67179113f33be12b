/**
 * Mermaid keywords in manifest text (names, ids, kinds, step actions, patterns, frequencies,
 * entities, formats, backoffs, notify): the generated Mermaid is read line by line with the
 * grammar of what the generators write, so syntax comes only from the generator, and every
 * label decodes back to the exact text of the manifest. Both outputs: the preview's diagram
 * set and the Markdown of the `docs` command. Real Mermaid draws the same manifests in
 * test/browser/mermaidKeywords.test.ts.
 */
import assert from 'node:assert/strict';
import { diagramsFor } from '../../server/src/diagram';
import { writtenRate } from '../../server/src/diagram/application';
import { manifestMarkdown } from '../../server/src/diagram/markdown';
import type { ApplicationDiagram, DiagramSet, InteractionDiagram } from '../../shared/src/diagrams';
import { decodeEntityCodes, toPrivateUse } from '../../shared/src/mermaidText';
import type { Manifest } from '../../server/src/model/manifest';
import { drawnManifests, inSequence, keywordCases, keywordManifests, MERMAID_KEYWORDS, shownText, type KeywordManifest } from '../helpers/mermaidKeywords';
import { lintText, TODAY } from '../helpers/text';

const CASES = keywordCases();
/** The unit manifests, and the leaner ones test/browser/mermaidKeywords.test.ts draws. */
const MANIFESTS = [...keywordManifests('names', CASES), ...keywordManifests('ids', CASES), ...drawnManifests(CASES)];

/** What the generators put in labels: entity codes, safe ASCII, and any other character but the entity markers, private-use stand-ins and separators. */
function assertEscaped(text: string, where: string): void {
  const rest = text.replace(/#\d+;/g, '');
  for (const ch of rest) {
    const code = ch.codePointAt(0)!;
    const ok = /[A-Za-z0-9 .,()_'?!/+=@-]/.test(ch) || (code > 0x7f && !'ﬂ°¶'.includes(ch) && !(code >= 0xe000 && code < 0xe080) && !/[\p{Z}\p{Cc}\ufeff]/u.test(ch));
    assert.ok(ok, `${where}: ${JSON.stringify(ch)} written raw in ${JSON.stringify(text)}`);
  }
}

/**
 * What Mermaid reads in a flowchart line or label even inside quotes: a direction statement
 * anywhere in the line (its lexer's `.*direction\s+TB`), and, in an HTML label after the
 * sanitizer has decoded the codes, an icon, a KaTeX formula, a `\n` line break, an entity
 * marker of Mermaid's own.
 */
const FLOWCHART_LINE_SYNTAX = /direction\s+(?:TB|BT|RL|LR|TD)/;
const HTML_LABEL_SYNTAX = [/fa[bklrs]?:fa-[\w-]/, /\$\$/, /\\n/, /ﬂ°/, /¶ß/];

/**
 * A label as drawn: entity codes decoded (HTML labels, sequence diagrams), and the same through
 * the preview's private-use stand-ins. HTML labels keep the invisible joiners `flowchartText`
 * puts in; the decoded text of a flowchart label holds nothing an HTML label reads as markup
 * (sequence diagrams draw text, not HTML).
 */
function decoded(label: string, where: string, flowchart = false): string {
  const html = decodeEntityCodes(label.replace(/#(\d+);/g, '&#$1;'));
  if (flowchart) for (const syntax of HTML_LABEL_SYNTAX) assert.doesNotMatch(html, syntax, `${where}: an HTML label reads ${String(syntax)}`);
  for (const m of label.matchAll(/\u2060/g)) assert.match(label.slice(0, m.index), /(#58;|#36;|#92;|#64258;|#182;)$/, `${where}: a joiner only where an HTML label needs it`);
  const text = decodeEntityCodes(label.replaceAll('\u2060', '').replace(/#(\d+);/g, '&#$1;'));
  const svg = decodeEntityCodes(toPrivateUse(label).replace(/#(\d+);/g, '&#$1;'));
  assert.equal(svg, text, `${where}: the preview path decodes as the HTML path`);
  return text;
}

/** A label's lines (the generator's `<br/>`), each decoded. */
function lines(label: string, where: string): string[] {
  return label.split('<br/>').map((part) => {
    assertEscaped(part, where);
    return decoded(part, where, true);
  });
}

let checked = 0;
function expectText(actual: string, expected: string, where: string): void {
  assert.equal(actual, expected, where);
  checked++;
}

const FLOW_EDGE = /^ {2}([sx]\d+) (?:(e\d+)@)?(-->|-\.->|<-->|<-\.->)\|"([^"]*)"\| ([sx]\d+)$/;

/** The application diagram, line by line; every label back to its text. */
function checkApplication(mermaid: string, d: ApplicationDiagram, km: KeywordManifest, manifest: Manifest, where: string): void {
  const source = mermaid.trimEnd().split('\n');
  // The preview's is left to right (the panel turns it); a page's (docs) top to bottom.
  assert.ok(source[0] === 'flowchart LR' || source[0] === 'flowchart TB', `${where}: ${source[0]}`);
  let open = 0;
  let edgeIndex = 0;
  const undeclared: string[] = [];
  const ids = new Set<string>();
  for (const line of source.slice(1)) {
    const at = `${where}: ${line}`;
    let m: RegExpExecArray | null;
    assert.doesNotMatch(line, FLOWCHART_LINE_SYNTAX, `${at}: Mermaid reads a direction statement`);
    if (line === '  accTitle: Application integration diagram') continue;
    if (/^ {2}subgraph (g_cloud|g_onprem|g_unset)\["(Cloud|On-premises|Hosting not declared)"\]$/.test(line)) open++;
    else if (line === '  end') assert.ok(open-- > 0, `${at}: an end without a subgraph`);
    else if ((m = /^ {4}(s\d+)(?:\["([^"]*)"\]|\{\{"([^"]*)"\}\})$/.exec(line))) {
      assert.equal(open, 1, `${at}: a node outside a group`);
      const id = m[1]!;
      ids.add(id);
      const system = d.nodes[id]?.itemId ?? '';
      const [name, kind, ...more] = lines(m[2] ?? m[3]!, at);
      assert.deepEqual(more, [], at);
      expectText(name!, km.systemLabel.get(system)!, `${at}: the name of ${system}`);
      expectText(kind!, km.systemKind.get(system)!, `${at}: the kind of ${system}`);
    } else if ((m = /^ {2}(x\d+)\["([^"]*)"\]$/.exec(line))) {
      ids.add(m[1]!);
      const [ref, note, ...more] = lines(m[2]!, at);
      assert.deepEqual([note, more], ['not declared under systems', []], at);
      undeclared.push(ref!);
    } else if ((m = FLOW_EDGE.exec(line))) {
      const edge = m[2] ?? `e${edgeIndex}`;
      edgeIndex++;
      const integration = d.edges[edge]?.itemId ?? '';
      const label = lines(m[4]!, at);
      if (/^\d+$/.test(label[0]!)) continue; // a hop beyond a middleware: the number only
      const first = /^(?:[✖⚠] )?\d+\. (.*)$/s.exec(label[0]!);
      assert.ok(first, `${at}: the first edge starts with its number`);
      expectText(first[1]!, shownText(km.integrationLabel.get(integration)!, 48), `${at}: the name of ${integration}`);
      const item = manifest.integrations.find((i) => i.id === integration)!;
      const details = writtenRate(item).map((s) => shownText(s, 32));
      expectText(label.slice(1).join('\n'), details.join(' · '), `${at}: the rate as written (volume, frequency) of ${integration}`);
    } else if (/^ {2}linkStyle \d+(?:,\d+)* stroke:#[0-9a-f]{6},stroke-width:2px(?:,stroke-dasharray:8 5)?(?:,color:#[0-9a-f]{6})?$/.test(line)) continue;
    else if (/^ {2}classDef (middleware|undeclared|focus) [a-z0-9:#,. -]+$/.test(line)) continue;
    else if ((m = /^ {2}class ([sx]\d+(?:,[sx]\d+)*) (middleware|undeclared|focus)$/.exec(line))) for (const id of m[1]!.split(',')) assert.ok(ids.has(id), at);
    else assert.fail(`${at}: not a line the generator writes`);
  }
  assert.equal(open, 0, `${where}: every subgraph ends`);
  assert.deepEqual(undeclared.sort(), km.undeclared.map((r) => shownText(r)).sort(), `${where}: undeclared systems`);
  checked += undeclared.length;
  assert.equal(ids.size, km.systemLabel.size + km.undeclared.length, `${where}: one node per system`);
}

const PARTICIPANT = '(p\\d+|t0|d0|n0|p_missing)';
const DECLARATION = new RegExp(`^ {2}(participant|actor) ${PARTICIPANT} as (.+)$`);
const MESSAGE = new RegExp(`^((?: {2})+)${PARTICIPANT}(->>|-\\)|-->>)${PARTICIPANT}: (.+)$`);
const NOTE = new RegExp(`^((?: {2})+)Note over ${PARTICIPANT}(?:,${PARTICIPANT})?: (.+)$`);
const FIXED_NOTES = new Set(['wrap: ⚠ No errorHandling: failures are lost. Add retries, a dead-letter queue and a notification.', 'No retries declared', 'wrap: errorHandling declares no retry, dead-letter or notify']);

/** The messages an integration of the generated manifests shows, in order (before the failure path's). */
function expectedMessages(km: KeywordManifest, manifest: Manifest, id: string, d: InteractionDiagram): string[] | undefined {
  const steps = km.stepActions.get(id);
  if (steps) return steps;
  const name = km.integrationLabel.get(id)!;
  const t = km.integrationCase.get(id);
  if (id.startsWith('int_')) return [`Starts ${shownText(name)}`, `${shownText(t!, 40)} (${shownText(t!)})`, 'Response', 'Shows the result', 'Retry', 'Park the failed message', 'Notify'];
  if (id.startsWith('sched_')) return ['Starts the run', shownText(name), `Changes from ${km.systemLabel.get(manifest.integrations.find((i) => i.id === id)!.to!.id)!}`, 'Notify'];
  if (id === 'chain') return ['Chain', ...Array.from({ length: d.messages.length - 1 }, () => 'Forward')];
  if (id.startsWith('link_')) return [name];
  return undefined;
}

/** An interaction diagram, line by line; every participant and message back to its text. */
function checkInteraction(mermaid: string, d: InteractionDiagram, km: KeywordManifest, manifest: Manifest, where: string): void {
  const source = mermaid.trimEnd().split('\n');
  assert.equal(source[0], 'sequenceDiagram', where);
  // A no-break space, which the preview's XML parser would meet as `&nbsp;`, is drawn as a space.
  assert.doesNotMatch(mermaid, /#160;|\u00a0/, `${where}: a no-break space`);
  const declared = new Map<string, string>();
  const messages: string[] = [];
  let depth = 1;
  const integration = km.integrationCase.get(d.integrationId);
  for (const line of source.slice(1)) {
    const at = `${where}: ${line}`;
    let m: RegExpExecArray | null;
    if ((m = DECLARATION.exec(line))) {
      assert.equal(depth, 1, at);
      assertEscaped(m[3]!, at);
      const id = m[2]!;
      const text = decoded(m[3]!, at);
      assert.ok(!declared.has(id), `${at}: declared once`);
      declared.set(id, text);
      const target = d.participants[id];
      if (id === 't0') expectText(text, integration !== undefined && d.integrationId.startsWith('sched_') ? inSequence(`Schedule (${shownText(integration)})`) : 'User', at);
      else if (id === 'n0') expectText(text, inSequence(shownText(integration!, 48)), at);
      else if (id === 'd0') expectText(text, 'Dead-letter queue', at);
      else if (target?.kind === 'system') expectText(text, inSequence(km.systemLabel.get(target.itemId)!), at);
      else if (target?.kind === 'actor') expectText(text, inSequence(km.actorLabel.get(target.itemId)!), at);
      else assert.ok(km.undeclared.some((r) => text === inSequence(`${shownText(r)} (not declared)`)), `${at}: an undeclared system`);
      continue;
    }
    const indent = /^( *)/.exec(line)![1]!.length;
    if (line.trim() === 'end') {
      depth--;
      assert.ok(depth >= 1 && indent === 2 * depth, `${at}: an end that closes a block`);
      continue;
    }
    assert.equal(indent, 2 * depth, `${at}: indented by its block`);
    if ((m = MESSAGE.exec(line))) {
      for (const p of [m[2]!, m[4]!]) assert.ok(declared.has(p), `${at}: ${p} declared first`);
      assertEscaped(m[5]!, at);
      messages.push(decoded(m[5]!, at));
    } else if ((m = NOTE.exec(line))) {
      assert.ok(FIXED_NOTES.has(m[4]!), `${at}: only the generator's notes`);
    } else if (line.trim() === 'alt Delivery fails') depth++;
    else if ((m = /^ *loop Up to \d+ retr(?:y|ies)(?:, (.+) backoff)?$/.exec(line))) {
      depth++;
      if (m[1] !== undefined) {
        assertEscaped(m[1], at);
        expectText(decoded(m[1], at), inSequence(shownText(integration!)), `${at}: the backoff`);
      }
    } else assert.fail(`${at}: not a line the generator writes`);
  }
  assert.equal(depth, 1, `${where}: every block ends`);
  assert.equal(messages.length, d.messages.length, `${where}: one line per message`);
  const expected = expectedMessages(km, manifest, d.integrationId, d);
  if (expected) for (const [k, text] of expected.entries()) expectText(messages[k] ?? '', inSequence(text), `${where}: message ${k + 1}`);
  assert.equal(declared.size, Object.keys(d.participants).length + [...declared.values()].filter((t) => t.endsWith(' (not declared)')).length, `${where}: participants`);
}

function checkSet(set: DiagramSet, km: KeywordManifest, manifest: Manifest, where: string): void {
  checkApplication(set.application.mermaid, set.application, km, manifest, `${where} application`);
  assert.equal(set.interactions.length, km.integrationLabel.size, where);
  for (const d of set.interactions) checkInteraction(d.mermaid, d, km, manifest, `${where} ${d.integrationId}`);
}

describe('Mermaid keywords in manifest text', () => {
  it(`covers every keyword (${MERMAID_KEYWORDS.length} keywords, ${CASES.length} cases in ${MANIFESTS.length} manifests)`, () => {
    for (const k of ['end', 'direction TB', 'click', 'style', 'classDef', 'class', 'subgraph', 'linkStyle', ':::', '%%', '-->', '---', '==>', '-.->', 'participant', 'actor', 'loop', 'alt', 'else', 'opt', 'par', 'and', 'critical', 'break', 'rect', 'note', 'Note right of', 'activate', 'deactivate', 'autonumber', 'box', 'create', 'destroy', 'title', 'accTitle', 'accDescr', '%%{init}%%', ';', '#', '"', '[', '<br>'])
      assert.ok(MERMAID_KEYWORDS.includes(k), k);
    for (const k of MERMAID_KEYWORDS) for (const form of ['alone', 'the', 'of-day', 'inside']) assert.ok(CASES.some((c) => c.keyword === k && c.form === form), `${k} ${form}`);
    // Every case is used in a names manifest; those that are ids also in the ids manifests.
    for (const kind of ['names', 'drawn']) assert.equal(MANIFESTS.filter((m) => m.kind === kind).reduce((n, m) => n + m.cases.length, 0), CASES.length, kind);
  });

  for (const [n, km] of MANIFESTS.entries()) {
    it(`manifest ${n + 1} (${km.kind}: ${km.cases[0]!.text.replace(/\s/g, ' ')} … ${km.cases[km.cases.length - 1]!.text.replace(/\s/g, ' ')}): syntax only from the generator, every label its exact text`, () => {
      const analysis = lintText(km.text);
      assert.equal(analysis.manifest.systems.length, km.systemLabel.size, 'every system read');
      // The whole diagram, as the preview draws it when asked (a manifest this large otherwise opens on the overview).
      const preview = diagramsFor(analysis, { today: TODAY, landscape: { layout: 'whole' } });
      assert.equal(preview.application.focus, undefined, 'the whole application diagram');
      checkSet(preview, km, analysis.manifest, 'preview');
      const portable = diagramsFor(analysis, { today: TODAY, portable: true });
      const markdown = manifestMarkdown(analysis, { source: 'keywords.integration.yaml', today: TODAY });
      const blocks = Array.from(markdown.matchAll(/```mermaid\n([\s\S]*?)\n```/g), (m) => m[1]! + '\n');
      assert.equal(blocks.length, 1 + portable.interactions.length);
      checkApplication(blocks[0]!, portable.application, km, analysis.manifest, 'docs application');
      for (const [i, d] of portable.interactions.entries()) checkInteraction(blocks[i + 1]!, d, km, analysis.manifest, `docs ${d.integrationId}`);
    });
  }

  after(() => {
    if (process.env['KEYWORDS_VERBOSE']) console.log(`  ${CASES.length} cases, ${MANIFESTS.length} manifests, ${checked} labels checked`);
  });
});
