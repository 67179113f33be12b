import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { listFiles, PackageManager } from '@vscode/vsce';
import { RULE_IDS } from '../../server/src/rules';

const ROOT = resolve(__dirname, '../..');
const json = (path: string) => JSON.parse(readFileSync(resolve(ROOT, path), 'utf8')) as Record<string, unknown>;

interface Contributes {
  languages: { id: string; extensions: string[]; firstLine: string; configuration: string }[];
  grammars: { language: string; scopeName: string; path: string }[];
  yamlValidation: { fileMatch: string[]; url: string }[];
  configuration: { properties: Record<string, { propertyNames?: { enum: string[] }; enum?: string[]; default?: unknown }> };
  commands: { command: string; title: string; category?: string; icon?: string }[];
  menus: Record<string, { command: string; when?: string }[]>;
  configurationDefaults: Record<string, Record<string, unknown>>;
  walkthroughs: { id: string; title: string; description: string; steps: { id: string; title: string; description: string; media: { markdown?: string; image?: string; altText?: string }; completionEvents?: string[] }[] }[];
}

describe('package.json contributions', () => {
  const pkg = json('package.json') as { contributes: Contributes; activationEvents: string[]; main: string; browser: string; capabilities?: { virtualWorkspaces?: boolean } };
  const c = pkg.contributes;

  it('declares the manifest language with its files, first line and configuration', () => {
    const [language] = c.languages;
    assert.equal(language?.id, 'integration-manifest');
    assert.deepEqual(language?.extensions, ['.integration.yaml', '.integration.yml']);
    const firstLine = new RegExp(language.firstLine);
    assert.ok(firstLine.test('integrationManifest: 1'));
    assert.ok(!firstLine.test('apiVersion: v1'));
    const configuration = json(language.configuration);
    assert.deepEqual((configuration['comments'] as { lineComment: string }).lineComment, '#');
    assert.deepEqual('via: [order-status, bus]'.match(new RegExp(configuration['wordPattern'] as string, 'g')), ['via', 'order-status', 'bus']);
  });

  it('points the grammar, the schema and the entry point at files that exist', () => {
    assert.ok(existsSync(resolve(ROOT, c.grammars[0]!.path)));
    assert.equal(json(c.grammars[0]!.path)['scopeName'], c.grammars[0]!.scopeName);
    assert.ok(existsSync(resolve(ROOT, c.yamlValidation[0]!.url)));
    assert.deepEqual(c.yamlValidation[0]!.fileMatch, ['*.integration.yaml', '*.integration.yml']);
    assert.equal(pkg.main, './dist/extension.js');
  });

  it('declares the web extension (vscode.dev, github.dev) beside the desktop one, and packages both with their servers', async function () {
    this.timeout(60_000);
    assert.equal(pkg.browser, './dist/browser/extension.js');
    // It works on a virtual folder (github.dev's repositories): imports are read through the editor.
    assert.equal(pkg.capabilities?.virtualWorkspaces, true);
    // What `npm run package` puts in the .vsix, by vsce's own reading of .vscodeignore.
    const files = await listFiles({ cwd: ROOT, packageManager: PackageManager.None });
    for (const file of ['dist/extension.js', 'dist/server.js', 'dist/browser/extension.js', 'dist/browser/server.js', 'media/dist/preview.js']) assert.ok(files.includes(file), `${file} is not packaged`);
    assert.deepEqual(files.filter((file) => file.endsWith('.map') || file.startsWith('server/') || file.startsWith('client/')), []);
  });

  it('offers every rule id, and only those, in the `integrationManifests.rules` setting', () => {
    assert.deepEqual(c.configuration.properties['integrationManifests.rules']?.propertyNames?.enum, [...RULE_IDS]);
    assert.deepEqual(c.configuration.properties['integrationManifests.trace.server']?.enum, ['off', 'messages', 'verbose']);
    assert.ok(c.configuration.properties['integrationManifests.preview.debounceMs']);
  });

  it('activates on manifests only, and every menu entry names a contributed command', () => {
    assert.deepEqual(pkg.activationEvents, ['onLanguage:integration-manifest', 'onWebviewPanel:integrationManifests.preview']);
    const commands = new Set(c.commands.map((x) => x.command));
    assert.ok(commands.has('integrationManifests.openPreview') && commands.has('integrationManifests.restartServer'));
    const open = c.commands.find((x) => x.command === 'integrationManifests.openPreview')!;
    assert.equal(`${open.category}: ${open.title}`, 'Integration Manifests: Open Diagram to the Side');
    assert.match(open.icon ?? '', /^\$\([a-z-]+\)$/);
    for (const entries of Object.values(c.menus)) for (const e of entries) assert.ok(commands.has(e.command), e.command);
    assert.deepEqual(c.menus['editor/title'], [{ command: 'integrationManifests.openPreview', when: 'resourceLangId == integration-manifest', group: 'navigation' }]);
  });

  it('the grammar compiles and scopes keys, ids, references, enum values, rates and comments', () => {
    const grammar = json(c.grammars[0]!.path) as { repository: Record<string, { match?: string; begin?: string; end?: string; patterns?: { match?: string }[] }> };
    const regexes: string[] = [];
    for (const rule of Object.values(grammar.repository)) {
      for (const r of [rule.match, rule.begin, rule.end, ...(rule.patterns ?? []).map((p) => p.match)]) if (r) regexes.push(r);
    }
    // Oniguruma patterns here use only syntax JavaScript shares (backreferences to `begin` read as a group).
    for (const r of regexes) assert.doesNotThrow(() => new RegExp(r.replace(/\\1(?!\d)/g, '(?:\\s*)')), r);
    const first = (name: string, line: string) => new RegExp(grammar.repository[name]!.match!).exec(line);
    assert.equal(first('id', '  - id: order-status')?.[4], 'order-status');
    assert.equal(first('reference', '    systemOfRecord: erp # owner')?.[4], 'erp');
    assert.equal(first('enum', '    mode: async')?.[3], 'async');
    assert.equal(first('enum', '    frequency: every 15m')?.[3], 'every 15m');
    assert.equal(first('key', '      retry: { attempts: 5 }')?.[1], 'retry');
    assert.equal(first('comment', 'name: a#b # note')?.[0], '# note');
    const rate = grammar.repository['value']!.patterns!.map((p) => p.match).find((m) => m?.includes('second|minute'))!;
    assert.equal(new RegExp(rate).exec('volume: 20k/day')?.[1], '20k/day');
  });

  it('sets the editor up for manifests: two-space indentation with spaces, value suggestions while typing instead of words of the file, tidy lines on save', () => {
    assert.deepEqual(c.configurationDefaults['[integration-manifest]'], {
      'editor.tabSize': 2,
      'editor.insertSpaces': true,
      'editor.quickSuggestions': { other: 'on', comments: 'off', strings: 'on' },
      'editor.wordBasedSuggestions': 'off',
      'editor.suggest.showWords': false,
      'files.insertFinalNewline': true,
      'files.trimTrailingWhitespace': true,
    });
  });

  it('walks a new user through creating a manifest, a finding, a fix, the diagram and CI, with pages that exist and are shipped', () => {
    const [walkthrough] = c.walkthroughs;
    assert.deepEqual(walkthrough?.steps.map((s) => s.id), ['create', 'finding', 'fix', 'diagram', 'ci']);
    const shipped = readFileSync(resolve(ROOT, '.vscodeignore'), 'utf8').split('\n');
    const commands = new Set(c.commands.map((x) => x.command));
    // Commands of VS Code itself that the steps' buttons run.
    const builtIn = new Set(['workbench.action.files.newUntitledFile', 'workbench.actions.view.problems', 'editor.action.quickFix']);
    for (const step of walkthrough.steps) {
      const page = step.media.markdown!;
      assert.ok(existsSync(resolve(ROOT, page)), page);
      assert.ok(shipped.includes(`!${page.replace(/[^/]+$/, '**')}`), `${page} is let into the .vsix`);
      assert.ok(readFileSync(resolve(ROOT, page), 'utf8').startsWith(`# ${step.title}\n`), `${page} is titled as its step`);
      for (const [, command, args] of step.description.matchAll(/\(command:([\w.]+)(?:\?([^)]*))?\)/g)) {
        assert.ok(commands.has(command!) || builtIn.has(command!), command);
        if (args) assert.doesNotThrow(() => JSON.parse(decodeURIComponent(args)), args);
      }
    }
    // The first step's button opens a new manifest (an untitled file in the manifest language).
    assert.match(decodeURIComponent(walkthrough.steps[0]!.description), /newUntitledFile\?\{"languageId":"integration-manifest"\}/);
  });
});
