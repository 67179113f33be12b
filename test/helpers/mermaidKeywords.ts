/**
 * Words and marks that Mermaid reads as syntax, and manifests that put each of them into every
 * place where manifest text reaches a diagram. Shared by test/unit/mermaidKeywords.test.ts (the
 * generated Mermaid, line by line) and test/browser/mermaidKeywords.test.ts (real Mermaid).
 *
 * A case is one text: a keyword alone, in upper and capitalised case, and inside sentences
 * (`The end`, `end of day`, `a end b`), plus sentences people write (`click me`, `loop daily`).
 */

/** Flowchart syntax: statements, directions, links, shapes, class and style shorthands. */
export const FLOWCHART_KEYWORDS: readonly string[] = [
  'flowchart', 'graph', 'flowchart LR', 'graph TD', 'flowchart-elk', 'subgraph', 'end', 'direction',
  'direction TB', 'direction BT', 'direction LR', 'direction RL', 'direction TD',
  'click', 'call', 'callback', 'href', '_blank', 'style', 'classDef', 'class', 'linkStyle', 'default', 'interpolate',
  ':::', '%%', '-->', '---', '==>', '-.->', '<-->', '~~~', '--o', '--x', 'o--o', '-- text -->', '-->|label|', '&',
  '@{', '@{ shape: rect }', 'e1@-->', 'A[box]', 'A(round)', 'A([stadium])', 'A[[sub]]', 'A[(db)]', 'A((circle))',
  'A>flag]', 'A{rhombus}', 'A{{hex}}', 'A[/slant/]', 'A[\\back\\]', 'fa:fa-car', '"`**markdown**`"',
];

/** Sequence diagram syntax: declarations, blocks, notes, activations, arrows. */
export const SEQUENCE_KEYWORDS: readonly string[] = [
  'sequenceDiagram', 'participant', 'actor', 'as', 'loop', 'alt', 'else', 'opt', 'par', 'and', 'par_over', 'critical',
  'option', 'break', 'rect', 'rect rgb(0, 0, 0)', 'note', 'Note right of', 'Note left of', 'Note over', 'right of',
  'left of', 'over', 'activate', 'deactivate', 'autonumber', 'autonumber off', 'off', 'box', 'box Aqua', 'create',
  'create participant', 'destroy', 'title', 'links', 'link', 'properties', 'details', 'wrap', 'nowrap', 'wrap:',
  'nowrap:', ':wrap:', '->>', '-->>', '->', '-)', '--)', '-x', '<<->>', '<<-->>', '-|\\', '-|/', '+', '-', '()',
];

/** What both read: accessibility statements, comments, directives, front matter, separators, quotes, brackets, entities, markup. */
export const COMMON_SYNTAX: readonly string[] = [
  'accTitle', 'accTitle: x', 'accDescr', 'accDescr: x', 'accDescr {', '%%{init}%%', '%%{init: {"theme":"forest"}}%%',
  '%%{wrap}%%', '%%{', '}%%', ';', ';;', '#', '#35;', '&#35;', '&amp;', '&lt;', 'ﬂ°°35¶ß', '"', "'", '`', '```',
  '[', ']', '(', ')', '{', '}', '{{', '}}', '[[', ']]', '((', '))', '|', '<', '>', '<br>', '<br/>', '<BR />',
  '<b>bold</b>', '</text>', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', 'javascript:alert(1)',
  '\\n', '\\', '$$x^2$$', '**bold**', '_em_', '*em*', '__init__', '~~strike~~', ':', ',', '=', '- item', '1. item',
  '+ item', '> quote', '# heading',
];

/** Unicode that looks like a separator (line and paragraph separators, no-break and wide spaces, a byte-order mark, joiners), private-use stand-ins, Mermaid's entity markers. */
export const UNICODE_SEPARATORS: readonly string[] = ['end\u2028loop', 'end\u2029else', 'end\u00a0loop', 'end\u3000alt', 'x\ufeffend', 'x\u200bend', 'x\u2060end', 'x\ue023end', 'x\ue07fend', '\ue020end', 'ﬂ°x', '¶ß'];

/** Every keyword, once. */
export const MERMAID_KEYWORDS: readonly string[] = Array.from(new Set([...FLOWCHART_KEYWORDS, ...SEQUENCE_KEYWORDS, ...COMMON_SYNTAX]));

/** Sentences that put syntax where Mermaid looks for it. */
export const SENTENCES: readonly string[] = [
  'click me', 'click s0 call alert(1)', 'click s0 href "javascript:alert(1)"', 'style s0 fill:#f00', 'style x fill:red',
  'classDef x fill:#f00;', 'class s0 x', 'linkStyle 0 stroke:red', 'subgraph x', 'subgraph g_cloud["x"]', 'end; graph TD; A-->B',
  'direction TB', 'loop daily', 'alt success', 'else failure', 'opt maybe', 'par A and B', 'critical section', 'break out',
  'Note right of A: x', 'Note over p0,p1: x', 'participant p0 as X', 'actor t0 as Y', 'activate p0', 'deactivate p0',
  'autonumber 10 10', 'box rgb(0,0,0) Team', 'create participant Z', 'destroy p0', 'title: Hello', 'accTitle: Hello',
  'accDescr { Hello }', '%% comment', '%%{init: {"securityLevel":"loose"}}%%', 'p0->>p1: hi', 'A-->B', 'a --> b',
  'a --- b', 'a ==> b', 'a -.-> b', 's0 e0@--> s1', '"quoted" [brackets] {braces}', 'a;b#c', 'x ;; y', '#quot;',
  'end\nsubgraph x', 'a\r\nend', 'x\tloop',
];

export interface KeywordCase {
  /** The keyword or sentence the case is made from. */
  keyword: string;
  /** How it is used: `alone`, `upper`, `capital`, `the`, `of-day`, `inside`, `sentence`, `unicode`. */
  form: string;
  /** The manifest text. */
  text: string;
}

/** Every case, each text once: each keyword alone, in upper and capitalised case, and in three sentences; the sentences; the Unicode cases. */
export function keywordCases(): KeywordCase[] {
  const cases: KeywordCase[] = [];
  const seen = new Set<string>();
  const add = (keyword: string, form: string, text: string) => {
    if (seen.has(text)) return;
    seen.add(text);
    cases.push({ keyword, form, text });
  };
  for (const k of MERMAID_KEYWORDS) {
    add(k, 'alone', k);
    if (/[a-z]/i.test(k)) {
      add(k, 'upper', k.toUpperCase());
      add(k, 'capital', k.charAt(0).toUpperCase() + k.slice(1));
    }
    add(k, 'the', `The ${k}`);
    add(k, 'of-day', `${k} of day`);
    add(k, 'inside', `a ${k} b`);
  }
  for (const s of SENTENCES) add(s, 'sentence', s);
  for (const s of UNICODE_SEPARATORS) add(s, 'unicode', s);
  return cases;
}

/** The id pattern of systems, integrations and actors. */
export const ID_PATTERN = /^[A-Za-z][A-Za-z0-9_-]*$/;

/** The case's text as an id, when the id pattern allows it (spaces written as `-`). */
export function idOf(text: string): string | undefined {
  const id = text.replace(/ /g, '-');
  return ID_PATTERN.test(id) ? id : undefined;
}

/**
 * The text a flowchart label should show for `raw`: what `mermaidText` keeps of it (line breaks
 * and tabs as spaces, control and bidirectional characters dropped, spaces collapsed, trimmed),
 * shortened to `max` characters with an ellipsis.
 */
export function shownText(raw: string, max = 80): string {
  const flat = raw.replace(/\r\n|\r|\n|\t/g, ' ').replace(/[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, '').replace(/ {2,}/g, ' ').trim();
  const chars = Array.from(flat);
  return chars.length > max ? [...chars.slice(0, max - 1), '…'].join('') : flat;
}

/** What a sequence diagram shows of a text `shownText` gives: the same, with a no-break space as a space (see `sequenceText`). */
export function inSequence(shown: string): string {
  return shown.replaceAll('\u00a0', ' ').replace(/ {2,}/g, ' ').trim();
}

/** A YAML double-quoted scalar that reads back as exactly `s`. */
export function yamlString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (code >= 0x20 && code < 0x7f) out += ch;
    else if (code <= 0xffff) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += `\\U${code.toString(16).padStart(8, '0')}`;
  }
  return out + '"';
}

/** What a generated manifest should draw, by item id. */
export interface KeywordManifest {
  /** Which layout: names in every place, ids of systems, ids of integrations and actors, or the leaner one drawn in Chromium. */
  kind: 'names' | 'system-ids' | 'item-ids' | 'drawn';
  text: string;
  cases: KeywordCase[];
  /** The label of each system node and system participant: its name, or its id when it has none. */
  systemLabel: Map<string, string>;
  /** The second line of each system node: its kind. */
  systemKind: Map<string, string>;
  /** The label of each actor participant. */
  actorLabel: Map<string, string>;
  /** The name (or id) each integration's first edge and derived messages show. */
  integrationLabel: Map<string, string>;
  /** For each integration drawn from steps: its step actions, in order. */
  stepActions: Map<string, string[]>;
  /** The references that name no system, each drawn as its own node. */
  undeclared: string[];
  /** The case text each integration's other fields (pattern, frequency, entities, format, backoff, notify) carry. */
  integrationCase: Map<string, string>;
}

const HOSTING = ['cloud', 'on-premises', undefined] as const;

/**
 * Manifests that use each case in every place manifest text reaches a diagram, `size` cases a
 * manifest (at most 30 keeps the application diagram whole: 2 systems a case).
 *
 * `names`: per case, a system named by it (its kind too), a middleware system named by it
 * (a hexagon), an actor named by it, an integration named by it whose pattern, frequency,
 * entity, format, retry backoff and notify are the case too (user-triggered, synchronous),
 * and a second one (scheduled, asynchronous, two-way); one integration per manifest through
 * undeclared systems named by the cases, and one drawn from steps whose actions are the cases.
 *
 * `ids`: the cases that are valid ids, as the ids of unnamed systems, and in a second manifest
 * as the ids of unnamed integrations and actors.
 */
export function keywordManifests(role: 'names' | 'ids', cases: readonly KeywordCase[], size = 30): KeywordManifest[] {
  const out: KeywordManifest[] = [];
  if (role === 'names') {
    for (let i = 0; i < cases.length; i += size) out.push(namesManifest(cases.slice(i, i + size), out.length));
  } else {
    const usable = cases.filter((c) => idOf(c.text) !== undefined);
    for (let i = 0; i < usable.length; i += size) {
      const chunk = usable.slice(i, i + size);
      out.push(systemIdsManifest(chunk, out.length), itemIdsManifest(chunk, out.length));
    }
  }
  return out;
}

/**
 * Leaner manifests for drawing with real Mermaid, `size` cases a manifest (at most 60): per
 * case, a system named by it (its kind too; every other one middleware, a hexagon), an actor
 * named by it, an integration named by it (pattern and frequency too) to the next system, and
 * a step from the actor to the system whose action is the case. The first integration is
 * user-triggered with a retry backoff and notify of its case; the second is scheduled.
 */
export function drawnManifests(cases: readonly KeywordCase[], size = 60): KeywordManifest[] {
  const out: KeywordManifest[] = [];
  for (let i = 0; i < cases.length; i += size) out.push(drawnManifest(cases.slice(i, i + size), out.length));
  return out;
}

function drawnManifest(cases: KeywordCase[], n: number): KeywordManifest {
  const m = empty('drawn', cases);
  const lines = header(n);
  lines.push('actors:');
  cases.forEach((c, j) => {
    lines.push(`  - id: act_${j}`, `    name: ${yamlString(c.text)}`);
    m.actorLabel.set(`act_${j}`, shownText(c.text));
  });
  lines.push('systems:');
  cases.forEach((c, j) => {
    // Hosting in blocks, so that few integrations cross from one group to another (Mermaid lays those out slowly).
    const hosting = HOSTING[Math.floor((j * HOSTING.length) / cases.length)];
    const kind = j % 2 ? 'service-bus' : c.text;
    lines.push(`  - id: sys_${j}`, `    name: ${yamlString(c.text)}`, `    kind: ${yamlString(kind)}`, ...(hosting ? [`    hosting: ${hosting}`] : []));
    m.systemLabel.set(`sys_${j}`, shownText(c.text));
    m.systemKind.set(`sys_${j}`, shownText(kind));
  });
  lines.push('integrations:');
  cases.forEach((c, j) => {
    const t = yamlString(c.text);
    const id = j === 0 ? 'int_0' : j === 1 ? 'sched_1' : `link_${j}`;
    lines.push(`  - id: ${id}`, `    name: ${t}`, '    type: data', `    from: sys_${j}`, `    to: sys_${(j + 1) % cases.length}`, `    pattern: ${t}`, `    frequency: ${t}`);
    if (j === 0) lines.push('    mode: sync', '    trigger: user', '    data:', `      entities: [${t}]`, `      format: ${t}`, '    errorHandling:', `      retry: { attempts: 2, backoff: ${t} }`, '      deadLetter: true', `      notify: ${t}`);
    else if (j === 1) lines.push('    mode: async', '    direction: two-way', '    trigger: schedule', '    errorHandling:', `      notify: ${t}`);
    else lines.push('    mode: async');
    m.integrationLabel.set(id, shownText(c.text));
    m.integrationCase.set(id, c.text);
  });
  lines.push('  - id: steps', '    name: Steps', '    type: process', '    from: sys_0', '    to: sys_1', '    mode: sync', '    steps:');
  cases.forEach((c, j) => lines.push(`      - from: act_${j}`, `        to: sys_${j}`, `        action: ${yamlString(c.text)}`));
  m.stepActions.set('steps', cases.map((c) => shownText(c.text)));
  m.integrationLabel.set('steps', 'Steps');
  return { ...m, text: lines.join('\n') + '\n' };
}

function empty(kind: KeywordManifest['kind'], cases: KeywordCase[]): Omit<KeywordManifest, 'text'> {
  return { kind, cases, systemLabel: new Map(), systemKind: new Map(), actorLabel: new Map(), integrationLabel: new Map(), stepActions: new Map(), undeclared: [], integrationCase: new Map() };
}

function header(n: number): string[] {
  return ['integrationManifest: 1', 'solution:', `  name: Keywords ${n}`, 'governance:', '  alm: github', '  versionControl: true'];
}

function namesManifest(cases: KeywordCase[], n: number): KeywordManifest {
  const m = empty('names', cases);
  const lines = header(n);
  lines.push('actors:');
  cases.forEach((c, j) => {
    lines.push(`  - id: act_${j}`, `    name: ${yamlString(c.text)}`);
    m.actorLabel.set(`act_${j}`, shownText(c.text));
  });
  lines.push('systems:');
  cases.forEach((c, j) => {
    const hosting = HOSTING[j % HOSTING.length];
    lines.push(`  - id: sys_${j}`, `    name: ${yamlString(c.text)}`, `    kind: ${yamlString(c.text)}`, ...(hosting ? [`    hosting: ${hosting}`] : []));
    lines.push(`  - id: mw_${j}`, `    name: ${yamlString(c.text)}`, '    kind: service-bus', '    hosting: cloud');
    m.systemLabel.set(`sys_${j}`, shownText(c.text)).set(`mw_${j}`, shownText(c.text));
    m.systemKind.set(`sys_${j}`, shownText(c.text)).set(`mw_${j}`, 'service-bus');
  });
  lines.push('integrations:');
  cases.forEach((c, j) => {
    const t = yamlString(c.text);
    lines.push(
      `  - id: int_${j}`, `    name: ${t}`, '    type: data', `    from: sys_${j}`, `    to: mw_${j}`, '    mode: sync', '    trigger: user',
      `    pattern: ${t}`, `    frequency: ${t}`, '    data:', `      entities: [${t}]`, `      format: ${t}`,
      '    errorHandling:', `      retry: { attempts: 2, backoff: ${t} }`, '      deadLetter: true', `      notify: ${t}`,
    );
    lines.push(`  - id: sched_${j}`, `    name: ${t}`, '    type: process', `    from: mw_${j}`, `    to: sys_${j}`, '    mode: async', '    direction: two-way', '    trigger: schedule', `    frequency: ${t}`, '    errorHandling:', `      notify: ${t}`);
    m.integrationLabel.set(`int_${j}`, shownText(c.text)).set(`sched_${j}`, shownText(c.text));
    m.integrationCase.set(`int_${j}`, c.text).set(`sched_${j}`, c.text);
  });
  // Undeclared references: a chain through systems that are not declared, each named by a case.
  const refs = Array.from(new Set(cases.map((c) => c.text).filter((t) => shownText(t) !== '' && !/^(act|sys|mw|int|sched)_\d+$/.test(t))));
  lines.push('  - id: chain', '    name: Chain', '    type: data', '    from: sys_0', `    via: [${refs.map(yamlString).join(', ')}]`, '    to: mw_0', '    mode: async');
  m.integrationLabel.set('chain', 'Chain');
  m.undeclared.push(...refs);
  // A sequence drawn from steps: each actor to its system, each system on to its middleware.
  lines.push('  - id: steps', '    name: Steps', '    type: process', '    from: sys_0', '    to: mw_0', '    mode: sync', '    steps:');
  const actions: string[] = [];
  cases.forEach((c, j) => {
    lines.push(`      - from: act_${j}`, `        to: sys_${j}`, `        action: ${yamlString(c.text)}`);
    lines.push(`      - from: sys_${j}`, `        to: mw_${j}`, `        action: ${yamlString(c.text)}`, '        async: true');
    actions.push(shownText(c.text), shownText(c.text));
  });
  m.stepActions.set('steps', actions);
  m.integrationLabel.set('steps', 'Steps');
  return { ...m, text: lines.join('\n') + '\n' };
}

/** Unnamed systems whose ids are the cases, in a chain of integrations and a sequence of steps. */
function systemIdsManifest(cases: KeywordCase[], n: number): KeywordManifest {
  const m = empty('system-ids', cases);
  const ids = cases.map((c) => idOf(c.text)!);
  const lines = header(n);
  lines.push('systems:');
  ids.forEach((id, j) => {
    lines.push(`  - id: ${id}`, `    kind: ${j % 2 ? 'service-bus' : 'crm'}`, `    hosting: ${j % 2 ? 'cloud' : 'on-premises'}`);
    m.systemLabel.set(id, id);
    m.systemKind.set(id, j % 2 ? 'service-bus' : 'crm');
  });
  lines.push('integrations:');
  ids.forEach((id, j) => {
    if (j + 1 >= ids.length) return;
    lines.push(`  - id: link_${j}`, `    name: Link ${j}`, '    type: data', `    from: ${id}`, `    to: ${ids[j + 1]!}`, '    mode: async');
    m.integrationLabel.set(`link_${j}`, `Link ${j}`);
  });
  lines.push('  - id: steps', '    name: Steps', '    type: process', `    from: ${ids[0]!}`, `    to: ${ids[ids.length - 1]!}`, '    mode: sync', '    steps:');
  const actions: string[] = [];
  ids.forEach((id, j) => {
    lines.push(`      - from: ${id}`, `        to: ${ids[(j + 1) % ids.length]!}`, `        action: Step ${j}`);
    actions.push(`Step ${j}`);
  });
  m.stepActions.set('steps', actions);
  m.integrationLabel.set('steps', 'Steps');
  return { ...m, text: lines.join('\n') + '\n' };
}

/** Unnamed integrations and actors whose ids are the cases. */
function itemIdsManifest(cases: KeywordCase[], n: number): KeywordManifest {
  const m = empty('item-ids', cases);
  const ids = cases.map((c) => idOf(c.text)!);
  const lines = header(n);
  lines.push('actors:');
  // Actor ids get a prefix: the integrations use the bare ids.
  ids.forEach((id) => {
    lines.push(`  - id: by-${id}`);
    m.actorLabel.set(`by-${id}`, `by-${id}`);
  });
  lines.push('systems:', '  - id: sys_a', '    name: System A', '    kind: crm', '    hosting: cloud', '  - id: sys_b', '    name: System B', '    kind: erp', '    hosting: on-premises');
  m.systemLabel.set('sys_a', 'System A').set('sys_b', 'System B');
  m.systemKind.set('sys_a', 'crm').set('sys_b', 'erp');
  lines.push('integrations:');
  ids.forEach((id) => {
    lines.push(`  - id: ${id}`, '    type: data', '    from: sys_a', '    to: sys_b', '    mode: sync', '    trigger: user', '    steps:', `      - from: by-${id}`, '        to: sys_a', `        action: ${yamlString(id)}`, '      - from: sys_a', '        to: sys_b', '        action: Forward');
    m.integrationLabel.set(id, id);
    m.stepActions.set(id, [id, 'Forward']);
  });
  return { ...m, text: lines.join('\n') + '\n' };
}
