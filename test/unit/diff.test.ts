/** The diff model (server/src/diff): items added, removed, changed and renamed, findings introduced and resolved, the change drawn and written as Markdown. */
import assert from 'node:assert/strict';
import { diffManifests, isEmptyDiff, type ManifestDiff } from '../../server/src/diff/model';
import { changeDiagram } from '../../server/src/diff/diagram';
import { diffMarkdown } from '../../server/src/diff/markdown';
import { BASE, lintText, withIntegration } from '../helpers/text';

function diffOf(base: string | undefined, head: string): ManifestDiff {
  return diffManifests(base === undefined ? undefined : lintText(base), lintText(head));
}

const summary = (d: ManifestDiff) => ({
  systems: d.systems.map((c) => `${c.status} ${c.previousId ? `${c.previousId}->` : ''}${c.id}`),
  integrations: d.integrations.map((c) => `${c.status} ${c.previousId ? `${c.previousId}->` : ''}${c.id}`),
  introduced: d.introduced.map((p) => `${p.rule} ${p.item?.id ?? ''}`),
  resolved: d.resolved.map((p) => `${p.rule} ${p.item?.id ?? ''}`),
});

const CRM = '  - id: crm\n    name: Legacy CRM\n    kind: custom\n    hosting: on-premises\n';
const withSystem = (text: string, system: string) => text.replace('integrations:\n', `${system}integrations:\n`);

describe('diff model', () => {
  it('the same text is no change at all', () => {
    assert.ok(isEmptyDiff(diffOf(BASE, BASE)));
  });

  it('a system added and one removed', () => {
    assert.deepEqual(summary(diffOf(BASE, withSystem(BASE, CRM))).systems, ['added crm']);
    const removed = diffOf(withSystem(BASE, CRM), BASE);
    assert.deepEqual(summary(removed).systems, ['removed crm']);
    assert.equal(removed.systems[0]?.name, 'Legacy CRM');
  });

  it('an integration changed: each field before → after, added and removed fields too', () => {
    const d = diffOf(BASE, withIntegration({ mode: 'sync', owner: 'Sales IT', trigger: null }));
    assert.deepEqual(summary(d).integrations, ['changed status']);
    assert.deepEqual(d.integrations[0]?.fields, [
      { path: 'mode', before: 'async', after: 'sync' },
      { path: 'owner', after: 'Sales IT' },
      { path: 'trigger', before: 'event' },
    ]);
  });

  it('nested fields by their path, lists of values as one field', () => {
    const head = BASE.replace('      transport: tls1.2', '      transport: tls1.3').replace('    via: [bus]', '    via: []');
    assert.deepEqual(diffOf(BASE, head).integrations[0]?.fields, [
      { path: 'via', before: '[bus]', after: '[]' },
      { path: 'security.transport', before: 'tls1.2', after: 'tls1.3' },
    ]);
  });

  it('a changed id with everything else equal is a rename, and references that follow it are no change', () => {
    const head = BASE.replace('  - id: erp\n', '  - id: warehouse\n').replace('    from: erp\n', '    from: warehouse\n').replace('    systemOfRecord: erp\n', '    systemOfRecord: warehouse\n');
    const d = diffOf(BASE, head);
    assert.deepEqual(summary(d), { systems: ['renamed erp->warehouse'], integrations: [], introduced: [], resolved: [] });
  });

  it('a renamed integration keeps its findings: none introduced, none resolved', () => {
    const before = withIntegration({ monitoring: null });
    const d = diffOf(before, before.replace('  - id: status\n', '  - id: order-status\n'));
    assert.deepEqual(summary(d), { systems: [], integrations: ['renamed status->order-status'], introduced: [], resolved: [] });
  });

  it('a changed id with another field changed too is a removal and an addition', () => {
    const head = BASE.replace('  - id: erp\n    name: ERP\n', '  - id: warehouse\n    name: Warehouse\n');
    assert.deepEqual(summary(diffOf(BASE, head)).systems, ['added warehouse', 'removed erp']);
  });

  it('findings introduced and resolved, matched by rule and item', () => {
    const d = diffOf(withIntegration({ monitoring: null }), withIntegration({ errorHandling: null }));
    assert.deepEqual(summary(d).introduced.sort(), ['dead-letter status', 'error-handling-required status']);
    assert.deepEqual(summary(d).resolved, ['monitoring-required status']);
  });

  it('findings are not matched by line: an integration moved down the file changes no finding', () => {
    const broken = withIntegration({ monitoring: null });
    const moved = withSystem(broken, CRM).replace('integrations:\n', 'integrations:\n  - id: crm-feed\n    name: CRM feed\n    type: data\n    from: crm\n    to: sales\n    mode: batch\n    volume: 10/day\n    pattern: data-export\n    monitoring: { tool: application-insights, alerts: true }\n    errorHandling: { retry: { attempts: 3, backoff: exponential }, notify: ops }\n    security: { authentication: entra-id, secrets: key-vault, transport: tls1.2 }\n    systemOfRecord: crm\n    goals: [visibility]\n');
    const d = diffOf(broken, moved);
    assert.equal(d.resolved.length, 0, d.resolved.map((p) => p.message).join('\n'));
    assert.ok(!d.introduced.some((p) => p.item?.id === 'status'), d.introduced.map((p) => p.message).join('\n'));
  });

  it('a manifest that did not exist before: everything added, every finding introduced', () => {
    const head = withIntegration({ monitoring: null });
    const d = diffOf(undefined, head);
    assert.deepEqual(summary(d).systems, ['added sales', 'added erp', 'added bus']);
    assert.deepEqual(summary(d).integrations, ['added status']);
    assert.equal(d.introduced.length, lintText(head).problems.length);
    assert.equal(d.resolved.length, 0);
  });
});

describe('diff drawn and written', () => {
  const before = withSystem(BASE, CRM);
  const after = withIntegration({ mode: 'sync' }, BASE.replace('  - id: bus\n', '  - id: bus2\n').replace('[bus]', '[bus2]')).replace('integrations:\n', `  - id: hr\n    name: HR\n    kind: custom\n    hosting: cloud\nintegrations:\n`);

  it('the change diagram: added green, removed red dashed, changed orange, context grey', () => {
    const d = diffOf(before, after);
    const mermaid = changeDiagram(d, { base: lintText(before).manifest, head: lintText(after).manifest })!;
    assert.match(mermaid, /^flowchart LR\n/);
    assert.match(mermaid, /classDef added fill:#dafbe1,stroke:#1a7f37/);
    assert.match(mermaid, /classDef removed [^\n]*stroke:#cf222e[^\n]*stroke-dasharray/);
    assert.match(mermaid, /classDef changed [^\n]*stroke:#bc4c00/);
    const nodeOf = (name: string) => new RegExp(`\\n  (s\\d+)(?:\\[|\\{\\{)"${name}`).exec(mermaid)?.[1];
    const classOf = (id: string | undefined) => new RegExp(`\\n  class ([^\\n]*\\b${id}\\b[^\\n]*) (\\w+)\\n`).exec(mermaid)?.[2];
    assert.equal(classOf(nodeOf('HR')), 'added');
    assert.equal(classOf(nodeOf('Legacy CRM')), 'removed');
    assert.equal(classOf(nodeOf('Service Bus')), 'changed');
    assert.equal(classOf(nodeOf('ERP')), 'context');
    assert.match(mermaid, /-->\|"Order status<br\/>changed: mode/);
    assert.match(mermaid, /linkStyle 0,1 stroke:#bc4c00/);
  });

  it('no diagram when only findings changed', () => {
    assert.equal(changeDiagram({ systems: [], integrations: [], introduced: [], resolved: [] }, { base: undefined, head: lintText(BASE).manifest }), undefined);
  });

  it('Markdown: a summary, tables of systems, integrations and findings, and the diagram block', () => {
    const b = lintText(withIntegration({ monitoring: null }));
    const h = lintText(withIntegration({ mode: 'asink' }, withSystem(BASE, CRM)));
    const md = diffMarkdown(diffManifests(b, h), { file: 'orders.integration.yaml', baseLabel: 'HEAD~1', base: b, head: h });
    assert.match(md, /^### Changes to `orders.integration.yaml` since `HEAD~1`\n/);
    assert.match(md, /\*\*1 system: 1 added; 1 integration: 1 changed\. 2 findings introduced \(1 error\), 1 resolved\.\*\*/);
    assert.match(md, /\| Added \| crm \| Legacy CRM \|/);
    assert.match(md, /\| Changed \| status \| Order status \| mode: async → asink; monitoring\.tool: \\\(none\\\) → application-insights; monitoring\.alerts: \\\(none\\\) → true \|/);
    assert.match(md, /#### Findings introduced\n\n\| Severity \| Rule \| Item \| Line \| Finding \|\n\| --- \| --- \| --- \| --- \| --- \|\n\| info \| \[unused-system\]\([^)]+\) \| system crm \| \d+ \| [^\n]+\n\| error \| \[schema\]\(https:\/\/[^)]+\/docs\/rules\/schema\.md\) \| +\| \d+ \| 'mode' must be one of/);
    assert.match(md, /#### Findings resolved\n\n[^#]*monitoring-required/);
    assert.match(md, /```mermaid\nflowchart LR\n[\s\S]*```\n/);
  });
});
