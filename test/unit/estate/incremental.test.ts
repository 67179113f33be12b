/**
 * The incremental analyzer with an estate context: what it gives equals a whole analysis with
 * the same context, the per-integration cache still reuses findings while the context stays the
 * same, and a changed context (the catalog changed) drops what was kept.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyzeText, type Analysis, type AnalysisOptions } from '../../../server/src/analysis/analyze';
import { estateContextOf } from '../../../server/src/estate/context';
import { IncrementalAnalyzer } from '../../../server/src/incremental/analyzer';
import type { EstateContext } from '../../../server/src/model/estate';
import { estatePath } from '../../../server/src/node/estateFiles';
import { TODAY } from '../../helpers/text';
import { CATALOG, domain, estateFolder } from './estateFolder';

const URI = 'file:///status.integration.yaml';
const found = (a: Analysis) => a.problems.map((p) => `${p.span.start}-${p.span.end} ${p.rule}: ${p.message}`);

describe('estate: incremental analysis with an estate context', () => {
  let context: EstateContext;
  let text: string;

  before(async () => {
    const folder = estateFolder();
    try {
      folder.write('shared/systems.integration.yaml', ...CATALOG);
      // Two integrations, one with a finding of a per-integration rule (no monitoring).
      const lines = domain('./shared/systems.integration.yaml');
      const second = lines.slice(lines.indexOf('  - id: status')).map((l) => l.replace('id: status', 'id: status-2').replace(/^ {4}monitoring:.*$/, '    # no monitoring'));
      const path = folder.write('status.integration.yaml', ...lines, ...second);
      text = readFileSync(path, 'utf8');
      const estate = await folder.load('status.integration.yaml');
      context = estateContextOf(estate, estatePath(path))!;
    } finally {
      folder.remove();
    }
  });

  it('equals a whole analysis with the same context, edit after edit, and reuses the unchanged integrations', () => {
    const options: AnalysisOptions = { today: TODAY, estate: context };
    const analyzer = new IncrementalAnalyzer();
    const first = analyzer.analyze(text, URI, 1, options);
    assert.deepEqual(found(first), found(analyzeText(text, URI, options)));
    assert.ok(first.problems.some((p) => p.rule === 'monitoring-required'), 'the second integration has its finding');
    assert.ok(!first.problems.some((p) => p.rule === 'unknown-reference'), 'the catalog systems resolve');
    const edited = text.replace('name: Order status\n', 'name: Order status, renamed\n');
    const second = analyzer.analyze(edited, URI, 2, options);
    assert.deepEqual(found(second), found(analyzeText(edited, URI, options)));
    assert.ok(analyzer.ruleStats.reused > 0, 'the unchanged integration is not checked again');
  });

  it('a changed context drops the kept findings: the same text, judged with a catalog that lost `erp`', () => {
    const analyzer = new IncrementalAnalyzer();
    analyzer.analyze(text, URI, 1, { today: TODAY, estate: context });
    const items = context.items.filter((i) => i.id !== 'erp');
    const without: EstateContext = { ...context, items, key: `${context.key}-without-erp` };
    const edited = text.replace('name: Order status\n', 'name: Order status, renamed\n');
    const after = analyzer.analyze(edited, URI, 2, { today: TODAY, estate: without });
    assert.deepEqual(found(after), found(analyzeText(edited, URI, { today: TODAY, estate: without })));
    assert.equal(analyzer.ruleStats.reused, 0);
    assert.ok(after.problems.some((p) => p.rule === 'unknown-reference' && /`erp`/.test(p.message)));
  });
});
