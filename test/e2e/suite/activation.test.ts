import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, codesOf, EXTENSION_ID, FIXTURE, LANGUAGE_ID, openEditor, waitForDiagnostics, workspaceUri } from './helpers';

/**
 * The outline of each manifest, written out from its file: a group for each of its lists
 * (Actors, Goals, Systems, Integrations) in the order the file writes them, as VS Code sorts
 * symbols by position, and the ids of their items in the order they are written.
 */
const OUTLINES: Record<string, [group: string, ids: string[]][]> = {
  [FIXTURE]: [
    ['Goals', ['order-visibility']],
    ['Systems', ['sales', 'erp']],
    ['Integrations', ['order-status', 'price-list']],
  ],
  'examples/bank-reconciliation.integration.yaml': [
    ['Actors', ['treasurer']],
    ['Goals', ['daily-reconciliation', 'straight-through-payments']],
    ['Systems', ['finance', 'bank', 'apim', 'landing']],
    ['Integrations', ['statements', 'payments', 'payment-status']],
  ],
  'examples/embedded-dashboards.integration.yaml': [
    ['Actors', ['account-manager', 'technician']],
    ['Goals', ['one-screen', 'quality-today']],
    ['Systems', ['sales', 'field-service', 'powerbi', 'lake']],
    ['Integrations', ['account-health', 'quality-board', 'synapse-link', 'dataset-refresh']],
  ],
  'examples/hr-worker-sync.integration.yaml': [
    ['Actors', ['hr-partner', 'payroll-admin']],
    ['Goals', ['day-one-ready', 'correct-pay']],
    ['Systems', ['hr', 'dataverse', 'payroll', 'workflows']],
    ['Integrations', ['workers-to-dataverse', 'workers-to-payroll', 'absences', 'pay-results']],
  ],
  'examples/order-to-cash.integration.yaml': [
    ['Actors', ['order-taker', 'credit-controller']],
    ['Goals', ['order-visibility', 'one-customer', 'faster-cash']],
    ['Systems', ['sales', 'finance', 'erp', 'bus']],
    ['Integrations', ['order-release', 'order-status', 'shipped-invoices', 'customers', 'credit-check']],
  ],
  'examples/production-scheduling.integration.yaml': [
    ['Actors', ['planner', 'supervisor']],
    ['Goals', ['no-double-entry', 'live-wip']],
    ['Systems', ['scm', 'mes', 'gateway', 'flows']],
    ['Integrations', ['order-release', 'progress-feedback', 'scrap-report']],
  ],
};

async function outlineOf(uri: vscode.Uri): Promise<[string, string[]][]> {
  const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', uri);
  return (symbols ?? []).map((group) => [group.name, (group.children ?? []).map((item) => item.name)]);
}

describe('activation', () => {
  after(closeAllEditors);

  it('activates on opening a manifest and the language server answers with its findings', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    const editor = await openEditor(FIXTURE);
    assert.equal(editor.document.languageId, LANGUAGE_ID);
    // Nothing calls activate(): only opening the manifest can have started the extension.
    const expected = ['prefer-async-messaging', 'transport-tls', 'unknown-reference'];
    const diagnostics = await waitForDiagnostics(workspaceUri(FIXTURE), (ds) => expected.every((code) => codesOf(ds).includes(code)));
    assert.deepEqual(codesOf(diagnostics), expected);
    assert.ok(diagnostics.every((d) => d.source === 'integration-manifest'));
    assert.equal(extension.isActive, true);
  });

  it('outlines the fixture: its goals, systems and integrations by id', async () => {
    await openEditor(FIXTURE);
    assert.deepEqual(await outlineOf(workspaceUri(FIXTURE)), OUTLINES[FIXTURE]);
  });

  it('recognizes every example manifest and outlines its systems, integrations, goals and actors', async () => {
    const examples = await vscode.workspace.findFiles('examples/*.integration.{yaml,yml}');
    const names = examples.map((uri) => vscode.workspace.asRelativePath(uri, false)).sort();
    assert.deepEqual(names, Object.keys(OUTLINES).filter((name) => name.startsWith('examples/')).sort(), 'the workspace holds the examples of the table');
    for (const uri of examples) {
      const name = vscode.workspace.asRelativePath(uri, false);
      const document = await vscode.workspace.openTextDocument(uri);
      assert.equal(document.languageId, LANGUAGE_ID, `${name} opens as an integration manifest`);
      assert.deepEqual(await outlineOf(uri), OUTLINES[name], `the outline of ${name}`);
    }
  });
});
