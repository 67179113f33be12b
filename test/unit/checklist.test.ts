/**
 * The integration strategy checklist (SPEC 13): every item of the guidance's checklist with an
 * id, our wording, a status drawn from the manifest (`met`, `at-risk`, `open`, `manual`) and its
 * evidence; answers recorded under `checklist:`; costs per currency; the CLI around it.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CHECKLIST_ITEMS, checklistOf, type ChecklistItem } from '../../server/src/checklist/checklist';
import { ITEM_RULES } from '../../server/src/checklist/items';
import { runCli } from '../../server/src/cli/main';
import { RULE_IDS } from '../../server/src/rules';
import { BASE, lintText, withIntegration, TODAY } from '../helpers/text';
import { analyzeText } from '../../server/src/analysis/analyze';

const ROOT = join(__dirname, '..', '..');
const EXAMPLES = join(ROOT, 'examples');

function item(text: string, id: string): ChecklistItem {
  const found = checklistOf(lintText(text)).items.find((i) => i.id === id);
  assert.ok(found, id);
  return found;
}

/** The bullets of each section of the guidance's checklist.md (../shared/guidance/checklist.md), counted there. */
const GUIDANCE_BULLETS = new Map([
  ['Define business goals', 4],
  ['Choose a platform', 5],
  ['Choose a design', 3],
  ['Choose a pattern', 3],
  ['Project governance', 4],
]);

describe('checklist', () => {
  it('has one item per bullet of the guidance’s checklist, section by section, each with an id and our wording', () => {
    const perSection = new Map<string, number>();
    const items = checklistOf(lintText(BASE)).items;
    for (const i of items) perSection.set(i.sectionTitle, (perSection.get(i.sectionTitle) ?? 0) + 1);
    assert.deepEqual(perSection, GUIDANCE_BULLETS);
    assert.equal(items.length, 19);
    assert.deepEqual(Object.keys(ITEM_RULES), CHECKLIST_ITEMS.map(([id]) => id), 'every schema item has its rule, in the same order');
    for (const i of items) {
      assert.match(i.id, /^[a-z][a-z-]+$/);
      assert.ok(i.text.length > 30 && i.text.endsWith('.'), i.text);
    }
  });

  it('names only rules of the catalog', () => {
    for (const [id, { rules }] of Object.entries(ITEM_RULES)) for (const rule of rules) assert.ok(RULE_IDS.includes(rule), `${id}: ${rule}`);
  });

  it('met: the fields that show it are the evidence', () => {
    const goals = item(BASE, 'goals-documented');
    assert.equal(goals.status, 'met');
    assert.deepEqual(goals.evidence, ['`goals`: 1 goal declared, 0 with a `metric`.']);
    assert.deepEqual(item(BASE, 'alm-version-control').evidence, ['`governance.alm`: azure-devops; `governance.versionControl`: true.']);
  });

  it('at-risk: the findings that bear on it, with their line', () => {
    const risky = item(withIntegration({ mode: 'sync', peak: '2k/hour' }), 'async-messaging');
    assert.equal(risky.status, 'at-risk');
    assert.deepEqual(risky.findings.map((f) => [f.rule, f.severity, f.line]), [['prefer-async-messaging', 'warning', 30]]);
    assert.match(risky.findings[0]!.message, /^Integration 'status' calls synchronously/, 'plain text, as the CLI prints it');
  });

  it('a waived finding does not put an item at risk', () => {
    const waived = withIntegration({ mode: 'sync', peak: '2k/hour', waivers: '[{ rule: prefer-async-messaging, reason: The ERP answers in 50 ms }]' });
    assert.equal(item(waived, 'async-messaging').status, 'met');
  });

  it('open: nothing in the manifest speaks to it, and the evidence says what is missing', () => {
    const noGoals = withIntegration({ goals: null }).replace('goals:\n  - id: visibility\n    title: Sales sees order status\n', '');
    const goals = item(noGoals, 'goals-documented');
    assert.equal(goals.status, 'open');
    assert.deepEqual(goals.evidence, ['No `goals` are declared.']);
    const resilience = item(BASE, 'security-resilience');
    assert.equal(resilience.status, 'open');
    assert.ok(resilience.evidence.includes('No `governance.availability`.'));
  });

  it('manual: a manifest cannot show it, and it says how to record the answer', () => {
    const manual = item(BASE, 'change-management');
    assert.equal(manual.status, 'manual');
    assert.deepEqual(manual.findings, []);
    assert.match(manual.evidence[0]!, /record the answer under `checklist: \{ change-management: \{ status, note \} \}`/);
  });

  it('a recorded answer gives a manual item its status, with the note as evidence', () => {
    const answered = BASE + 'checklist:\n  change-management: { status: met, note: Key users trained in the March sprint }\n  impact-analysis:\n    status: open\n';
    const met = item(answered, 'change-management');
    assert.equal(met.status, 'met');
    assert.deepEqual(met.answer, { status: 'met', note: 'Key users trained in the March sprint' });
    assert.deepEqual(met.evidence, ['Recorded under `checklist.change-management`: met — Key users trained in the March sprint']);
    assert.equal(item(answered, 'impact-analysis').status, 'open');
    assert.deepEqual(lintText(answered).problems.filter((p) => p.rule === 'schema'), []);
  });

  it('a recorded answer never hides findings: an item at risk stays at risk, with the answer beside', () => {
    const text = withIntegration({ mode: 'sync', peak: '2k/hour' }) + 'checklist:\n  async-messaging: { status: met, note: Agreed with the ERP team }\n';
    const risky = item(text, 'async-messaging');
    assert.equal(risky.status, 'at-risk');
    assert.ok(risky.evidence.some((e) => /Recorded under `checklist\.async-messaging`: met — Agreed with the ERP team/.test(e)));
  });

  it('a recorded answer fills an item the manifest leaves open', () => {
    const text = BASE + 'checklist:\n  security-resilience: { status: at-risk, note: DR test postponed to Q3 }\n';
    assert.equal(item(text, 'security-resilience').status, 'at-risk');
  });

  it('the schema knows the item ids: a misspelt one gets a did-you-mean, a wrong status its values', () => {
    const problems = lintText(BASE + 'checklist:\n  change-managment: { status: met }\n  impact-analysis: { status: done }\n').problems.filter((p) => p.rule === 'schema');
    assert.deepEqual(
      problems.map((p) => p.message),
      ['Unknown key `change-managment` in `checklist`; did you mean `change-management`?', '`status` must be one of met, at-risk, open.'],
    );
  });

  it('operating costs: per million messages at the volume and at the peak, one total per currency', () => {
    const text = BASE.replace('    cost: { monthly: 600, currency: EUR }\n', '    cost: { perMillion: 25, currency: USD }\n').replace('    volume: 500/day\n', '    volume: 1m/month\n    peak: 10k/hour\n') + '    cost: { monthly: 40, currency: EUR }\n';
    const { costs, items } = checklistOf(lintText(text));
    assert.deepEqual(costs.totals.map((t) => [t.currency, Math.round(t.monthly * 100) / 100, Math.round(t.atPeak * 100) / 100]), [['USD', 25, 182.5], ['EUR', 40, 40]]);
    assert.deepEqual(items.find((i) => i.id === 'operating-costs')?.evidence, ['Estimated: USD 25.00/month (USD 182.50 at peak) + EUR 40.00/month (1 system and 1 integration with a `cost`).']);
  });

  it('a price per million messages without a volume is said to be unpriced, not counted as zero', () => {
    const text = withIntegration({ volume: null, frequency: 'hourly' }, BASE.replace('    cost: { monthly: 600, currency: EUR }\n', '    cost: { perMillion: 0.05, currency: EUR }\n'));
    const { costs, items } = checklistOf(lintText(text));
    assert.deepEqual(costs.totals, []);
    assert.deepEqual(costs.unpriced, ['`bus` is charged per million messages, and `status` declares no `volume` or `peak`']);
    assert.equal(items.find((i) => i.id === 'operating-costs')?.status, 'open');
  });

  for (const file of readdirSync(EXAMPLES).filter((f) => f.endsWith('.integration.yaml')))
    it(`${file}: every item has a status and evidence`, () => {
      const analysis = analyzeText(readFileSync(join(EXAMPLES, file), 'utf8'), `file:///${file}`, { today: TODAY });
      const { items } = checklistOf(analysis);
      assert.equal(items.length, CHECKLIST_ITEMS.length);
      for (const i of items) {
        assert.ok(['met', 'at-risk', 'open', 'manual'].includes(i.status), i.id);
        assert.ok(i.evidence.length + i.findings.length > 0, `${file} ${i.id} has no evidence`);
        if (i.status === 'at-risk') assert.ok(i.findings.length > 0);
      }
    });

  describe('command line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'checklist-'));
    writeFileSync(join(dir, 'm.integration.yaml'), withIntegration({ mode: 'sync', peak: '2k/hour' }));
    const run = async (...args: string[]) => {
      let out = '';
      let err = '';
      const code = await runCli(args, { cwd: dir, stdout: (t) => void (out += t), stderr: (t) => void (err += t), resolve: (f) => resolve(dir, f), color: false, version: '0' });
      return { code, out, err };
    };

    it('--format json: the file, every item with its status, evidence and findings, the counts and the costs', async () => {
      const { code, out } = await run('checklist', 'm.integration.yaml', '--format', 'json');
      assert.equal(code, 0);
      const json = JSON.parse(out) as { file: string; items: ChecklistItem[]; counts: Record<string, number>; costs: { totals: unknown[] } };
      assert.equal(json.file, 'm.integration.yaml');
      assert.equal(json.items.length, 19);
      assert.equal(json.items.find((i) => i.id === 'async-messaging')?.findings[0]?.rule, 'prefer-async-messaging');
      assert.deepEqual(json.counts, { met: 11, 'at-risk': 3, open: 1, manual: 4 });
      assert.deepEqual(json.costs.totals, [{ currency: 'EUR', monthly: 600, atPeak: 600 }]);
    });

    it('--format markdown (the default): a table per section and the costs', async () => {
      const { code, out } = await run('checklist', 'm.integration.yaml');
      assert.equal(code, 0);
      assert.match(out, /^# Integration strategy checklist: Test solution\n/);
      for (const h of ['## Define business goals', '## Choose a platform', '## Choose a design', '## Choose a pattern', '## Project governance', '## Operating costs']) assert.ok(out.includes(`\n${h}\n`), h);
      assert.match(out, /\| Integrations favour robust, asynchronous, message-based patterns\. \(`async-messaging`\) \| At risk \| .*warning prefer-async-messaging \(line 30\)/);
      assert.match(out, /Estimated per month: EUR 600\.00\/month\./);
    });

    it('explains a wrong format and a missing file', async () => {
      assert.deepEqual(await run('checklist', 'm.integration.yaml', '--format', 'sarif'), { code: 2, out: '', err: "integration-manifests: Unknown format 'sarif': use markdown or json.\n" });
      const missing = await run('checklist');
      assert.equal(missing.code, 2);
      assert.match(missing.err, /checklist needs a manifest file/);
    });
  });
});
