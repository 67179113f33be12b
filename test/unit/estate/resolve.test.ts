/**
 * Resolving imports with real files in a temporary folder: what resolves, and every refusal
 * of `import-unresolved` (missing, not a manifest, a cycle named, absolute, URL, `..` out of
 * the root, a symlink out of the root). Nothing outside the root is read.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { estateContextOf, estateOf, estatesOf, importsOf, standsAlone } from '../../../server/src/estate/context';
import { estatePath, nodeEstateFiles } from '../../../server/src/node/estateFiles';
import type { EstateFiles } from '../../../server/src/estate/files';
import { loadEstate, WHOLE_BELOW_CHARS, type Estate } from '../../../server/src/estate/load';
import { CATALOG, domain, estateFolder, type EstateFolder } from './estateFolder';

describe('estate: resolving imports', () => {
  let folder: EstateFolder;
  beforeEach(() => (folder = estateFolder()));
  afterEach(() => folder.remove());

  /** The `import-unresolved` messages of `file` once `entry` is analysed with its estate. */
  async function refusals(entry: string, file = entry): Promise<string[]> {
    const analyses = await folder.analyze(entry);
    return (analyses.get(file)?.problems ?? []).filter((p) => p.rule === 'import-unresolved').map((p) => p.message);
  }

  it('resolves a path relative to the importing file, through sub-folders and ../ inside the root', async () => {
    folder.write('shared/systems.integration.yaml', ...CATALOG);
    folder.write('sales/status.integration.yaml', ...domain('../shared/systems.integration.yaml'));
    const estate = await folder.load('sales/status.integration.yaml');
    assert.deepEqual([...estate.nodes.values()].map((n) => n.file), ['sales/status.integration.yaml', 'shared/systems.integration.yaml']);
    const [edge] = estate.nodes.get(estatePath(join(folder.root, 'sales/status.integration.yaml')))!.imports;
    assert.equal(edge?.target, estatePath(join(folder.root, 'shared/systems.integration.yaml')));
    assert.equal(edge?.refused, undefined);
  });

  it('a domain manifest that uses the catalog has no finding, and the catalog needs no solution', async () => {
    folder.write('shared/systems.integration.yaml', ...CATALOG);
    folder.write('status.integration.yaml', ...domain('./shared/systems.integration.yaml'));
    const analyses = await folder.analyze('status.integration.yaml');
    assert.deepEqual(analyses.get('status.integration.yaml')?.problems.map((p) => `${p.rule}: ${p.message}`), []);
    assert.deepEqual(analyses.get('shared/systems.integration.yaml')?.problems.map((p) => `${p.rule}: ${p.message}`), []);
  });

  it('refuses a file that does not exist', async () => {
    folder.write('a.integration.yaml', ...domain('./shared/nowhere.integration.yaml'));
    assert.deepEqual(await refusals('a.integration.yaml'), ['No file `shared/nowhere.integration.yaml` exists. Check the path: it is relative to this manifest.']);
  });

  it('refuses a file that is not a manifest: other YAML, broken text, a folder', async () => {
    folder.write('other.yaml', 'name: not a manifest');
    folder.write('broken.yaml', '{{{ [');
    folder.write('folder.integration.yaml/inner.txt', 'x');
    folder.write('a.integration.yaml', ...domain('./other.yaml', 'status', []).slice(0, 3), '  - ./broken.yaml', '  - ./folder.integration.yaml', ...domain('x').slice(3));
    assert.deepEqual(await refusals('a.integration.yaml'), [
      '`other.yaml` is not an integration manifest: it has no `integrationManifest: 1` at the top.',
      '`broken.yaml` is not an integration manifest: it has no `integrationManifest: 1` at the top.',
      '`folder.integration.yaml` is not a file. An import names a manifest file (`*.integration.yaml`).',
    ]);
  });

  it('refuses an absolute path, a URL, a Windows path and backslashes without reading anything', async () => {
    const read: string[] = [];
    const disk = await nodeEstateFiles(folder.root);
    const files: EstateFiles = { ...disk, read: (path) => (read.push(path), disk.read(path)) };
    const catalog = folder.write('shared/systems.integration.yaml', ...CATALOG);
    const entry = folder.write('a.integration.yaml', 'integrationManifest: 1', 'imports:', `  - ${catalog}`, '  - https://contoso.example/systems.integration.yaml', '  - C:\\estate\\systems.integration.yaml', '  - shared\\systems.integration.yaml', 'solution:', '  name: A');
    const estate = await loadEstate([estatePath(entry)], files);
    assert.deepEqual(read, [estatePath(entry)]);
    const context = estateContextOf(estate, estatePath(entry))!;
    assert.deepEqual(context.imports.map((i) => i.refused), [
      `\`${catalog}\` is an absolute path. Write the path relative to this manifest, such as \`./shared/systems.integration.yaml\`.`,
      '`https://contoso.example/systems.integration.yaml` is a URL. Imports name manifests in the workspace by their path relative to this manifest, such as `./shared/systems.integration.yaml`.',
      '`C:\\estate\\systems.integration.yaml` is an absolute path. Write the path relative to this manifest, such as `./shared/systems.integration.yaml`.',
      '`shared\\systems.integration.yaml` uses backslashes. Write the path with forward slashes (`shared/systems.integration.yaml`), which work on every system.',
    ]);
  });

  it('refuses a path that leaves the root by ../, and never reads the file there', async () => {
    writeFileSync(join(folder.base, 'outside.integration.yaml'), CATALOG.join('\n'));
    const read: string[] = [];
    const disk = await nodeEstateFiles(folder.root);
    const files: EstateFiles = { ...disk, read: (path) => (read.push(path), disk.read(path)) };
    const entry = folder.write('a.integration.yaml', ...domain('../outside.integration.yaml'));
    const estate = await loadEstate([estatePath(entry)], files);
    assert.deepEqual(read, [estatePath(entry)]);
    assert.deepEqual(estateContextOf(estate, estatePath(entry))?.imports.map((i) => i.refused), ['`../outside.integration.yaml` leaves the workspace folder. Imports name manifests inside it; nothing outside is read.']);
    assert.deepEqual(await refusals('a.integration.yaml'), ['`../outside.integration.yaml` leaves the workspace folder. Imports name manifests inside it; nothing outside is read.']);
  });

  it('refuses a symlink inside the root that leads out of it (a file, and a folder), and reads nothing there', async () => {
    const outside = join(folder.base, 'outside');
    folder.write('../outside/systems.integration.yaml', ...CATALOG);
    folder.link('linked.integration.yaml', join(outside, 'systems.integration.yaml'));
    folder.link('linked-folder', outside);
    folder.write('a.integration.yaml', ...domain('./linked.integration.yaml').slice(0, 3), '  - ./linked-folder/systems.integration.yaml', ...domain('x').slice(3));
    const estate = await folder.load('a.integration.yaml');
    assert.deepEqual([...estate.nodes.values()].map((n) => n.file), ['a.integration.yaml']);
    assert.deepEqual(await refusals('a.integration.yaml'), [
      '`./linked.integration.yaml` leads outside the workspace folder (through a symbolic link). Imports name manifests inside it; nothing outside is read.',
      '`./linked-folder/systems.integration.yaml` leads outside the workspace folder (through a symbolic link). Imports name manifests inside it; nothing outside is read.',
    ]);
  });

  it('follows a symlink that stays inside the root, and names the file by its real path', async () => {
    folder.write('shared/systems.integration.yaml', ...CATALOG);
    folder.link('alias.integration.yaml', join(folder.root, 'shared/systems.integration.yaml'));
    folder.write('a.integration.yaml', ...domain('./alias.integration.yaml'));
    const analyses = await folder.analyze('a.integration.yaml');
    assert.deepEqual([...analyses.keys()], ['a.integration.yaml', 'shared/systems.integration.yaml']);
    assert.deepEqual(analyses.get('a.integration.yaml')?.problems.map((p) => p.rule), []);
  });

  it('names a cycle from each manifest on it, and refuses the imports that close it', async () => {
    folder.write('a.integration.yaml', 'integrationManifest: 1', 'imports: [./b.integration.yaml]', 'solution:', '  name: A');
    folder.write('b.integration.yaml', 'integrationManifest: 1', 'imports: [./sub/c.integration.yaml]', 'solution:', '  name: B');
    folder.write('sub/c.integration.yaml', 'integrationManifest: 1', 'imports: [../a.integration.yaml]', 'solution:', '  name: C');
    const analyses = await folder.analyze('a.integration.yaml');
    const cycleOf = (file: string) => analyses.get(file)?.problems.filter((p) => p.rule === 'import-unresolved').map((p) => p.message);
    assert.deepEqual(cycleOf('a.integration.yaml'), [
      'This import forms a cycle: `a.integration.yaml` → `b.integration.yaml` → `sub/c.integration.yaml` → `a.integration.yaml`. Imports go one way: move what both manifests need into a manifest that both import.',
    ]);
    assert.match(cycleOf('sub/c.integration.yaml')?.[0] ?? '', /cycle: `sub\/c.integration.yaml` → `a.integration.yaml` → `b.integration.yaml` → `sub\/c.integration.yaml`/);
  });

  it('refuses an import of the manifest itself', async () => {
    folder.write('a.integration.yaml', 'integrationManifest: 1', 'imports: [./a.integration.yaml]', 'solution:', '  name: A');
    assert.deepEqual(await refusals('a.integration.yaml'), ['`./a.integration.yaml` is this manifest itself. Import other manifests only.']);
  });

  it('the estate is every manifest connected by imports, in either direction', async () => {
    folder.write('shared/systems.integration.yaml', ...CATALOG);
    folder.write('sales.integration.yaml', ...domain('./shared/systems.integration.yaml', 'sales-status'));
    folder.write('finance.integration.yaml', ...domain('./shared/systems.integration.yaml', 'finance-status'));
    folder.write('alone.integration.yaml', 'integrationManifest: 1', 'solution:', '  name: Alone');
    const estate = await folder.load('sales.integration.yaml', 'finance.integration.yaml', 'alone.integration.yaml');
    const files = (paths: readonly string[]) => paths.map((p) => estate.nodes.get(p)!.file);
    const sales = estatePath(join(folder.root, 'sales.integration.yaml'));
    assert.deepEqual(files(estateOf(estate, sales)), ['sales.integration.yaml', 'finance.integration.yaml', 'shared/systems.integration.yaml']);
    assert.deepEqual(files(estateOf(estate, estatePath(join(folder.root, 'alone.integration.yaml')))), ['alone.integration.yaml']);
    const catalog = estateContextOf(estate, estatePath(join(folder.root, 'shared/systems.integration.yaml')))!;
    assert.deepEqual(catalog.importedBy, ['sales.integration.yaml', 'finance.integration.yaml']);
    assert.deepEqual(catalog.items.filter((i) => i.imported), []);
    const context = estateContextOf(estate, sales)!;
    assert.deepEqual(context.items.filter((i) => i.imported).map((i) => i.id), ['visibility', 'sales', 'erp', 'bus']);
    assert.deepEqual(context.items.filter((i) => !i.imported).map((i) => `${i.at.file}: ${i.id}`), ['finance.integration.yaml: finance-status']);
    assert.deepEqual(structuredClone(context), context, 'the context is plain data');
  });

  it('answers the estates of 200 manifests (chains, cycles, a shared catalog, manifests alone) as a walk over the imports does, and in the order read', async () => {
    // Manifest i imports up to two others; every 7th imports nothing; every 50th imports the catalog.
    const count = 200;
    const name = (i: number) => `area-${i % 4}/m-${i}.integration.yaml`;
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % 1000) / 1000;
    folder.write('shared/systems.integration.yaml', ...CATALOG);
    for (let i = 0; i < count; i++) {
      const targets = i % 7 === 0 ? [] : [Math.floor(random() * count), Math.floor(random() * count)].filter((t) => t !== i && t % 7 !== 3);
      const imports = [...new Set(targets)].map((t) => `  - ../${name(t)}`);
      if (i % 50 === 1) imports.push('  - ../shared/systems.integration.yaml');
      // A system of its own, an integration from it to a system of the first manifest it imports (through middleware every third), a goal every fifth.
      const to = targets[0] !== undefined ? `s-${targets[0]}` : `s-${i}`;
      folder.write(
        name(i),
        'integrationManifest: 1',
        ...(imports.length ? ['imports:', ...imports] : []),
        'solution:',
        `  name: M ${i}`,
        ...(i % 5 === 0 ? ['goals:', `  - id: g-${i}`, '    title: A goal'] : []),
        'systems:',
        `  - { id: s-${i}, name: S ${i}, kind: erp }`,
        'integrations:',
        `  - { id: i-${i}, name: I ${i}, type: data, from: s-${i}, to: ${to}${i % 3 === 0 ? ', via: [bus]' : ''}${i % 5 === 2 ? `, goals: [g-${i - 2}]` : ''} }`,
      );
    }
    // And an estate of two apart.
    folder.write('pair/b.integration.yaml', 'integrationManifest: 1', 'systems:', '  - { id: pair-b, name: B, kind: erp }');
    folder.write('pair/a.integration.yaml', 'integrationManifest: 1', 'imports:', '  - ./b.integration.yaml', 'solution:', '  name: A', 'integrations:', '  - { id: pair-i, name: I, type: data, from: pair-b, to: pair-b }');
    const entries = [...Array.from({ length: count }, (_, i) => name(i)), 'pair/a.integration.yaml'];
    const estate = await folder.load(...entries);
    assert.ok(estate.nodes.size > count, 'the catalog is read through the imports');
    // An import is refused as a cycle exactly when the manifest it names leads back to the one importing it.
    const reaches = (from: string, to: string) => {
      const seen = new Set([from]);
      for (const at of seen) for (const edge of estate.nodes.get(at)!.imports) if (edge.target) seen.add(edge.target);
      return seen.has(to);
    };
    let cycles = 0;
    for (const node of estate.nodes.values())
      for (const edge of node.imports.filter((i) => i.target)) {
        const onCycle = reaches(edge.target!, node.path);
        assert.equal(edge.refused?.includes('forms a cycle') ?? false, onCycle, `${node.file} → ${edge.path}`);
        if (onCycle) cycles++;
      }
    assert.ok(cycles > 5, `some imports close a cycle (${cycles})`);

    /** What the estate of `path` is, walked from scratch over every import that names a manifest (refused or not). */
    const walked = (e: Estate, path: string) => {
      const seen = new Set([path]);
      for (const at of seen)
        for (const node of e.nodes.values())
          for (const edge of node.imports) {
            if (edge.target === undefined) continue;
            if (node.path === at && !seen.has(edge.target)) seen.add(edge.target);
            if (edge.target === at && !seen.has(node.path)) seen.add(node.path);
          }
      return [...e.nodes.keys()].filter((p) => seen.has(p));
    };
    const alone = (e: Estate, path: string) => e.nodes.get(path)!.imports.length === 0 && ![...e.nodes.values()].some((n) => n.imports.some((i) => i.target === path));
    let lone = 0;
    for (const path of estate.nodes.keys()) {
      assert.deepEqual(estateOf(estate, path), walked(estate, path), estate.nodes.get(path)!.file);
      assert.equal(standsAlone(estate, path), alone(estate, path), estate.nodes.get(path)!.file);
      if (alone(estate, path)) lone++;
    }
    assert.ok(lone > 10, `some manifests stand alone (${lone})`);
    const all = estatesOf(estate);
    assert.deepEqual(all.flat().sort(), [...estate.nodes.keys()].sort(), 'each manifest in exactly one estate');
    assert.deepEqual(all.map((members) => members[0]), [...estate.nodes.keys()].filter((p) => walked(estate, p)[0] === p), 'in the order read');
    assert.deepEqual(estateOf(estate, estatePath(join(folder.root, 'nowhere.integration.yaml'))), [], 'a manifest not read is in no estate');

    // Each context, put together from the estate's whole, says what the other members of the estate give it.
    const file = (p: string) => estate.nodes.get(p)!.file;
    for (const path of estate.nodes.keys()) {
      const context = estateContextOf(estate, path)!;
      const others = walked(estate, path).filter((p) => p !== path).map((p) => estate.nodes.get(p)!);
      const through = importsOf(estate, path);
      const items = others.flatMap((n) => [...n.manifest.actors, ...n.manifest.goals, ...n.manifest.systems, ...n.manifest.integrations].filter((i) => i.id).map((i) => `${n.file} ${i.kind} ${i.id} ${through.has(n.path)}`));
      assert.deepEqual(context.items.map((i) => `${i.at.file} ${i.kind} ${i.id} ${i.imported}`), items, file(path));
      const integrations = others.flatMap((n) => n.manifest.integrations.map((i) => ({ n, i })));
      const sorted = (ids: Iterable<string>) => [...new Set(ids)].sort();
      assert.deepEqual(sorted(context.elsewhere.systems), sorted(integrations.flatMap(({ i }) => [i.from, i.to, i.systemOfRecord, ...i.via].flatMap((r) => (r ? [r.id] : [])))), file(path));
      assert.deepEqual(sorted(context.elsewhere.goals), sorted(integrations.flatMap(({ i }) => i.goals.map((g) => g.id))), file(path));
      const direct: Record<string, string[]> = {};
      for (const { n, i } of integrations) if (i.via.length === 0) for (const end of new Set([i.from?.id, i.to?.id])) if (end) (direct[end] ??= []).push(`${n.file}: ${i.id}`);
      assert.deepEqual(context.elsewhere.direct, direct, file(path));
      assert.deepEqual(context.importedBy, others.filter((n) => n.imports.some((i) => i.target === path)).map((n) => n.file), file(path));
    }

    // Read as the language server does (a slice at a time, cycles included): the same estate, the same contexts.
    const paced = await loadEstate(entries.map((f) => estatePath(join(folder.root, f))), await nodeEstateFiles(folder.root), undefined, { yielding: true });
    assert.deepEqual([...paced.nodes.values()].map((n) => [n.path, n.imports]), [...estate.nodes.values()].map((n) => [n.path, n.imports]));
    for (const path of estate.nodes.keys()) assert.equal(estateContextOf(paced, path)?.key, estateContextOf(estate, path)?.key);

    // A manifest changed: the contexts of its estate change their key, those of another estate keep theirs.
    const changed = estate.nodes.get(estatePath(join(folder.root, name(2))))!;
    const unrelated = [...estate.nodes.keys()].find((p) => !estateOf(estate, changed.path).includes(p) && !standsAlone(estate, p));
    const neighbour = estateOf(estate, changed.path).find((p) => p !== changed.path)!;
    writeFileSync(join(folder.root, name(2)), changed.text.replace('name: I 2', 'name: I two'));
    const next = await loadEstate(entries.map((f) => estatePath(join(folder.root, f))), await nodeEstateFiles(folder.root), estate);
    assert.notEqual(estateContextOf(next, neighbour)!.key, estateContextOf(estate, neighbour)!.key, 'a member of its estate');
    assert.ok(unrelated, 'a manifest in another estate of two or more');
    assert.equal(estateContextOf(next, unrelated)!.key, estateContextOf(estate, unrelated)!.key, 'a manifest of another estate');
  });

  it('reads an estate the same when yielding (the language server): a small manifest parsed whole, a large one a unit at a time', async () => {
    folder.write('shared/systems.integration.yaml', ...CATALOG);
    const flows = Array.from({ length: 80 }, (_, i) => [`  - id: flow-${i}`, `    name: Flow ${i}`, '    type: data', '    from: erp', '    to: sales', '    mode: sync', '    trigger: user'].join('\n'));
    folder.write('large.integration.yaml', ...domain('./shared/systems.integration.yaml', 'large-status', ['goals:', '  - id: large-goal', '    title: A goal']), ...flows);
    folder.write('small.integration.yaml', ...domain('./shared/systems.integration.yaml', 'small-status'));
    const paths = ['large.integration.yaml', 'small.integration.yaml'].map((f) => estatePath(join(folder.root, f)));
    const large = readFileSync(paths[0]!, 'utf8').length;
    assert.ok(large >= WHOLE_BELOW_CHARS && readFileSync(paths[1]!, 'utf8').length < WHOLE_BELOW_CHARS, `one manifest each side of the bound (${large})`);
    const files = await nodeEstateFiles(folder.root);
    const whole = await loadEstate(paths, files);
    const yielding = await loadEstate(paths, files, undefined, { yielding: true });
    assert.deepEqual([...yielding.nodes.keys()], [...whole.nodes.keys()]);
    for (const [path, node] of whole.nodes) {
      const other = yielding.nodes.get(path)!;
      assert.deepEqual(other.imports, node.imports, node.file);
      assert.deepEqual(other.manifest.integrations.map((i) => [i.id, i.idSpan, i.from?.id]), node.manifest.integrations.map((i) => [i.id, i.idSpan, i.from?.id]), node.file);
      // The same items at the same places: the contexts made of them have the same key.
      assert.equal(estateContextOf(yielding, path)!.key, estateContextOf(whole, path)!.key, node.file);
    }
    assert.equal(whole.nodes.get(paths[0]!)!.manifest.integrations.length, 81);
  });
});
