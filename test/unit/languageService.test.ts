import assert from 'node:assert/strict';
import { createLanguageService, memoryDocuments, RenameRejected } from '../../server/src/languageService';
import { BASE, TODAY, withIntegration } from '../helpers/text';

describe('language service facade', () => {
  const uri = 'file:///facade.integration.yaml';

  function setup(text: string) {
    const documents = memoryDocuments();
    documents.set(uri, text);
    let today = TODAY;
    const service = createLanguageService({ documents, today: () => today });
    return { documents, service, setToday: (d: string) => (today = d) };
  }

  it('analyzes once per document version, settings and day', () => {
    const { documents, service, setToday } = setup(BASE);
    const first = service.analysis(uri);
    assert.equal(service.analysis(uri), first);
    documents.set(uri, withIntegration({ systemOfRecord: null }));
    const second = service.analysis(uri);
    assert.notEqual(second, first);
    assert.deepEqual(second?.problems.map((p) => p.rule), ['system-of-record']);
    service.setSettings({ 'system-of-record': 'off' });
    assert.deepEqual(service.analysis(uri)?.problems, []);
    const id = service.resultId(uri);
    setToday('2030-01-01');
    assert.notEqual(service.resultId(uri), id);
  });

  it('lists an integration\'s findings in a hover only once they are computed, waiting a little for them', async () => {
    const text = withIntegration({ systemOfRecord: null }) + '    waivers:\n      - rule: \n';
    const { service } = setup(text);
    const lines = service.analysis(uri)!.document.lines;
    const onId = lines.positionAt(text.indexOf('id: status') + 5);
    const pending = (service.hover(uri, onId)?.contents as { value: string }).value;
    assert.match(pending, /Findings\*\*: still being checked/);
    // The waiver rule completion lists the rules in catalog order rather than compute the findings.
    const waiverRule = lines.positionAt(text.indexOf('rule: ') + 6);
    const rules = service.completion(uri, waiverRule).items;
    assert.ok(rules.length > 20 && !rules.some((r) => r.labelDetails?.description === 'reports on this item'));
    assert.equal(service.analysis(uri)!.problemsReady, false, 'neither feature computed the problems');

    const settled = (await service.settledHover(uri, onId))?.contents as { value: string };
    assert.match(settled.value, /\*\*Findings\*\*: 2 errors, 1 warning/);
    assert.match(settled.value, /system-of-record/);
    assert.equal(service.analysis(uri)!.problemsReady, true);
    assert.ok(service.completion(uri, waiverRule).items.some((r) => r.label === 'system-of-record' && r.labelDetails?.description === 'reports on this item'));
  });

  it('answers nothing, without failing, for a document it does not have', () => {
    const { service } = setup(BASE);
    const other = 'file:///other.integration.yaml';
    const origin = { line: 0, character: 0 };
    assert.equal(service.analysis(other), undefined);
    assert.deepEqual(service.diagnostics(other), []);
    assert.deepEqual(service.codeLenses(other), []);
    assert.deepEqual(service.documentSymbols(other), []);
    assert.equal(service.definition(other, origin), null);
    assert.deepEqual(service.references(other, origin, true), []);
    assert.equal(service.rename(other, origin, 'x'), null);
    assert.equal(service.resultId(other), undefined);
  });

  it('rejects a rename to an invalid id with RenameRejected', () => {
    const { service } = setup(BASE);
    const at = service.analysis(uri)!.document.lines.positionAt(BASE.indexOf('id: erp') + 5);
    assert.throws(() => service.rename(uri, at, 'no spaces'), RenameRejected);
    assert.equal(Object.values(service.rename(uri, at, 'warehouse')?.changes ?? {})[0]?.length, 3);
  });

  it('rejects a rename onto a name that is referenced but not declared (it would merge references)', () => {
    const text = withIntegration({ to: 'crm' });
    const { service } = setup(text);
    const at = service.analysis(uri)!.document.lines.positionAt(text.indexOf('id: erp') + 5);
    assert.throws(() => service.rename(uri, at, 'crm'), (e: unknown) => e instanceof RenameRejected && /already named on line \d+/.test(e.message));
  });

  it('offers no waiver for a diagnostic that no longer matches a finding', () => {
    const { documents, service } = setup(withIntegration({ systemOfRecord: null }));
    const [diagnostic] = service.diagnostics(uri);
    assert.ok(diagnostic);
    const titles = () => service.codeActions(uri, diagnostic.range, [diagnostic]).map((a) => a.title);
    assert.ok(titles().includes('Waive system-of-record for this item...'));
    documents.set(uri, BASE);
    assert.ok(!titles().includes('Waive system-of-record for this item...'));
  });
});
