import assert from 'node:assert/strict';
import type { Hover, MarkupContent } from 'vscode-languageserver';
import { ITEM, guidancePath } from '../../server/src/features/completion/schema';
import { valueGuidance } from '../../server/src/features/guidance';
import { hover } from '../../server/src/features/hover';
import { manifestSchema, SYSTEM_KINDS, type JsonSchema } from '../../server/src/model/vocabulary';
import { RULE_IDS } from '../../server/src/rules';
import { joinLines, lintText } from '../helpers/text';

const M = joinLines(
  'integrationManifest: 1',
  'solution:',
  '  name: Contoso',
  'actors:',
  '  - id: order-taker',
  '    name: Order taker',
  'goals:',
  '  - id: visibility',
  '    title: Sales sees order status',
  'systems:',
  '  - id: sales',
  '    name: Dynamics 365 Sales',
  '    kind: dynamics-365-sales',
  '    hosting: cloud',
  '    owner: Sales operations',
  '  - id: erp',
  '    name: Warehouse ERP',
  '    kind: erp',
  '    hosting: on-premises',
  '    description: The legacy warehouse system',
  '  - id: bus',
  '    name: Integration bus',
  '    kind: service-bus',
  '    hosting: cloud',
  'integrations:',
  '  - id: status',
  '    name: Order status',
  '    type: data',
  '    from: erp',
  '    to: sales',
  '    mode: sync',
  '    volume: 20k/day',
  '    pattern: odata',
  '    via: [bus]',
  '    goals: [visibility]',
  '    steps:',
  '      - from: order-taker',
  '        to: sales',
  '        action: Ask for the status',
  '    waivers:',
  '      - rule: load-testing',
  '        reason: Capped by the ERP',
  '  - id: invoices',
  '    name: Invoices to the ERP',
  '    type: data',
  '    from: sales',
  '    to: erp',
  '    mode: async',
  '    via: [bus]',
  '    systemOfRecord: sales',
  'rules:',
  '  goal-alignment: off',
);

/** Hover at the `|` that marks the cursor in `marked` (which is `M` with `find` replaced when given). */
function hoverAt(find: string, marked: string, text = M): { hover: Hover | null; text: string; markdown: string } {
  assert.ok(text.includes(find), `the manifest has no ${JSON.stringify(find)}`);
  const withCursor = text.replace(find, marked);
  const offset = withCursor.indexOf('|');
  const plain = withCursor.slice(0, offset) + withCursor.slice(offset + 1);
  const result = hover(lintText(plain), offset);
  return { hover: result, text: plain, markdown: result ? (result.contents as MarkupContent).value : '' };
}

/** The text a hover's range covers. */
function covered(h: { hover: Hover | null; text: string }): string {
  const lines = h.text.split('\n');
  const { start, end } = h.hover!.range!;
  assert.equal(start.line, end.line);
  return lines[start.line]!.slice(start.character, end.character);
}

describe('hover', () => {
  describe('on keys', () => {
    it('explains a key from the schema and the guidance, with its values and rules', () => {
      const h = hoverAt('    pattern: odata', '    pat|tern: odata');
      assert.equal(covered(h), 'pattern');
      assert.match(h.markdown, /^\*\*`pattern`\*\*/);
      assert.match(h.markdown, /The integration pattern or technology used/);
      assert.match(h.markdown, /DMF for bulk/);
      assert.match(h.markdown, /Values: `dual-write`, `virtual-tables`/);
      assert.match(h.markdown, /\[`odata-bulk`\]\(.*docs\/rules\/odata-bulk\.md\)/);
    });

    it('explains what a system of record is', () => {
      const h = hoverAt('    systemOfRecord: sales', '    systemOf|Record: sales');
      assert.match(h.markdown, /owns the data/);
      assert.match(h.markdown, /system-of-record\.md/);
    });

    it('explains nested keys by their path', () => {
      const text = M.replace('    systemOfRecord: sales\n', '    systemOfRecord: sales\n    security:\n      secrets: key-vault\n');
      const h = hoverAt('      secrets: key-vault', '      sec|rets: key-vault', text);
      assert.equal(covered(h), 'secrets');
      assert.match(h.markdown, /Where credentials are kept/);
      assert.match(h.markdown, /Azure Key Vault keeps secrets/);
    });

    it('explains keys of systems, steps and the top level', () => {
      assert.match(hoverAt('    hosting: on-premises', '    host|ing: on-premises').markdown, /boundary/);
      assert.match(hoverAt('        action: Ask', '        act|ion: Ask').markdown, /What happens in this step/);
      assert.match(hoverAt('goals:\n', 'go|als:\n').markdown, /Every integration should support at least one/);
    });

    it('explains `imports`: what it holds, why an estate shares a catalog, and its rules', () => {
      const text = M.replace('solution:', 'imports:\n  - ./shared/systems.integration.yaml\nsolution:');
      const h = hoverAt('imports:', 'imp|orts:', text);
      assert.equal(covered(h), 'imports');
      assert.match(h.markdown, /^\*\*`imports`\*\*/);
      assert.match(h.markdown, /paths relative to this file, with forward slashes/);
      assert.match(h.markdown, /shared catalog of systems: an imported manifest lends its systems, goals and actors/);
      assert.match(h.markdown, /\[`import-unresolved`\]\(.*docs\/rules\/import-unresolved\.md\)/);
    });

    it('says nothing on an unknown key', () => {
      assert.equal(hoverAt('    pattern: odata', '    patern|: odata').hover, null);
    });
  });

  describe('on values', () => {
    it('explains an enum value in the guidance’s words', () => {
      const h = hoverAt('    pattern: odata', '    pattern: od|ata');
      assert.equal(covered(h), 'odata');
      assert.match(h.markdown, /\*\*`pattern: odata`\*\*/);
      assert.match(h.markdown, /real-time, record-level/);
    });

    it('says when dual-write fits and when it does not', () => {
      const h = hoverAt('    pattern: odata', '    pattern: dual-wr|ite');
      assert.match(h.markdown, /finance and operations app with Dataverse/);
      assert.match(h.markdown, /not two Dataverse apps/);
    });

    it('explains a system kind with its family', () => {
      const h = hoverAt('    kind: service-bus', '    kind: service-|bus');
      assert.match(h.markdown, /asynchronous messaging/);
      assert.match(h.markdown, /\*\*Middleware\.\*\*.*`via`/);
      const dataverse = hoverAt('    kind: dynamics-365-sales', '    kind: dynamics-365-sa|les');
      assert.match(dataverse.markdown, /share one data layer|same Dataverse tables/);
    });

    it('explains what a type of integration is', () => {
      assert.match(hoverAt('    type: data\n    from: erp', '    type: da|ta\n    from: erp').markdown, /Data integration/);
    });

    it('turns a rate into a rate per hour', () => {
      const h = hoverAt('    volume: 20k/day', '    volume: 20|k/day');
      assert.match(h.markdown, /`20k\/day`\*\* is \*\*833\.3\/hour\*\*/);
    });

    it('says what a rules: severity does, and what the rule is', () => {
      const h = hoverAt('  goal-alignment: off', '  goal-alignment: o|ff');
      assert.match(h.markdown, /Turn the rule off/);
      assert.match(h.markdown, /Rule `goal-alignment`/);
    });

    it('has a text for every value of every vocabulary of the schema', () => {
      const missing: string[] = [];
      const visit = (schema: JsonSchema | undefined, path: string[]) => {
        if (!schema) return;
        if (schema.$ref) return visit(manifestSchema.definitions![schema.$ref.split('/').pop()!], path);
        for (const value of schema.enum ?? []) if (!valueGuidance(guidancePath(path), value)?.short) missing.push(`${guidancePath(path)}=${value}`);
        if (schema.const !== undefined) {
          // A constant is written in YAML as its JSON form (`integrationManifest: 1`); a string without quotes.
          const value = typeof schema.const === 'string' ? schema.const : JSON.stringify(schema.const);
          if (!valueGuidance(guidancePath(path), value)) missing.push(`${guidancePath(path)}=${value}`);
        }
        for (const [key, child] of Object.entries(schema.properties ?? {})) visit(child, [...path, key]);
        if (schema.items) visit(schema.items, [...path, ITEM]);
        if (typeof schema.additionalProperties === 'object') visit(schema.additionalProperties, [...path, 'some-rule']);
        for (const branch of schema.anyOf ?? []) visit(branch, path);
      };
      visit(manifestSchema, []);
      assert.deepEqual(missing, []);
      assert.equal(SYSTEM_KINDS.filter((k) => !valueGuidance('system.kind', k)?.text).length, 0);
    });
  });

  describe('on references', () => {
    it('summarizes the referenced system', () => {
      const h = hoverAt('    from: erp', '    from: e|rp');
      assert.equal(covered(h), 'erp');
      assert.match(h.markdown, /\*\*System `erp`\*\* — Warehouse ERP/);
      assert.match(h.markdown, /Kind: `erp`/);
      assert.match(h.markdown, /Hosting: on-premises/);
      assert.match(h.markdown, /The legacy warehouse system/);
      assert.match(h.markdown, /Used by 2 integrations: `status`, `invoices`/);
    });

    it('summarizes a system in a flow sequence, with family and owner', () => {
      const h = hoverAt('    via: [bus]\n    goals', '    via: [b|us]\n    goals');
      assert.equal(covered(h), 'bus');
      assert.match(h.markdown, /System `bus`.*Integration bus/);
      assert.match(h.markdown, /Middleware/);
      const sales = hoverAt('    to: sales', '    to: sal|es');
      assert.match(sales.markdown, /Owner: Sales operations/);
    });

    it('summarizes a goal and who serves it', () => {
      const h = hoverAt('    goals: [visibility]', '    goals: [visi|bility]');
      assert.match(h.markdown, /\*\*Goal `visibility`\*\* — Sales sees order status/);
      assert.match(h.markdown, /Served by 1 integration: `status`/);
    });

    it('summarizes an actor in a step', () => {
      const h = hoverAt('      - from: order-taker', '      - from: order-ta|ker');
      assert.match(h.markdown, /\*\*Actor `order-taker`\*\* — Order taker/);
    });

    it('says so when a reference names nothing declared', () => {
      const h = hoverAt('    to: erp', '    to: er|pp');
      assert.match(h.markdown, /No system with id `erpp` is declared/);
    });

    it('summarizes a system on its own id', () => {
      const h = hoverAt('  - id: bus', '  - id: b|us');
      assert.match(h.markdown, /System `bus`/);
      assert.match(h.markdown, /Used by 2 integrations/);
    });
  });

  describe('on an integration', () => {
    it('gives the derived facts and the findings', () => {
      const h = hoverAt('  - id: status', '  - id: sta|tus');
      assert.equal(covered(h), 'status');
      assert.match(h.markdown, /\*\*Integration `status`\*\* — Order status/);
      assert.match(h.markdown, /`data` · `sync` · `odata`/);
      assert.match(h.markdown, /\*\*Inbound\*\* to Dynamics 365: Warehouse ERP \(`erp`\) sends to Dynamics 365 Sales \(`sales`\)/);
      assert.match(h.markdown, /Rate: \*\*833\.3\/hour\*\* \(volume 20k\/day\)/);
      assert.match(h.markdown, /Crosses the cloud \/ on-premises boundary/);
      assert.match(h.markdown, /Path: `erp` → `bus` → `sales` \(service-bus\)/);
      assert.match(h.markdown, /Serves: Sales sees order status/);
      // sync at 833/hour is under the messaging threshold; no system of record on a data integration is a warning.
      assert.match(h.markdown, /\*\*Findings\*\*: .*\d+ warning/);
      assert.match(h.markdown, /- warning \[`system-of-record`\]\(.*system-of-record\.md\): /);
      assert.doesNotMatch(h.markdown, /load-testing\]/, 'a waived rule is not a finding');
    });

    it('gives the same facts on the name, and outbound when Dynamics 365 sends', () => {
      const h = hoverAt('    name: Invoices to the ERP', '    name: Invoices to| the ERP');
      assert.match(h.markdown, /Integration `invoices`/);
      assert.match(h.markdown, /\*\*Outbound\*\* from Dynamics 365/);
      assert.match(h.markdown, /Rate: not declared/);
    });

    it('says a half-written integration is checked against the guidance once it is written, and lists what the schema says', () => {
      const h = hoverAt('  - id: invoices', '  - id: invo|ices', M.replace('    name: Invoices to the ERP\n', ''));
      assert.match(h.markdown, /Its design is checked against the guidance once it has an `id`, a `name`, a `type`, and `from` and `to` naming declared systems\./);
      assert.match(h.markdown, /- error \[`schema`\]\(.*\): An integration needs `name`/);
      assert.doesNotMatch(hoverAt('  - id: invoices', '  - id: invo|ices').markdown, /Its design is checked/, 'a written integration says nothing of it');
    });

    it('lists only the findings inside the integration', () => {
      const h = hoverAt('  - id: invoices', '  - id: invo|ices');
      const lintedRules = lintText(M).problems.filter((p) => p.rule === 'system-of-record').length;
      assert.equal(lintedRules, 1, 'only `status` lacks a system of record');
      assert.doesNotMatch(h.markdown, /system-of-record\]/);
    });
  });

  describe('on rule ids', () => {
    it('summarizes the rule of a waiver and links its page', () => {
      const h = hoverAt('      - rule: load-testing', '      - rule: load-te|sting');
      assert.equal(covered(h), 'load-testing');
      assert.match(h.markdown, /\*\*Rule `load-testing`\*\* \(default severity: info\)/);
      assert.match(h.markdown, /\[docs\/rules\/load-testing\.md\]\(https:\/\/.*\/docs\/rules\/load-testing\.md\)/);
    });

    it('summarizes a rule under rules:', () => {
      const h = hoverAt('  goal-alignment: off', '  goal-al|ignment: off');
      assert.equal(covered(h), 'goal-alignment');
      assert.match(h.markdown, /Rule `goal-alignment`/);
    });

    it('suggests the closest rule id for a misspelt one', () => {
      const h = hoverAt('      - rule: load-testing', '      - rule: load-tes|tin');
      assert.match(h.markdown, /`load-testin` is not a rule id\. Did you mean `load-testing`\?/);
    });

    it('knows every rule of the catalog', () => {
      for (const id of RULE_IDS) {
        const h = hoverAt('  goal-alignment: off', `  ${id.slice(0, 2)}|${id.slice(2)}: off`);
        assert.match(h.markdown, new RegExp(`Rule \`${id}\``));
      }
    });
  });

  describe('where there is nothing to say', () => {
    it('on blank space, a comment and a free-text value with no schema text', () => {
      assert.equal(hoverAt('    to: sales\n', '    to: sales\n|\n').hover, null);
      const comment = M.replace('  name: Contoso', '  name: Contoso # the company');
      assert.equal(hoverAt('# the company', '# the com|pany', comment).hover, null);
    });

    it('on a free-text value, the key’s text', () => {
      const h = hoverAt('    name: Warehouse ERP', '    name: Ware|house ERP');
      assert.match(h.markdown, /Display name of the system/);
    });
  });

  describe('on a broken document', () => {
    it('still explains keys and values', () => {
      const broken = M.replace('    hosting: on-premises\n', '    hosting: on-premises\n  - id: half\n    name: [unclosed\n');
      assert.ok(lintText(broken).document.syntaxProblems.length > 0, 'the document must be broken above the hovered lines');
      assert.match(hoverAt('    mode: sync', '    mo|de: sync', broken).markdown, /How the systems exchange/);
      assert.match(hoverAt('    pattern: odata', '    pattern: od|ata', broken).markdown, /record-level/);
    });
  });
});
