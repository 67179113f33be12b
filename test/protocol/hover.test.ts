import assert from 'node:assert/strict';
import type { Hover, MarkupContent } from 'vscode-languageserver/node';
import { BASE } from '../helpers/text';
import { startHarness, type Harness } from './harness';

const TEXT = BASE.replace('    hosting: cloud\n  - id: bus', '    hosting: on-premises\n  - id: bus') + '    waivers:\n      - rule: load-testing\n        reason: Capped by the ERP\n';

describe('protocol: hover', () => {
  let h: Harness;
  let uri: string;
  before(async () => {
    h = await startHarness();
    uri = await h.open(TEXT);
  });
  after(async () => {
    await h.dispose();
  });

  const markdown = (hover: Hover | null): string => {
    assert.ok(hover, 'expected a hover');
    const contents = hover.contents as MarkupContent;
    assert.equal(contents.kind, 'markdown');
    return contents.value;
  };

  it('advertises hover', () => {
    assert.equal(h.capabilities.hoverProvider, true);
  });

  it('explains a key, over the key', async () => {
    const hover = await h.hover(uri, h.at(uri, '    sys|temOfRecord: erp'));
    assert.match(markdown(hover), /owns the data/);
    assert.deepEqual(hover!.range, h.rangeOf(uri, 'systemOfRecord'));
  });

  it('explains an enum value', async () => {
    const value = markdown(await h.hover(uri, h.at(uri, 'pattern: business-ev|ents')));
    assert.match(value, /publishes an event/);
  });

  it('summarizes a referenced system', async () => {
    const hover = await h.hover(uri, h.at(uri, 'via: [b|us]'));
    assert.match(markdown(hover), /\*\*System `bus`\*\* — Service Bus/);
    assert.deepEqual(hover!.range, { start: h.at(uri, 'via: [|bus]'), end: h.at(uri, 'via: [bus|]') });
  });

  it('gives an integration its facts and findings', async () => {
    const value = markdown(await h.hover(uri, h.at(uri, '- id: st|atus')));
    assert.match(value, /\*\*Inbound\*\* to Dynamics 365/);
    assert.match(value, /Rate: 500\/day \(20\.8\/hour\)/);
    assert.match(value, /Crosses the cloud \/ on-premises boundary/);
    assert.match(value, /No findings\.|Findings/);
  });

  it('describes the rule of a waiver with a link to its page', async () => {
    const value = markdown(await h.hover(uri, h.at(uri, 'rule: load-|testing')));
    assert.match(value, /Rule `load-testing`/);
    assert.match(value, /docs\/rules\/load-testing\.md/);
  });

  it('follows the document as it changes', async () => {
    const other = await h.open(TEXT);
    await h.applyEdit({ changes: { [other]: [{ range: h.rangeOf(other, '500/day'), newText: '36k/day' }] } });
    const value = markdown(await h.hover(other, h.at(other, '- id: st|atus')));
    assert.match(value, /Rate: 36k\/day \(1500\/hour\)/);
    await h.close(other);
  });

  it('answers null where there is nothing to say', async () => {
    assert.equal(await h.hover(uri, h.at(uri, 'integrationManifest:| 1')), null, 'the space before a value');
    assert.equal(await h.hover(uri, h.at(uri, '  name: Test solution|')), null, 'just past the end of the line');
  });
});
