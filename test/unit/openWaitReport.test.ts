import { strict as assert } from 'node:assert';
import { OPEN_WAIT_HEADING, openWaitBarMet, openWaitBarText, openWaitSection, spliceOpenWaitSection, type OpenWaitResult } from '../../bench/openWaitReport';

const RESULT: OpenWaitResult = {
  mb: 9.5,
  integrations: 33_000,
  openToDiagnostics: 44_301,
  waits: { runs: 3243, median: 0.9, p95: 14.6, max: 87.5 },
  first: 87.5,
  othersLongest: 61.2,
  floor: { runs: 5, median: 95.1, p95: 117, max: 117 },
  longWaits: [{ at: 12, ms: 61.2 }],
  memory: { rssMb: 2355, peakRssMb: 2400 },
  openedAt: 0,
};

describe('the report of requests timed while a 10 MB manifest opens', () => {
  const section = openWaitSection(RESULT, 'Measured now');

  it('gives the figures, the memory with its peak, and each long wait', () => {
    const text = section.join('\n');
    assert.equal(section[0], OPEN_WAIT_HEADING);
    assert.match(text, /\| 9\.5 MB \| 44301 \| 3243 \| p50 0\.9, p95 14\.6, \*\*longest 87\.5\*\* \| 2355 MB \(2400\) \|/);
    assert.match(text, /The first request, sent right behind the `didOpen`, waited 87\.5 ms: it is read after the 9\.5 MB message/);
    assert.match(text, /answers a request sent behind the same message in 95\.1 ms \(median of 5; longest 117: `bench\/transportFloor\.ts`\)\. Every other request waited at most 61\.2 ms\./);
    assert.match(text, /over 50 ms \(1; at most the 12 longest are named\), with when they were asked after the `didOpen`: 61\.2 ms at 0\.0 s\./);
  });

  it('names the longest waits in the order they came, and counts the rest', () => {
    const longWaits = Array.from({ length: 14 }, (_, i) => ({ at: i * 1000, ms: 51 + i }));
    const text = openWaitSection({ ...RESULT, longWaits }, 'Measured now').join('\n');
    assert.match(text, /\(14; at most the 12 longest are named\), with when they were asked after the `didOpen`: 53\.0 ms at 2\.0 s, 54\.0 ms at 3\.0 s, .*, 64\.0 ms at 13\.0 s, and 2 shorter\./);
  });

  it('holds every request to 100 ms but the one behind the didOpen, held to what the transport alone takes', () => {
    assert.equal(openWaitBarMet(RESULT), true);
    assert.equal(openWaitBarText(RESULT), 'while 9.5 MB opened, 3243 requests: every one at most 61.2 ms but the first, sent right behind the `didOpen`: 87.5 ms, where the transport alone takes 95.1 ms (median; longest 117)');
    // Another request over 100 ms fails the bar, and so does a first request slower than the transport ever was.
    assert.equal(openWaitBarMet({ ...RESULT, othersLongest: 101 }), false);
    assert.equal(openWaitBarMet({ ...RESULT, first: 116 }), true);
    assert.equal(openWaitBarMet({ ...RESULT, first: 118 }), false);
    assert.equal(openWaitBarMet({ ...RESULT, first: 99, floor: { runs: 5, median: 40, p95: 50, max: 50 } }), true);
  });

  it('replaces the section in place, leaving the others as they were', () => {
    const report = ['# B', '', '## The language server', '', 'old table', '', OPEN_WAIT_HEADING, '', 'old figures', '', '## Diagrams', '', 'kept'].join('\n');
    const spliced = spliceOpenWaitSection(report, section);
    assert.ok(!spliced.includes('old figures'));
    assert.ok(spliced.includes('old table') && spliced.endsWith('## Diagrams\n\nkept'));
    assert.equal(spliced.split(OPEN_WAIT_HEADING).length, 2);
    assert.ok(spliced.indexOf(OPEN_WAIT_HEADING) < spliced.indexOf('## Diagrams'));
    // Spliced again: the same report.
    assert.equal(spliceOpenWaitSection(spliced, section), spliced);
  });

  it('goes after the server section when the report has none', () => {
    const report = ['# B', '', '## The language server', '', 'table', '', '## Diagrams', '', 'kept'].join('\n');
    const spliced = spliceOpenWaitSection(report, section);
    assert.ok(spliced.indexOf('table') < spliced.indexOf(OPEN_WAIT_HEADING));
    assert.ok(spliced.indexOf(OPEN_WAIT_HEADING) < spliced.indexOf('## Diagrams'));
  });
});
