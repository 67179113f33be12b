/**
 * The landscape engine (server/src/landscape, SPEC 11): groups, the overview's aggregation, the
 * filters, the impact of a system (through `via`, onward, cycles) and saved views; and how
 * `diagramsFor` uses them for the preview's application tab.
 */
import assert from 'node:assert/strict';
import { generateManifest } from '../../bench/generate';
import { diagramsFor } from '../../server/src/diagram';
import { OVERVIEW_THRESHOLD } from '../../server/src/diagram/landscape';
import { filterIntegrations } from '../../server/src/landscape/filter';
import { landscapeOf } from '../../server/src/landscape/graph';
import { groupOf } from '../../server/src/landscape/groups';
import { impactOf } from '../../server/src/landscape/impact';
import { OVERVIEW_LIMITS, overviewOf } from '../../server/src/landscape/overview';
import { viewSelection } from '../../server/src/landscape/views';
import { landscapeRequest } from '../../shared/src/landscape';
import { joinLines, lintText, TODAY } from '../helpers/text';

type Sys = [id: string, domain?: string | undefined, kind?: string, hosting?: string];
type Int = [id: string, from: string, to: string, extra?: string[]];

function manifest(systems: Sys[], integrations: Int[], more: string[] = []): string {
  const lines = ['integrationManifest: 1', 'solution:', '  name: Landscape', 'goals:', '  - id: g1', '    title: Goal one', 'systems:'];
  for (const [id, domain, kind = 'erp', hosting = 'cloud'] of systems) {
    lines.push(`  - id: ${id}`, `    name: System ${id}`, `    kind: ${kind}`, `    hosting: ${hosting}`);
    if (domain) lines.push(`    domain: ${domain}`);
  }
  lines.push('integrations:');
  for (const [id, from, to, extra = []] of integrations) lines.push(`  - id: ${id}`, `    name: Integration ${id}`, '    type: data', `    from: ${from}`, `    to: ${to}`, ...extra.map((l) => `    ${l}`));
  return joinLines(...lines, ...more);
}

const ids = (list: readonly { id: string }[]) => list.map((x) => x.id);

describe('landscape', () => {
  describe('groups', () => {
    it('groups a system by its domain, else by its kind family', () => {
      const { manifest: m } = lintText(manifest([['a', 'Finance'], ['b', '  Finance  '], ['c', undefined, 'service-bus'], ['d', undefined, 'power-bi'], ['e', '   ']], []));
      assert.deepEqual(
        m.systems.map((s) => groupOf(s)),
        [
          { key: 'domain:Finance', title: 'Finance', domain: 'Finance' },
          { key: 'domain:Finance', title: 'Finance', domain: 'Finance' },
          { key: 'family:middleware', title: 'Middleware' },
          { key: 'family:analytics', title: 'Analytics' },
          { key: 'family:other', title: 'Other systems' },
        ],
      );
    });
  });

  describe('overview aggregation', () => {
    const text = manifest(
      [['f1', 'Finance'], ['f2', 'Finance'], ['s1', 'Sales'], ['s2', 'Sales'], ['w1', 'Warehouse'], ['bus', undefined, 'service-bus']],
      [
        ['i1', 'f1', 's1', ['type: data']],
        ['i2', 'f2', 's1', ['direction: two-way']],
        ['i3', 'f1', 'f2'],
        ['i4', 's2', 'w1', ['via: [bus]']],
        ['i5', 's1', 'f1'],
      ],
    );

    it('draws each group as one node and one edge per pair of groups (both ways), with the count and the types', () => {
      const a = lintText(text);
      const landscape = landscapeOf(a.manifest);
      const o = overviewOf(landscape, a.manifest.integrations, [...landscape.systems.values()], []);
      assert.deepEqual(
        o.groups.map((g) => [g.group.title, g.systems.length, g.expanded, ids(g.internal)]),
        [
          ['Finance', 2, false, ['i3']],
          ['Sales', 2, false, []],
          ['Warehouse', 1, false, []],
          ['Middleware', 1, false, []],
        ],
      );
      assert.deepEqual(
        o.edges.map((e) => [e.from.key, e.to.key, ids(e.integrations), e.types, e.twoWay]),
        [
          ['g:domain:Finance', 'g:domain:Sales', ['i1', 'i2', 'i5'], ['data'], true],
          ['g:domain:Sales', 'g:domain:Warehouse', ['i4'], ['data'], false],
        ],
      );
    });

    it('draws an expanded group with its systems and the integrations among them, and aggregates the others from its frame', () => {
      const a = lintText(text);
      const landscape = landscapeOf(a.manifest);
      const o = overviewOf(landscape, a.manifest.integrations, [...landscape.systems.values()], ['domain:Finance']);
      assert.deepEqual(
        o.groups.map((g) => [g.group.title, g.expanded]),
        [
          ['Finance', true],
          ['Sales', false],
          ['Warehouse', false],
          ['Middleware', false],
        ],
      );
      assert.deepEqual(
        o.edges.map((e) => [e.from.key, e.to.key, ids(e.integrations)]),
        [
          ['g:domain:Finance', 'g:domain:Sales', ['i1', 'i2', 'i5']],
          ['s:f1', 's:f2', ['i3']],
          ['g:domain:Sales', 'g:domain:Warehouse', ['i4']],
        ],
      );
    });

    it('expands groups in the order asked until the drawing would hold too many systems, and says which stayed collapsed', () => {
      const text = generateManifest({ integrations: 1000, systems: 500, domains: 8, seed: 7 });
      const a = lintText(text);
      const landscape = landscapeOf(a.manifest);
      const all = [...landscape.systems.values()];
      const o = overviewOf(landscape, a.manifest.integrations, all, 'all');
      const expanded = o.groups.filter((g) => g.expanded);
      assert.equal(expanded.length, 1, 'one domain of about 62 systems fits, two do not');
      assert.ok(expanded.reduce((n, g) => n + g.systems.length, 0) <= OVERVIEW_LIMITS.expandedSystems);
      assert.equal(o.notExpanded.length, 7);
      // Every integration between declared systems is on one edge or inside one collapsed group.
      const counted = o.edges.reduce((n, e) => n + e.integrations.length, 0) + o.groups.reduce((n, g) => n + g.internal.length, 0);
      assert.equal(counted, landscape.integrations.length);
    });

    it('draws domain names that Mermaid would read as syntax as text', () => {
      const names = ['end', 'subgraph x', '"]; click s0 call alert(1)', '<img src=x onerror=alert(1)>', 'direction TB', '%%{init: {"securityLevel":"loose"}}%%'];
      const a = lintText(manifest(names.map((n, i) => [`s${i}`, JSON.stringify(n)]), names.map((_, i) => [`i${i}`, `s${i}`, `s${(i + 1) % names.length}`])));
      const { mermaid, overview } = diagramsFor(a, { today: TODAY, landscape: { layout: 'overview' } }).application;
      assert.deepEqual(overview?.groups.map((g) => g.title), names);
      const labels = [...mermaid.matchAll(/^ {2}d\d+\["([^"]*)"\]$/gm)].map((m) => m[1]!);
      assert.equal(labels.length, names.length, 'one node per domain, each label in one pair of quotes');
      // Each name is written as entity codes where Mermaid would read syntax, and reads back as written.
      assert.deepEqual(
        labels.map((l) => l.split('<br/>')[0]!.replace(/#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))),
        names,
      );
      for (const label of labels) assert.doesNotMatch(label.split('<br/>')[0]!, /[<>"%]/, label);
    });

    it('merges the least busy groups into one node beyond the node limit', () => {
      const systems: Sys[] = Array.from({ length: 100 }, (_, i) => [`s${i}`, `Domain ${i}`]);
      const integrations: Int[] = Array.from({ length: 100 }, (_, i) => [`i${i}`, `s${i}`, `s${(i + 1) % (i < 10 ? 10 : 100)}`]);
      const a = lintText(manifest(systems, integrations));
      const landscape = landscapeOf(a.manifest);
      const o = overviewOf(landscape, a.manifest.integrations, [...landscape.systems.values()], []);
      assert.equal(o.groups.length, OVERVIEW_LIMITS.nodes);
      assert.equal(o.merged.length, 100 - OVERVIEW_LIMITS.nodes + 1);
      assert.equal(o.groups.at(-1)!.group.title, `${o.merged.length} more groups`);
    });
  });

  describe('filters', () => {
    const text = manifest(
      [['a', 'Finance'], ['b', 'Sales', 'erp', 'on-premises'], ['c', 'Sales'], ['d']],
      [
        ['i1', 'a', 'b', ['mode: sync', 'pattern: web-api', 'goals: [g1]']],
        ['i2', 'b', 'c', ['mode: async', 'pattern: messaging']],
        ['i3', 'c', 'd', ['mode: batch', 'pattern: dmf', 'goals: [g1]']],
      ],
    );
    const keep = (filter: Parameters<typeof filterIntegrations>[1], findings?: Parameters<typeof filterIntegrations>[2]) => {
      const a = lintText(text);
      return ids(filterIntegrations(landscapeOf(a.manifest), filter, findings));
    };

    it('keeps integrations that match every list given, one entry of each', () => {
      assert.deepEqual(keep({}), ['i1', 'i2', 'i3']);
      assert.deepEqual(keep({ modes: ['sync', 'batch'] }), ['i1', 'i3']);
      assert.deepEqual(keep({ patterns: ['messaging'] }), ['i2']);
      assert.deepEqual(keep({ types: ['ui'] }), []);
      assert.deepEqual(keep({ domains: ['domain:Finance'] }), ['i1']);
      assert.deepEqual(keep({ domains: ['family:other'] }), ['i3'], 'd has no domain: it is in its family group');
      assert.deepEqual(keep({ hostings: ['on-premises'] }), ['i1', 'i2']);
      assert.deepEqual(keep({ goals: ['g1'] }), ['i1', 'i3']);
      assert.deepEqual(keep({ goals: ['g1'], modes: ['sync'] }), ['i1']);
    });

    it('keeps only integrations with findings when asked', () => {
      assert.deepEqual(
        keep({ findingsOnly: true }, (i) => (i.id === 'i2' ? 1 : 0)),
        ['i2'],
      );
    });

    it('draws only what the filters keep, and says what they are', () => {
      const a = lintText(text);
      const set = diagramsFor(a, { today: TODAY, landscape: { filter: { modes: ['async'] } } });
      assert.deepEqual(Object.values(set.application.nodes).map((n) => n.itemId).sort(), ['b', 'c']);
      assert.equal(set.application.filtered?.message, 'Filtered (mode async): 1 of 3 integrations shown.');
      const none = diagramsFor(a, { today: TODAY, landscape: { filter: { types: ['ui'] } } });
      assert.match(none.application.filtered!.message, /No integration matches the filters \(type ui\)/);
      assert.match(none.application.mermaid, /empty\[/, 'a node says why the diagram is empty');
    });

    it('reads a request from the webview only in its expected shape', () => {
      assert.deepEqual(landscapeRequest({ expanded: ['domain:A'], filter: { types: ['data'], findingsOnly: false, domains: [] }, extra: 1 }), { expanded: ['domain:A'], filter: { types: ['data'] } });
      assert.equal(landscapeRequest({ expanded: 'domain:A' }), undefined);
      assert.equal(landscapeRequest({ filter: { types: [1] } }), undefined);
      assert.equal(landscapeRequest({ layout: 'everything' }), undefined);
      assert.equal(landscapeRequest(null), undefined);
      assert.equal(landscapeRequest({ expanded: Array.from({ length: 501 }, () => 'x') }), undefined);
    });
  });

  describe('impact', () => {
    it('walks upstream and downstream through via and onward, following integrations end to end', () => {
      const text = manifest(
        [['crm'], ['erp'], ['wh'], ['bi'], ['bus', undefined, 'service-bus'], ['hr'], ['pay']],
        [
          ['i1', 'crm', 'erp', ['via: [bus]']],
          ['i2', 'erp', 'wh'],
          ['i3', 'wh', 'bi'],
          // Also through the bus, but nothing to do with crm's data.
          ['i4', 'hr', 'pay', ['via: [bus]']],
        ],
      );
      const landscape = landscapeOf(lintText(text).manifest);
      const erp = impactOf(landscape, 'erp')!;
      assert.deepEqual(ids(erp.upstream), ['bus', 'crm'], 'nearest first');
      assert.deepEqual(ids(erp.downstream), ['wh', 'bi']);
      assert.deepEqual(ids(erp.inbound), ['i1']);
      assert.deepEqual(ids(erp.outbound), ['i2']);
      assert.deepEqual(ids(erp.integrations), ['i1', 'i2', 'i3']);
      const crm = impactOf(landscape, 'crm')!;
      assert.deepEqual(ids(crm.downstream), ['bus', 'erp', 'wh', 'bi'], 'the bus on the way, and not pay behind the same bus');
      assert.deepEqual(ids(crm.upstream), []);
      const bus = impactOf(landscape, 'bus')!;
      assert.deepEqual(ids(bus.downstream).sort(), ['bi', 'erp', 'pay', 'wh']);
      assert.deepEqual(ids(bus.upstream).sort(), ['crm', 'hr']);
      assert.deepEqual(ids(bus.through), ['i1', 'i4']);
      assert.equal(impactOf(landscape, 'nope'), undefined);
    });

    it('ends on cycles, including cycles through via and two-way integrations', () => {
      const text = manifest(
        [['a'], ['b'], ['c'], ['m', undefined, 'logic-apps'], ['x']],
        [
          ['i1', 'a', 'b', ['via: [m]']],
          ['i2', 'b', 'c', ['via: [m]']],
          ['i3', 'c', 'a', ['via: [m]']],
          ['i4', 'x', 'a', ['direction: two-way']],
          ['i5', 'm', 'm'],
        ],
      );
      const landscape = landscapeOf(lintText(text).manifest);
      const a = impactOf(landscape, 'a')!;
      assert.deepEqual(ids(a.downstream), ['m', 'b', 'x', 'c']);
      assert.deepEqual(ids(a.upstream), ['m', 'c', 'x', 'b']);
      assert.deepEqual(ids(a.inbound), ['i3', 'i4']);
      assert.deepEqual(ids(a.outbound), ['i1', 'i4']);
      const m = impactOf(landscape, 'm')!;
      assert.deepEqual(ids(m.downstream).sort(), ['a', 'b', 'c', 'x']);
    });

    it('marks the impact of a system on the application diagram', () => {
      const text = manifest([['a'], ['b'], ['c'], ['d']], [['i1', 'a', 'b'], ['i2', 'b', 'c']]);
      const set = diagramsFor(lintText(text), { today: TODAY, landscape: { impact: 'b' } });
      assert.deepEqual(set.application.impact, {
        systemId: 'b',
        systemName: 'System b',
        upstream: ['a'],
        downstream: ['c'],
        integrations: ['i1', 'i2'],
        groups: ['family:other'],
        message: 'Impact of System b: 1 system upstream, 1 system downstream, through 2 integrations; the rest is dimmed.',
      });
      assert.equal(diagramsFor(lintText(text), { today: TODAY, landscape: { impact: 'zz' } }).application.impact, undefined);
    });
  });

  describe('views', () => {
    const views = [
      'views:',
      '  - id: finance',
      '    title: Finance',
      '    include: { domains: [Finance] }',
      '  - id: sync-sales',
      '    title: Synchronous, from sales',
      '    include: { systems: [s1], types: [data] }',
      '    neighbours: 1',
      '    groupBy: none',
      '  - id: goal',
      '    title: Goal one',
      '    include: { goals: [g1], patterns: [web-api] }',
      '  - id: tagged',
      '    title: Tagged',
      '    include: { tags: [core] }',
    ];
    const text = manifest(
      [['f1', 'Finance'], ['f2', 'Finance'], ['s1', 'Sales'], ['s2', 'Sales'], ['w1', 'Warehouse']],
      [
        ['i1', 'f1', 's1', ['goals: [g1]', 'pattern: web-api']],
        ['i2', 's1', 's2', ['tags: [core]']],
        ['i3', 's2', 'w1', ['goals: [g1]']],
        ['i4', 'w1', 'f2'],
      ],
      views,
    );
    const select = (id: string) => {
      const m = lintText(text).manifest;
      const s = viewSelection(landscapeOf(m), m.views.find((v) => v.id === id)!);
      return [ids(s.integrations), ids(s.systems)];
    };

    it('reads views from the manifest', () => {
      const { manifest: m, problems } = lintText(text);
      assert.deepEqual(
        problems.filter((p) => p.severity === 'error'),
        [],
      );
      assert.deepEqual(
        m.views.map((v) => [v.id, v.title, v.groupBy, v.neighbours, v.include.domains.map((d) => d.value), ids(v.include.systems)]),
        [
          ['finance', 'Finance', 'hosting', 0, ['Finance'], []],
          ['sync-sales', 'Synchronous, from sales', 'none', 1, [], ['s1']],
          ['goal', 'Goal one', 'hosting', 0, [], []],
          ['tagged', 'Tagged', 'hosting', 0, [], []],
        ],
      );
    });

    it('selects the integrations that match every list of include, then the neighbours', () => {
      assert.deepEqual(select('finance'), [
        ['i1', 'i4'],
        ['f1', 'f2', 's1', 'w1'],
      ]);
      // s1's data integrations (i1, i2), then one step on from f1, s1, s2: i3.
      assert.deepEqual(select('sync-sales'), [
        ['i1', 'i2', 'i3'],
        ['f1', 's1', 's2', 'w1'],
      ]);
      assert.deepEqual(select('goal'), [['i1'], ['f1', 's1']]);
      assert.deepEqual(select('tagged'), [['i2'], ['s1', 's2']]);
    });

    it('gives each view its own diagram in the set, grouped as it says', () => {
      const set = diagramsFor(lintText(text), { today: TODAY });
      assert.deepEqual(
        set.views?.map((v) => [v.id, v.title, Object.values(v.application.nodes).map((n) => n.itemId)]),
        [
          ['finance', 'Finance', ['f1', 'f2', 's1', 'w1']],
          ['sync-sales', 'Synchronous, from sales', ['f1', 's1', 's2', 'w1']],
          ['goal', 'Goal one', ['f1', 's1']],
          ['tagged', 'Tagged', ['s1', 's2']],
        ],
      );
      assert.doesNotMatch(set.views[1]!.application.mermaid, /subgraph/, 'groupBy: none');
      assert.match(set.views[0]!.application.mermaid, /subgraph g_cloud\["Cloud"\]\n {4}subgraph g_cloud_0\["Finance"\]/);
    });
  });

  describe('the application tab at any size', () => {
    it('groups by hosting, then by domain, then by family for systems without one', () => {
      const text = manifest([['a', 'Finance'], ['b', undefined, 'service-bus'], ['c', 'Finance', 'erp', 'on-premises']], [['i1', 'a', 'c', ['via: [b]']]]);
      const { mermaid } = diagramsFor(lintText(text), { today: TODAY }).application;
      assert.match(mermaid, /subgraph g_cloud\["Cloud"\]\n {4}subgraph g_cloud_0\["Finance"\]\n {6}s0\[[^\n]*\n {4}end\n {4}subgraph g_cloud_1\["Middleware"\]\n {6}s1\{\{[^\n]*\n {4}end\n {2}end\n {2}subgraph g_onprem\["On-premises"\]\n {4}subgraph g_onprem_0\["Finance"\]/);
    });

    it(`opens on the overview above ${OVERVIEW_THRESHOLD.systems} systems or ${OVERVIEW_THRESHOLD.integrations} integrations, and expands what is asked`, () => {
      const small = lintText(generateManifest({ integrations: 40, systems: 20, domains: 8, seed: 3 }));
      assert.equal(diagramsFor(small, { today: TODAY }).application.overview, undefined);
      const over = lintText(generateManifest({ integrations: 42, systems: 21, domains: 8, seed: 3 }));
      assert.equal(diagramsFor(over, { today: TODAY }).application.overview?.automatic, true, 'one system more opens on the overview');
      const large = lintText(generateManifest({ integrations: 1000, systems: 500, domains: 8, seed: 3 }));
      const set = diagramsFor(large, { today: TODAY });
      const overview = set.application.overview!;
      assert.ok(overview, 'an overview');
      assert.equal(overview.automatic, true);
      assert.deepEqual(
        overview.groups.map((g) => [g.title, g.systems, g.expanded]),
        ['Finance', 'Sales', 'Supply chain', 'Customer service', 'Human resources', 'Marketing', 'Manufacturing', 'Commerce'].map((t, i) => [t, i < 4 ? 63 : 62, false]),
      );
      assert.match(overview.message, /^This landscape has 500 systems and 1000 integrations, more than one diagram draws legibly \(20 systems or 40 integrations\), so it opens as an overview\. Each domain is one node; click one to see its systems\.$/);
      assert.equal(Object.values(set.application.nodes).filter((n) => n.kind === 'domain').length, 8);
      assert.ok(set.application.edgeCount <= 28, 'at most one edge per pair of the 8 domains');
      const expanded = diagramsFor(large, { today: TODAY, landscape: { expanded: ['domain:Sales'] } }).application;
      assert.deepEqual(
        expanded.overview!.groups.filter((g) => g.expanded).map((g) => g.title),
        ['Sales'],
      );
      assert.equal(Object.values(expanded.nodes).filter((n) => n.kind === 'system').length, 63);
      assert.match(expanded.overview!.message, /Sales is drawn with its systems; click another domain to expand it\./);
      const whole = diagramsFor(large, { today: TODAY, landscape: { layout: 'whole' } }).application;
      assert.equal(whole.overview, undefined);
      assert.equal(whole.focus?.forced, true, 'asked for the whole landscape, it is too large: the focus view');
    });
  });
});
