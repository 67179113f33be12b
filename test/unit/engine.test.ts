import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { manifestSchema } from '../../server/src/model/vocabulary';
import { BASE, findingsOf, joinLines, lintText, spanText, withIntegration } from '../helpers/text';

describe('engine', () => {
  it('the validators generated from the schema are current (the build regenerates them: node scripts/generate-validators.mjs)', async () => {
    const { GENERATED, validatorsSource } = await import('../../scripts/generate-validators.mjs');
    assert.equal(readFileSync(GENERATED, 'utf8') === validatorsSource(), true, 'server/src/schema/validators.generated.ts is out of date');
  });

  it('the schema is valid JSON Schema (the server does not check it against the meta-schema at start)', () => {
    const ajv = new Ajv({ strict: true, allowUnionTypes: true });
    ajv.addKeyword({ keyword: 'patternErrorMessage', schemaType: 'string' });
    ajv.addKeyword({ keyword: 'positiveRate', schemaType: 'boolean' });
    assert.equal(ajv.validateSchema(manifestSchema), true, ajv.errorsText(ajv.errors));
    const broken = { ...manifestSchema, properties: { ...manifestSchema.properties, solution: { type: 'no-such-type' } } };
    assert.equal(ajv.validateSchema(broken), false, 'a broken schema is caught');
  });

  it('a clean manifest has no findings at all', () => {
    assert.deepEqual(lintText(BASE).problems.map((p) => `${p.rule}: ${p.message}`), []);
  });

  it('places an enum error on the value and suggests the closest value', () => {
    const text = withIntegration({ mode: 'asink' });
    const a = lintText(text);
    const [p] = a.problems.filter((x) => x.rule === 'schema');
    assert.ok(p);
    assert.equal(spanText(a, p), 'asink');
    assert.match(p.message, /`mode` must be one of sync, async, batch; did you mean `async`\?/);
    assert.deepEqual(p.data, { fix: 'replace', value: 'async' });
  });

  it('reports an unknown key on the key with a suggestion, once', () => {
    const text = withIntegration({ directon: 'two-way' });
    const a = lintText(text);
    const schema = a.problems.filter((x) => x.rule === 'schema');
    assert.equal(schema.length, 1);
    assert.equal(spanText(a, schema[0]!), 'directon');
    assert.match(schema[0]!.message, /did you mean `direction`/);
  });

  it('reports a missing required key on the item', () => {
    const a = lintText(withIntegration({ to: null }));
    const p = a.problems.find((x) => x.rule === 'schema');
    assert.ok(p);
    assert.match(p.message, /An integration needs `to`/);
    assert.equal(spanText(a, p), 'id');
  });

  it('explains the form of a bad rate', () => {
    const a = lintText(withIntegration({ volume: '5 per day' }));
    const p = a.problems.find((x) => x.rule === 'schema');
    assert.match(p!.message, /`volume` is not in the expected form\. A rate is a count per period/);
    assert.equal(spanText(a, p!), '5 per day');
  });

  it('gives one message for a bad `rules:` entry instead of one per alternative', () => {
    const a = lintText(BASE + 'rules:\n  system-of-record: loud\n');
    const schema = a.problems.filter((x) => x.rule === 'schema');
    assert.equal(schema.length, 1);
    assert.match(schema[0]!.message, /one of error, warning, info, hint, off, or a map/);
  });

  it('turns YAML syntax errors into yaml-syntax findings and keeps answering', () => {
    const a = lintText('integrationManifest: 1\nsolution:\n  name: [unclosed\n');
    assert.ok(a.problems.some((p) => p.rule === 'yaml-syntax' && p.severity === 'error'));
  });

  it('reports duplicate keys as yaml-syntax', () => {
    const a = lintText('integrationManifest: 1\nintegrationManifest: 1\nsolution: { name: x }\n');
    assert.ok(a.problems.some((p) => p.rule === 'yaml-syntax' && /remove or rename the repeated key/.test(p.message)));
  });

  it('stops an alias bomb with a clear message', () => {
    const bomb = joinLines(
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
    );
    const a = lintText(bomb);
    assert.ok(a.problems.some((p) => p.rule === 'yaml-syntax' && /aliases/.test(p.message)));
  });

  it('an empty document says how a manifest starts', () => {
    assert.match(findingsOf('', 'schema')[0]!.message, /starts with `integrationManifest: 1`/);
  });

  it('severity: the manifest rules block wins over settings, settings over the default', () => {
    const text = withIntegration({ systemOfRecord: null });
    assert.equal(findingsOf(text, 'system-of-record')[0]!.severity, 'warning');
    assert.equal(findingsOf(text, 'system-of-record', { settings: { 'system-of-record': 'error' } })[0]!.severity, 'error');
    const withBlock = text + 'rules:\n  system-of-record: info\n';
    assert.equal(findingsOf(withBlock, 'system-of-record', { settings: { 'system-of-record': 'error' } })[0]!.severity, 'info');
    assert.equal(findingsOf(text + 'rules:\n  system-of-record: off\n', 'system-of-record').length, 0);
    assert.equal(findingsOf(text + 'rules:\n  system-of-record: { severity: hint }\n', 'system-of-record')[0]!.severity, 'hint');
  });

  it('a waiver with a reason silences the rule for its item; without a reason or expired it does not', () => {
    const text = withIntegration({ systemOfRecord: null });
    const waived = (w: string) => withIntegration({ waivers: w }, text);
    assert.equal(findingsOf(waived('[{ rule: system-of-record, reason: Reference data only }]'), 'system-of-record').length, 0);
    assert.equal(findingsOf(waived('[{ rule: system-of-record }]'), 'system-of-record').length, 1);
    assert.equal(findingsOf(waived('[{ rule: system-of-record, reason: x, expires: 2026-11-21 }]'), 'system-of-record').length, 1);
    assert.equal(findingsOf(waived('[{ rule: system-of-record, reason: x, expires: 2026-11-22 }]'), 'system-of-record').length, 0);
  });
});

describe('engine: unknown keys', () => {
  it('does not suggest a key the map already has', () => {
    const text = withIntegration({ patern: 'dmf' });
    const [p] = findingsOf(text, 'schema');
    assert.ok(p);
    assert.doesNotMatch(p.message, /did you mean `pattern`/);
    assert.match(p.message, /Allowed keys:/);
  });
});
