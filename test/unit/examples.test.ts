/**
 * The manifests in examples/ open clean or with exactly the findings their comments
 * explain. A rule change that adds or loses a finding here shows up as a diff of `line:rule`.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeText } from '../../server/src/analysis/analyze';
import { TODAY } from '../helpers/text';

const EXAMPLES = join(__dirname, '..', '..', 'examples');

const EXPECTED: Record<string, string[]> = {
  'order-to-cash.integration.yaml': ['216:prefer-async-messaging'],
  'production-scheduling.integration.yaml': ['167:process-event-driven', '172:prefer-low-code'],
  'bank-reconciliation.integration.yaml': [],
  'hr-worker-sync.integration.yaml': ['180:load-testing', '199:pii-protection', '210:waiver-expired'],
  'embedded-dashboards.integration.yaml': ['65:ui-embedded'],
};

function lint(file: string) {
  const text = readFileSync(join(EXAMPLES, file), 'utf8');
  const analysis = analyzeText(text, `file:///examples/${file}`, { today: TODAY });
  return { text, analysis };
}

describe('examples', () => {
  it('holds the five scenarios, and nothing untested', () => {
    const files = readdirSync(EXAMPLES).filter((f) => /\.integration\.ya?ml$/.test(f)).sort();
    assert.deepEqual(files, Object.keys(EXPECTED).sort());
  });

  for (const [file, expected] of Object.entries(EXPECTED)) {
    it(`${file} has exactly the findings its comments explain`, () => {
      const { analysis } = lint(file);
      const found = analysis.problems.map((p) => `${analysis.document.lines.positionAt(p.span.start).line + 1}:${p.rule}`);
      assert.deepEqual(found, expected);
    });

    it(`${file} explains each finding in a comment that names its rule`, () => {
      const { text, analysis } = lint(file);
      const lines = text.split('\n');
      for (const p of analysis.problems) {
        const explained = lines.some((l) => new RegExp(`#.*\\b${p.rule}\\b`).test(l));
        assert.ok(explained, `no comment mentions ${p.rule}`);
      }
      const header = /# Expected findings: (none|one|two|three|four|five)\b/.exec(text);
      assert.ok(header, 'the header comment says how many findings to expect');
      assert.equal(['none', 'one', 'two', 'three', 'four', 'five'].indexOf(header[1]!), analysis.problems.length);
    });
  }
});
