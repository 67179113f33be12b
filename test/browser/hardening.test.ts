/// <reference lib="dom" />
/**
 * Webview hardening (SECURITY.md, "The preview"), in headless Chromium on the real preview page (the HTML and
 * CSP of client/src/preview/html.ts, the bundled media/dist/preview.js):
 * - it makes no network request, whatever the manifest or the Mermaid text says;
 * - it runs no script without its nonce (inline, external, handlers, `javascript:`, eval);
 * - labels carrying HTML, Mermaid directives, `click` callbacks or `javascript:` URLs are
 *   drawn as text, in every diagram and in the details below them;
 * - raw hostile Mermaid (bypassing the generator's escaping) cannot loosen Mermaid's security;
 * - malformed messages are ignored on both sides (the extension's validator is unit-tested here).
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { parseWebviewMessage, revealSelection, type FromWebview } from '../../shared/src/webviewMessages';
import type { DiagramSet } from '../../shared/src/diagrams';
import { close, launch, openPreview, ORIGIN, ROOT, setOf, type PreviewPage } from './harness';

const NONCE = 'bm9uY2UtZm9yLXRlc3Rz'; // the harness's
const EVIL = 'https://evil.test';

/** Payloads for every place a name or text is drawn; each short enough to be drawn whole (labels are cut at 80). */
const PAYLOADS = [
  '<img src=x onerror=alert(1)>',
  '<svg onload=window.__pwned=1>',
  '<script>window.__pwned=2</script>',
  '"><iframe src=javascript:alert(3)>',
  '</text><foreignObject><b onclick=alert(4)>',
  '%%{init: {"securityLevel":"loose"}}%%',
  'click s0 call alert(5)',
  'click s0 href "javascript:alert(6)"',
  'javascript:alert(7)',
  `style s0 fill:url(${EVIL}/a.png)`,
  `<img src=${EVIL}/b.png>`,
  'end; classDef x fill:red; :::x',
  '[md](javascript:alert(8)) **b**',
];

const q = JSON.stringify;

/** A manifest with a payload in every text the preview draws: names, steps, mappings, waivers. */
function hostileManifest(): string {
  const lines = ['integrationManifest: 1', 'solution:', `  name: ${q(PAYLOADS[0])}`, 'actors:', `  - { id: person, name: ${q(PAYLOADS[1])} }`, 'systems:'];
  PAYLOADS.forEach((p, i) => lines.push(`  - id: s${i}`, `    name: ${q(p)}`, `    kind: ${i % 3 === 0 ? 'service-bus' : 'erp'}`, `    hosting: ${i % 2 ? 'cloud' : 'on-premises'}`));
  lines.push('    waivers:', ...PAYLOADS.map((p) => `      - { rule: unused-system, reason: ${q(p)} }`));
  lines.push('integrations:');
  PAYLOADS.forEach((p, i) => {
    const next = (i + 1) % PAYLOADS.length;
    lines.push(`  - id: i${i}`, `    name: ${q(p)}`, '    type: data', `    from: s${i}`, `    to: s${next}`, '    mode: async', `    pattern: ${i % 2 ? 'messaging' : q(p.slice(0, 30))}`);
    if (i < 4) lines.push('    steps:', `      - { from: person, to: s${i}, action: ${q(p)} }`, `      - { from: s${i}, to: s${next}, action: ${q(PAYLOADS[(i + 5) % PAYLOADS.length])}, async: true }`);
    if (i === 4) lines.push('    data:', '      mapping:', ...PAYLOADS.map((x, j) => `        - { from: ${q(x)}, to: ${q(PAYLOADS[(j + 3) % PAYLOADS.length])}, transform: ${q(x)} }`));
  });
  return lines.join('\n') + '\n';
}

/** What a page must never hold, anywhere in its document. */
async function assertInert(p: PreviewPage, what: string): Promise<void> {
  const found = await p.page.evaluate(() => {
    const dangerous: string[] = [];
    for (const el of Array.from(document.querySelectorAll('*'))) {
      const tag = el.tagName.toLowerCase();
      if (['img', 'image', 'iframe', 'object', 'embed', 'foreignobject', 'link', 'meta', 'base', 'form'].includes(tag) && !el.closest('head')) dangerous.push(`<${tag}>`);
      if (tag === 'script' && el.getAttribute('src')?.endsWith('/media/dist/preview.js') !== true) dangerous.push('<script>');
      for (const attr of Array.from(el.attributes)) {
        const name = attr.name.toLowerCase();
        const value = attr.value.replace(/\s+/g, '').toLowerCase();
        if (name.startsWith('on')) dangerous.push(`${tag}[${name}]`);
        if (/(^|:)href$|^src$|^action$|^formaction$/.test(name) && !value.startsWith('#') && !(tag === 'script' || tag === 'link')) dangerous.push(`${tag}[${name}=${value}]`);
        if (/url\((?!['"]?#)/.test(value) || value.includes('javascript:')) dangerous.push(`${tag}[${name}=${value.slice(0, 60)}]`);
      }
    }
    const styles = Array.from(document.querySelectorAll('style')).map((s) => s.textContent ?? '');
    if (styles.some((s) => /@import|url\(\s*['"]?(https?:|\/\/)/i.test(s))) dangerous.push('<style> that loads something');
    return { dangerous, pwned: (window as unknown as Record<string, unknown>)['__pwned'] ?? null };
  });
  assert.deepEqual(found, { dangerous: [], pwned: null }, `${what}: the page holds something that could run or load`);
  assert.deepEqual(p.dialogs, [], `${what}: dialogs opened`);
  assert.deepEqual(p.external, [], `${what}: network requests`);
}

/** Every tab of the set, one after the other (the first is shown already); many interactions are picked from a list. */
async function visitTabs(p: PreviewPage, each: (key: string) => Promise<void>): Promise<void> {
  const keys = await p.tabKeys();
  for (const [i, key] of keys.entries()) {
    if (i > 0) await p.showTab(key);
    await each(key);
  }
  assert.ok(keys.length > 1, 'the set has interaction diagrams to visit');
}

/** A set as the server sends it, with raw Mermaid in place of the generated diagrams. */
function rawSet(application: string, interaction: string, version: number): DiagramSet {
  const set = setOf('test/fixtures/spec-example.integration.yaml', { version });
  return { ...set, application: { ...set.application, mermaid: application }, interactions: set.interactions.map((d) => ({ ...d, mermaid: interaction })) };
}

describe('webview hardening', function () {
  this.timeout(180_000);
  let browser: Browser;
  let p: PreviewPage;
  /** Every request the page made (the harness refuses all but its own origin; this sees them all). */
  let requests: string[];

  before(async () => {
    browser = await launch();
  });
  after(() => close(browser));
  beforeEach(async () => {
    p = await openPreview(browser);
    requests = [];
    p.page.on('request', (r) => requests.push(r.url()));
    p.page.on('websocket', (w) => requests.push(w.url()));
    await p.page.evaluate(() => {
      const w = window as unknown as { __violations: string[] };
      w.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
  });
  afterEach(async () => {
    assert.deepEqual(requests.filter((u) => !u.startsWith(`${ORIGIN}/`) && !u.startsWith('data:') && !u.startsWith('blob:')), [], 'requests beyond the page itself');
    assert.deepEqual(p.external, [], 'refused network requests');
    await p.page.context().close();
  });

  it('makes no network request: examples, hostile names, exports and bait in labels all stay local', async () => {
    const files = [
      ...readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.yaml')).map((f) => `examples/${f}`),
      'test/fixtures/hostile-names.integration.yaml',
    ];
    for (const [i, file] of files.entries()) await p.showSet(setOf(file, { version: i + 1, uri: `file:///work/${file}` }));
    await p.showSet(setOf(hostileManifest(), { version: files.length + 1, uri: 'file:///work/hostile.integration.yaml' }));
    await visitTabs(p, () => Promise.resolve());
    for (const format of ['svg', 'png', 'mermaid'] as const) await p.exportAs(format);
    await p.page.waitForFunction(() => (window as unknown as { __posted: { type: string }[] }).__posted.filter((m) => m.type === 'export').length >= 3);
    const exports = (await p.posted()).flatMap((m) => (m.type === 'export' ? [m.format] : []));
    assert.deepEqual(exports, ['svg', 'png', 'mermaid'], 'one export per button, made in the page');
    await assertInert(p, 'after every example and the hostile manifest');
  });

  it('runs no script without its nonce', async () => {
    // The page's own CSP comes first in <head>, before anything it could govern.
    const head = await p.page.evaluate(() => Array.from(document.head.children).map((e) => `${e.tagName.toLowerCase()}${e.getAttribute('http-equiv') ? `[${e.getAttribute('http-equiv')!.toLowerCase()}]` : ''}`));
    assert.deepEqual(head.slice(0, 2), ['meta', 'meta[content-security-policy]']);
    const csp = await p.page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')!);
    assert.match(csp, /default-src 'none'/);
    assert.doesNotMatch(csp, /unsafe-eval|script-src[^;]*unsafe-inline|https?:\/\/(?!webview\.test)/);

    // A string, not a function: the test runner's compiler would add helpers the page does not have.
    // Each probe settles on an event: its own run (every payload calls __probe), its CSP
    // violation, or its element's load/error event. Nothing waits for time to pass.
    const ran = await p.page.evaluate<Record<string, unknown>>(`(async () => {
      const settled = [];
      const recheck = () => { for (const s of settled.slice()) if (s.done()) { settled.splice(settled.indexOf(s), 1); s.resolve(); } };
      const until = (done) => new Promise((resolve) => { settled.push({ done, resolve }); recheck(); });
      const violations = [];
      document.addEventListener('securitypolicyviolation', (e) => { violations.push(e); recheck(); });
      const refused = (directive, blocked, target) => () => violations.some((v) => v.violatedDirective === directive && v.blockedURI === blocked && (target === undefined ? !(v.target instanceof Element) : v.target === target));
      const ran = (flag) => () => window[flag] !== undefined;
      const either = (...checks) => () => checks.some((check) => check());
      // window.__probe.__name() sets window.__name and rechecks: payloads call it without quotes.
      window.__probe = new Proxy({}, { get: (_, flag) => () => { window[flag] = 1; recheck(); } });
      const add = (init) => { const s = document.createElement('script'); init(s); document.body.append(s); return s; };

      const inline = add((s) => { s.textContent = 'window.__probe.__inline()'; });
      const wrongNonce = add((s) => { s.nonce = 'not-the-nonce'; s.textContent = 'window.__probe.__wrongNonce()'; });
      const external = add((s) => { s.src = ${q(`${ORIGIN}/media/dist/preview.js?again`)}; });
      const loaded = new Promise((resolve) => { external.onerror = () => resolve('error'); external.onload = () => resolve('load'); });
      document.body.insertAdjacentHTML('beforeend', '<img id="bad-img" src="data:," onerror="window.__probe.__handler()"><a id="js" href="javascript:window.__probe.__jsUrl()">x</a>');
      const img = document.getElementById('bad-img');
      document.getElementById('js').click();
      // The control: a script that carries the nonce does run, and from there eval is refused
      // (on a later task, which setTimeout 0 schedules: inside a DevTools evaluation, as this
      // one is, Chromium allows eval).
      const control = add((s) => {
        s.nonce = ${q(NONCE)};
        s.textContent = 'window.__probe.__control(); setTimeout(function () { try { eval("window.__probe.__eval()"); } catch (e) { window.__evalRefused = e.name; } try { new Function("window.__probe.__fn()")(); } catch (e) { window.__fnRefused = 1; } window.__probe.__controlDone(); }, 0);';
      });
      const externalOutcome = await loaded;
      await Promise.all([
        until(either(ran('__inline'), refused('script-src-elem', 'inline', inline))),
        until(either(ran('__wrongNonce'), refused('script-src-elem', 'inline', wrongNonce))),
        until(either(ran('__handler'), refused('script-src-attr', 'inline', img))),
        until(either(ran('__jsUrl'), refused('script-src-elem', 'inline', undefined))),
        until(either(ran('__controlDone'), refused('script-src-elem', 'inline', control))),
        until(either(ran('__eval'), ran('__fn'), refused('script-src', 'eval', undefined))),
      ]);
      return {
        external: externalOutcome,
        ...Object.fromEntries(['__inline', '__wrongNonce', '__handler', '__jsUrl', '__control', '__eval', '__evalRefused', '__fn', '__fnRefused'].map((k) => [k, window[k] ?? null])),
      };
    })()`);
    assert.deepEqual(ran, { external: 'error', __inline: null, __wrongNonce: null, __handler: null, __jsUrl: null, __control: 1, __eval: null, __evalRefused: 'EvalError', __fn: null, __fnRefused: 1 });
    const violations = await p.page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
    for (const directive of ['script-src-elem inline', 'script-src-elem https://webview.test/media/dist/preview.js', 'script-src-attr inline', 'script-src eval'])
      assert.ok(violations.some((v) => v.startsWith(directive.split(' ')[0]!) && v.includes(directive.split(' ')[1]!)), `no ${directive} violation among: ${violations.join(' | ')}`);
    assert.equal(await p.page.evaluate(() => document.querySelectorAll('script').length > 1), true, 'the injected scripts are in the page (and did not run)');
  });

  it('draws HTML, Mermaid directives, click callbacks and javascript: URLs in labels as text, everywhere', async () => {
    await p.showSet(setOf(hostileManifest(), { version: 1, uri: 'file:///work/hostile.integration.yaml' }));
    const drawn: string[] = [];
    const listed: string[] = [];
    await visitTabs(p, async (key) => {
      const state = await p.page.evaluate(() => ({
        error: document.body.dataset['renderError'] ?? '',
        svg: Array.from(document.querySelectorAll('#canvas svg text')).map((t) => t.textContent).join('\n'),
        details: document.getElementById('details')!.textContent ?? '',
        markup: document.querySelectorAll('#details *:not(section, h2, h3, p, table, thead, tbody, tr, th, td, ul, ol, li, span, a, div, code, small, strong, em, details, summary)').length,
      }));
      assert.equal(state.error, '', `tab ${key} failed to draw`);
      assert.equal(state.markup, 0, `tab ${key}: markup below the diagram`);
      drawn.push(state.svg);
      listed.push(state.details);
      await assertInert(p, `tab ${key}`);
    });
    const squash = (s: string) => s.replace(/\s+/g, '');
    // In the diagrams: system, actor and integration names and step actions.
    for (const payload of PAYLOADS) assert.ok(squash(drawn.join('\n')).includes(squash(payload)), `\`${payload}\` is not drawn literally`);
    // Below them: the field mapping table and the waivers.
    for (const payload of PAYLOADS) assert.ok(squash(listed.join('\n')).includes(squash(payload)), `\`${payload}\` is not listed literally below the diagram`);
  });

  it('cannot be talked out of strict security by raw Mermaid: directives, callbacks, links, HTML labels, CSS', async () => {
    const directive = q({
      securityLevel: 'loose',
      startOnLoad: true,
      htmlLabels: true,
      flowchart: { htmlLabels: true },
      sequence: { useMaxWidth: true },
      themeCSS: `@import url(${EVIL}/x.css); svg { background: url(${EVIL}/y.png) }`,
      fontFamily: `x; background: url(${EVIL}/z.png)`,
      dompurifyConfig: { ADD_TAGS: ['script', 'iframe', 'foreignObject'], ADD_ATTR: ['onerror', 'onload', 'onclick'] },
    });
    const application = [
      `%%{init: ${directive}}%%`,
      'flowchart LR',
      '  s0["<img src=x onerror=window.__pwned=1>"] --> s1["<b onclick=window.__pwned=2>b</b>"]',
      `  s1 --> s2["<a href='javascript:window.__pwned=3'>x</a>"]`,
      '  click s0 call alert(1)',
      '  click s1 href "javascript:window.__pwned=4"',
      `  click s2 href "${EVIL}/click"`,
      '  classDef evil fill:#f00,stroke:#0f0',
      '  class s1 evil',
    ].join('\n');
    const interaction = [
      `%%{init: ${directive}}%%`,
      'sequenceDiagram',
      '  participant A as <img src=x onerror=window.__pwned=5>',
      '  participant B',
      `  link A: Dashboard @ javascript:window.__pwned=6`,
      `  link B: Docs @ ${EVIL}/docs`,
      '  A->>B: <script>window.__pwned=7</script>',
      '  Note over A,B: <iframe src="javascript:alert(8)"></iframe>',
    ].join('\n');
    await p.showSet(rawSet(application, interaction, 1));
    await visitTabs(p, async (key) => {
      // Drawn, so the directive and the callbacks did reach Mermaid.
      const drawn = await p.page.evaluate(() => ({ error: document.body.dataset['renderError'] ?? '', svg: !!document.querySelector('#canvas svg') }));
      assert.deepEqual(drawn, { error: '', svg: true }, `raw Mermaid, tab ${key}: ${await p.page.evaluate(() => document.querySelector('#canvas')!.textContent.slice(0, 300))}`);
      await assertInert(p, `raw Mermaid, tab ${key}`);
      // Hover over and click whatever was drawn: callbacks and links must not fire.
      await p.page.evaluate(`(() => {
        for (const el of Array.from(document.querySelectorAll('#canvas g.node, #canvas .actor, #canvas text, #canvas a')).slice(0, 40))
          for (const type of ['mouseover', 'mouseenter', 'click']) el.dispatchEvent(new MouseEvent(type, { bubbles: true }));
      })()`);
      await assertInert(p, `raw Mermaid, tab ${key}, after clicks`);
    });
    const errors = p.errors.filter((e) => !/Content Security Policy|Refused/.test(e));
    assert.deepEqual(errors, [], 'page errors');
  });

  it('keeps Mermaid 12’s layout and look locked too: a directive or front matter cannot change them', async () => {
    const loosen = { securityLevel: 'loose', htmlLabels: true, look: 'handDrawn', layout: 'dagre', elk: { mergeEdges: true } };
    const body = ['flowchart LR', '  s0["<img src=x onerror=window.__pwned=1>"] --> s1["b"]', '  click s0 call alert(1)'];
    for (const [how, application] of [
      ['directive', [`%%{init: ${q(loosen)}}%%`, ...body].join('\n')],
      ['front matter', ['---', 'config:', ...Object.entries(loosen).map(([k, v]) => `  ${k}: ${q(v)}`), '---', ...body].join('\n')],
    ] as const) {
      await p.showSet(rawSet(application, 'sequenceDiagram\n  A->>B: hi', how === 'directive' ? 10 : 11));
      const drawn = await p.page.evaluate(() => ({
        error: document.body.dataset['renderError'] ?? '',
        looks: Array.from(new Set(Array.from(document.querySelectorAll('#canvas g.node')).map((n) => n.getAttribute('data-look')))),
        html: document.querySelectorAll('#canvas foreignObject, #canvas img').length,
      }));
      assert.deepEqual(drawn, { error: '', looks: ['classic'], html: 0 }, how);
      await assertInert(p, `Mermaid 12 settings by ${how}`);
    }
  });

  it('ignores malformed messages from the extension side, and shows status text as text', async () => {
    const junk: unknown[] = [
      null,
      'diagrams',
      42,
      [],
      { type: 'eval', code: 'window.__pwned = 1' },
      { type: 'diagrams' },
      { type: 'diagrams', set: { uri: 1 } },
      { type: 'diagrams', set: { uri: 'u', version: 'x', application: {}, interactions: {} } },
      { type: 'cursor', uri: 'u', version: 1, offset: 'x' },
      { type: 'cursor', uri: 'u', version: 1, offset: Number.MAX_SAFE_INTEGER },
      { type: 'status' },
      { type: 'status', message: { toString: 'x' } },
      { type: '__proto__', polluted: true },
      { type: 'constructor' },
    ];
    for (const message of junk) await p.page.evaluate((m) => window.postMessage(m, '*'), message as never);
    const html = '<img src=x onerror=window.__pwned=9> <b>bold</b>';
    // With nothing drawn yet a status shows in the placeholder; over a drawing, in the banner.
    await p.send({ type: 'status', message: html, severity: 'error' });
    await p.page.waitForFunction((t) => document.getElementById('placeholder')!.textContent === t, html);
    await p.showSet(setOf('test/fixtures/spec-example.integration.yaml', { version: 1 }));
    await p.send({ type: 'status', message: html, severity: 'error' });
    await p.page.waitForFunction((t) => document.getElementById('banner')!.textContent === t, html);
    await assertInert(p, 'after junk messages');
    assert.equal(await p.page.evaluate(() => document.querySelectorAll('#banner *, #placeholder *').length), 0, 'the status is text, not markup');
    assert.deepEqual(p.errors, [], 'page errors');
    assert.equal(await p.page.evaluate(() => (Object.prototype as Record<string, unknown>)['polluted'] ?? null), null);
    // And it still draws what it is sent afterwards.
    await p.showSet(setOf('test/fixtures/hostile-names.integration.yaml', { version: 2 }));
    assert.equal(await p.page.evaluate(() => !!document.querySelector('#canvas svg')), true);
  });
});

describe('messages from the webview: the extension trusts none of them', () => {
  const reveal = (uri: string, version: number, start: number, end: number) => parseWebviewMessage({ type: 'reveal', uri, version, selection: { start, end } }) as Extract<FromWebview, { type: 'reveal' }>;
  const followed = { uri: 'file:///work/a.integration.yaml', version: 7, length: 100 };

  it('reveals only in the followed document, at its version, inside its text', () => {
    assert.deepEqual(revealSelection(reveal(followed.uri, 7, 10, 20), followed), { start: 10, end: 20 });
    assert.deepEqual(revealSelection(reveal(followed.uri, 7, 100, 100), followed), { start: 100, end: 100 }, 'the very end is inside');
    assert.equal(revealSelection(reveal(followed.uri, 7, 10, 101), followed), undefined, 'past the end');
    assert.equal(revealSelection(reveal(followed.uri, 6, 10, 20), followed), undefined, 'an older version');
    assert.equal(revealSelection(reveal('file:///work/other.integration.yaml', 7, 10, 20), followed), undefined, 'another document');
    assert.equal(revealSelection(reveal(followed.uri, 7, 10, 20), undefined), undefined, 'no document followed');
  });

  it('drops messages of unknown types and of the wrong shape, and keeps only the known fields', () => {
    for (const m of [
      undefined,
      { type: 'Ready' },
      { type: 'reveal', uri: 'u', version: 1, selection: { start: -1, end: 2 } },
      { type: 'reveal', uri: 'u', version: 1, selection: { start: 0, end: Infinity } },
      { type: 'reveal', uri: 'u', version: 1, selection: { start: 0, end: NaN } },
      { type: 'reveal', uri: 'u', version: 2 ** 60, selection: { start: 0, end: 1 } },
      { type: 'reveal', uri: 'u', version: 1, selection: [0, 1] },
      { type: 'export', uri: 'u', format: 'svg', name: '', data: '' },
      { type: 'export', uri: 'u', format: 'svg', name: 'a/b', data: '' },
      { type: 'export', uri: 'u', format: 'svg', name: 'x'.repeat(101), data: '' },
      { type: 'export', uri: 'u', format: 'png', name: 'a', data: 'javascript:alert(1)' },
      { type: 'focus', uri: 'u' },
      { type: 'focus', uri: 'u', systemId: { id: 'x' } },
      { type: 'eval', code: 'alert(1)' },
    ])
      assert.equal(parseWebviewMessage(m), undefined, JSON.stringify(m));
    const parsed = parseWebviewMessage(JSON.parse('{"type":"focus","uri":"u","systemId":"erp","__proto__":{"polluted":true},"extra":"<script>"}'));
    assert.deepEqual(parsed, { type: 'focus', uri: 'u', systemId: 'erp' });
    assert.equal((parsed as Record<string, unknown>)['polluted'], undefined);
  });
});
