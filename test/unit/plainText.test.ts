/**
 * Messages and fix titles read as plain text where the editor and the terminal show plain text
 * (the Problems panel, the light bulb's menu, the command line), and keep their Markdown where
 * Markdown is rendered (hovers).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { plainText } from '../../server/src/analysis/plainText';
import { toLintFindings } from '../../server/src/cli/lintResult';
import { formatStylish } from '../../server/src/cli/formatStylish';
import { createLanguageService, memoryDocuments } from '../../server/src/languageService';
import { generateManifest } from '../../bench/generate';
import { BASE, lintText, TODAY, withIntegration } from '../helpers/text';

const EXAMPLES = join(__dirname, '..', '..', 'examples');

/** Manifests with findings of (nearly) every rule: the examples, generated ones and broken ones. */
const MANIFESTS: { name: string; text: string }[] = [
  ...readdirSync(EXAMPLES)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => ({ name: f, text: readFileSync(join(EXAMPLES, f), 'utf8') })),
  ...[1, 2].map((seed) => ({ name: `generated ${seed}`, text: generateManifest({ integrations: 40, seed, detail: 0.5 }) })),
  { name: 'wrong values', text: withIntegration({ mode: 'asink', to: 'sale', transport: 'http', monitoring: null, directon: 'two-way' }) },
  { name: 'half-written', text: BASE.replace('systems:\n', 'systems:\n  - \n') + '  - id: typed\n    pattern:\n' },
];

describe('plain text at the output boundaries', () => {
  const rules = new Set<string>();

  it('writes each backtick quote in single quotes, and leaves the rest alone', () => {
    assert.equal(plainText('`mode` must be one of sync, async, batch; did you mean `async`?'), "'mode' must be one of sync, async, batch; did you mean 'async'?");
    assert.equal(plainText('Integration `` has no id'), "Integration '' has no id");
    assert.equal(plainText('No quotes here.'), 'No quotes here.');
    assert.equal(plainText('A lone ` stays'), 'A lone ` stays');
    assert.equal(plainText('Set `errorHandling.deadLetter: true`, so'), "Set 'errorHandling.deadLetter: true', so");
  });

  for (const { name, text } of MANIFESTS)
    it(`${name}: no raw backtick in a diagnostic, a fix title or the command line; hovers keep their Markdown`, () => {
      const documents = memoryDocuments();
      const uri = 'file:///plain.integration.yaml';
      documents.set(uri, text);
      const service = createLanguageService({ documents, today: () => TODAY });
      const diagnostics = service.diagnostics(uri);
      for (const d of diagnostics) rules.add(String(d.code));
      for (const d of diagnostics) assert.ok(!d.message.includes('`'), `diagnostic: ${d.message}`);
      const titles = diagnostics.flatMap((d) => service.codeActions(uri, d.range, [d]).map((a) => a.title));
      for (const title of titles) assert.ok(!title.includes('`'), `fix title: ${title}`);
      const analysis = lintText(text);
      const stylish = formatStylish(toLintFindings('plain.integration.yaml', analysis), ['plain.integration.yaml'], false);
      assert.ok(!stylish.includes('`'), stylish);
    });

  it('looked at the messages of most rules', () => assert.ok(rules.size >= 20, `${rules.size} rules: ${[...rules].join(', ')}`));

  it('a hover on an integration lists its findings in Markdown', () => {
    const documents = memoryDocuments();
    const uri = 'file:///plain.integration.yaml';
    const text = withIntegration({ monitoring: null });
    documents.set(uri, text);
    const service = createLanguageService({ documents, today: () => TODAY });
    service.diagnostics(uri);
    const at = service.analysis(uri)!.document.lines.positionAt(text.indexOf('id: status') + 5);
    const hover = (service.hover(uri, at)?.contents as { value: string }).value;
    assert.match(hover, /Integration `status` has no monitoring/);
  });
});
