/**
 * The rules that judge over the estate, with real files: ids unique across it (reported in
 * each file, with related information to the other), references through imports, and
 * `unused-system`, `unused-goal`, `middleware-hub` counting what the other manifests do.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { diagnostics } from '../../../server/src/features/diagnostics';
import { lintText } from '../../helpers/text';
import { CATALOG, domain, estateFolder, type EstateFolder } from './estateFolder';

describe('estate: rules over several manifests', () => {
  let folder: EstateFolder;
  beforeEach(() => (folder = estateFolder()));
  afterEach(() => folder.remove());

  const rulesOf = (problems: { rule: string }[] | undefined) => (problems ?? []).map((p) => p.rule);

  it('references resolve through imports, transitively; judged alone the same manifest names unknown systems', async () => {
    folder.write('shared/systems.integration.yaml', ...CATALOG);
    folder.write('shared/all.integration.yaml', 'integrationManifest: 1', 'imports: [./systems.integration.yaml]');
    const text = folder.write('status.integration.yaml', ...domain('./shared/all.integration.yaml'));
    const analyses = await folder.analyze('status.integration.yaml');
    assert.deepEqual(rulesOf(analyses.get('status.integration.yaml')?.problems), []);
    const alone = lintText(readFileSync(text, 'utf8'));
    assert.deepEqual(
      alone.problems.filter((p) => p.rule === 'unknown-reference').map((p) => p.message.split(',')[0]),
      ['`from` names `erp`', '`to` names `sales`', '`via` names `bus`', '`systemOfRecord` names `erp`', '`goals` names `visibility`'],
    );
  });

  it('an unknown reference suggests an imported id, and offers no "Create" for an id the catalog declares', async () => {
    folder.write('shared/systems.integration.yaml', ...CATALOG);
    folder.write('status.integration.yaml', ...domain('./shared/systems.integration.yaml').map((l) => l.replace('to: sales', 'to: saless')));
    const [problem] = (await folder.analyze('status.integration.yaml')).get('status.integration.yaml')!.problems;
    assert.equal(problem?.rule, 'unknown-reference');
    assert.equal(problem?.message, '`to` names `saless`, but no system has that id; did you mean `sales`?');
  });

  it('an item of an imported manifest is in the namespace: findSystem finds it, with its file', async () => {
    folder.write('shared/systems.integration.yaml', ...CATALOG);
    folder.write('status.integration.yaml', ...domain('./shared/systems.integration.yaml'));
    const { manifest } = (await folder.analyze('status.integration.yaml')).get('status.integration.yaml')!;
    const erp = manifest.imported.get('erp')?.[0];
    assert.equal(erp?.kind, 'system');
    assert.equal(erp?.kind === 'system' ? erp.hosting : undefined, 'cloud');
    assert.equal(erp?.origin?.file, 'shared/systems.integration.yaml');
    assert.equal(erp?.origin?.uri, pathToFileURL(join(folder.root, 'shared/systems.integration.yaml')).href);
    assert.deepEqual(erp?.origin?.range.start, { line: 9, character: 8 });
  });

  it('duplicate-id: an id declared in two manifests of the estate is reported in each, with related information to the other', async () => {
    folder.write('shared/systems.integration.yaml', ...CATALOG);
    folder.write('status.integration.yaml', ...domain('./shared/systems.integration.yaml', 'status', ['systems:', '  - id: erp', '    name: Our ERP', '    kind: erp', '    hosting: cloud']));
    const analyses = await folder.analyze('status.integration.yaml');
    const own = analyses.get('status.integration.yaml')!.problems.filter((p) => p.rule === 'duplicate-id');
    const shared = analyses.get('shared/systems.integration.yaml')!.problems.filter((p) => p.rule === 'duplicate-id');
    assert.equal(own.length, 1);
    assert.equal(shared.length, 1);
    assert.equal(
      own[0]!.message,
      'The id `erp` is also used by the system in `shared/systems.integration.yaml` (line 10). Ids are unique across the manifests connected by imports: give this system an id of its own, or use the one declared there instead of declaring it again.',
    );
    assert.deepEqual(own[0]!.related?.map((r) => [r.at.file, r.at.range.start.line, r.message]), [['shared/systems.integration.yaml', 9, 'The system `erp` (ERP) in shared/systems.integration.yaml']]);
    assert.deepEqual(shared[0]!.related?.map((r) => [r.at.file, r.at.range.start.line, r.message]), [['status.integration.yaml', 9, 'The system `erp` (Our ERP) in status.integration.yaml']]);
    // The LSP diagnostic carries it as relatedInformation, in the other file's URI.
    const [diagnostic] = diagnostics(analyses.get('status.integration.yaml')!).filter((d) => d.code === 'duplicate-id');
    assert.deepEqual(diagnostic?.relatedInformation, [
      {
        location: { uri: pathToFileURL(join(folder.root, 'shared/systems.integration.yaml')).href, range: { start: { line: 9, character: 8 }, end: { line: 9, character: 11 } } },
        message: "The system 'erp' (ERP) in shared/systems.integration.yaml",
      },
    ]);
  });

  it('duplicate-id: two domain manifests of one catalog that both declare an integration id', async () => {
    folder.write('shared/systems.integration.yaml', ...CATALOG);
    folder.write('sales.integration.yaml', ...domain('./shared/systems.integration.yaml', 'status'));
    folder.write('finance.integration.yaml', ...domain('./shared/systems.integration.yaml', 'status'));
    const analyses = await folder.analyze('sales.integration.yaml', 'finance.integration.yaml');
    assert.deepEqual(rulesOf(analyses.get('sales.integration.yaml')?.problems), ['duplicate-id']);
    assert.deepEqual(rulesOf(analyses.get('finance.integration.yaml')?.problems), ['duplicate-id']);
    assert.deepEqual(analyses.get('sales.integration.yaml')!.problems[0]!.related?.map((r) => r.at.file), ['finance.integration.yaml']);
  });

  it('duplicate-id: ids declared again in several manifests, each reported once with every other place, in the order of the estate', async () => {
    folder.write('shared/systems.integration.yaml', ...CATALOG);
    // Three domains that all declare the integration `status`; the first also declares `bus` and `sales` again (the catalog's), in that order.
    const again = ['systems:', '  - id: bus', '    name: Our bus', '    kind: service-bus', '    hosting: cloud', '  - id: sales', '    name: Our Sales', '    kind: dynamics-365-sales', '    hosting: cloud'];
    folder.write('a.integration.yaml', ...domain('./shared/systems.integration.yaml', 'status', again));
    folder.write('b.integration.yaml', ...domain('./shared/systems.integration.yaml', 'status'));
    folder.write('c.integration.yaml', ...domain('./shared/systems.integration.yaml', 'status'));
    const analyses = await folder.analyze('a.integration.yaml', 'b.integration.yaml', 'c.integration.yaml');
    const found = analyses.get('a.integration.yaml')!.problems.filter((p) => p.rule === 'duplicate-id');
    const ids = found.map((p) => /`([^`]+)`/.exec(p.message)![1]);
    assert.deepEqual(ids, ['bus', 'sales', 'status'], 'in the order of the manifest');
    assert.match(found[2]!.message, /also used by the integration in `b\.integration\.yaml` \(line \d+\) and 1 more\./);
    assert.deepEqual(found[2]!.related?.map((r) => r.at.file), ['b.integration.yaml', 'c.integration.yaml']);
    assert.deepEqual(found[0]!.related?.map((r) => r.at.file), ['shared/systems.integration.yaml']);
    assert.deepEqual(found[1]!.related?.map((r) => r.at.file), ['shared/systems.integration.yaml']);
  });

  it('unused-system and unused-goal: a catalog system or goal used by a domain manifest is used; one used nowhere in the estate is not', async () => {
    folder.write('shared/systems.integration.yaml', ...CATALOG, '  - id: crm', '    name: Old CRM', '    kind: custom', '    hosting: cloud', 'actors:', '  - id: clerk', '    name: Clerk');
    folder.write('shared/goals.integration.yaml', 'integrationManifest: 1', 'goals:', '  - id: cash', '    title: Cash sooner');
    folder.write('status.integration.yaml', ...domain('./shared/systems.integration.yaml').slice(0, 3), '  - ./shared/goals.integration.yaml', ...domain('x').slice(3));
    const analyses = await folder.analyze('status.integration.yaml');
    const catalog = analyses.get('shared/systems.integration.yaml')!.problems;
    assert.deepEqual(catalog.map((p) => `${p.rule}: ${p.message}`), [
      'unused-system: System `crm` (Old CRM) takes part in no integration of this manifest or those connected to it by imports. Add the integrations it has, or remove it from `systems` if the solution does not integrate with it.',
    ]);
    assert.deepEqual(rulesOf(analyses.get('shared/goals.integration.yaml')?.problems), ['unused-goal']);
    // Judged alone, the catalog's systems are all unused.
    const alone = await folder.analyze('shared/systems.integration.yaml');
    assert.deepEqual(rulesOf(alone.get('shared/systems.integration.yaml')?.problems).filter((r) => r === 'unused-system').length, 3);
  });

  it('middleware-hub counts the point-to-point integrations of every manifest of the estate, and names their files', async () => {
    folder.write('shared/systems.integration.yaml', ...CATALOG);
    const pointToPoint = (id: string) => domain('./shared/systems.integration.yaml', id).filter((l) => !l.includes('via: [bus]') && !l.includes('pattern:'));
    for (const id of ['a', 'b', 'c']) folder.write(`${id}.integration.yaml`, ...pointToPoint(`${id}-status`));
    const three = await folder.analyze('a.integration.yaml', 'b.integration.yaml', 'c.integration.yaml');
    assert.deepEqual(rulesOf(three.get('shared/systems.integration.yaml')?.problems), []);
    folder.write('d.integration.yaml', ...pointToPoint('d-status'));
    const four = await folder.analyze('a.integration.yaml', 'b.integration.yaml', 'c.integration.yaml', 'd.integration.yaml');
    const hubs = four.get('shared/systems.integration.yaml')!.problems.filter((p) => p.rule === 'middleware-hub');
    assert.deepEqual(hubs.map((p) => p.message.split(' (')[0] + ' (' + p.message.split(' (')[1]!.split(')')[0] + ')'), [
      'System `sales` is an end of 4 point-to-point integrations (`a.integration.yaml: a-status`, `b.integration.yaml: b-status`, `c.integration.yaml: c-status`, `d.integration.yaml: d-status`)',
      'System `erp` is an end of 4 point-to-point integrations (`a.integration.yaml: a-status`, `b.integration.yaml: b-status`, `c.integration.yaml: c-status`, `d.integration.yaml: d-status`)',
    ]);
  });

  it('a manifest that is only imported needs no solution; analysed alone it does', async () => {
    folder.write('shared/systems.integration.yaml', ...CATALOG);
    folder.write('status.integration.yaml', ...domain('./shared/systems.integration.yaml'));
    const inEstate = await folder.analyze('status.integration.yaml');
    assert.deepEqual(rulesOf(inEstate.get('shared/systems.integration.yaml')?.problems), []);
    const alone = await folder.analyze('shared/systems.integration.yaml');
    assert.ok(alone.get('shared/systems.integration.yaml')!.problems.some((p) => p.rule === 'schema' && /`solution`/.test(p.message)));
  });
});
