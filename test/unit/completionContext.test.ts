import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { generateManifest } from '../../bench/generate';
import { parseManifest, type ManifestDocument } from '../../server/src/document/manifestDocument';
import { cursorContext } from '../../server/src/features/completion/context';
import { topListKeyLine } from '../../server/src/features/completion/lines';
import { renderLayout } from '../helpers/layouts';
import { joinLines } from '../helpers/text';

/**
 * The cursor's context jumps from a line of a top-level list straight to the list's key when the
 * YAML tree vouches for the lines between (`topListKeyLine`). It must say exactly what reading
 * every line says: the same document whose tree is said to have an error reads every line.
 */
function readingEveryLine(document: ManifestDocument): ManifestDocument {
  const yaml = Object.create(document.yaml) as ManifestDocument['yaml'];
  Object.defineProperty(yaml, 'errors', { value: [{ message: 'stand-in' }] });
  return { ...document, yaml };
}

function sameContexts(text: string): number {
  const document = parseManifest(text);
  const slow = readingEveryLine(document);
  let jumps = 0;
  for (let offset = 0; offset <= text.length; offset++) {
    assert.deepEqual(cursorContext(document, offset), cursorContext(slow, offset), `at offset ${offset}: ${JSON.stringify(text.slice(Math.max(0, offset - 30), offset))}|`);
    const { line, character } = document.lines.positionAt(offset);
    if (character === 0 && topListKeyLine(document, line, 2) !== undefined) jumps++;
  }
  return jumps;
}

const NESTED = joinLines(
  '# Lists with comments left of their dashes, flows over several lines and lists in items.',
  'integrationManifest: 1',
  'solution:',
  '  name: Contoso',
  'systems:',
  '  - id: sales',
  '    kind: dynamics-365-sales',
  '# at column 0, inside the list',
  '  - id: erp',
  '    tags:',
  '      - one',
  '      - two',
  '    # deeper',
  '  - { id: bus,',
  '      kind: service-bus }',
  '',
  '  - id: lake',
  '    notes: |',
  '      - not a list',
  '      key: not a key',
  'integrations:',
  '- id: a',
  '  from: sales',
  '  via: [bus,',
  '    lake]',
  '- id: b',
  '  from: erp',
  '  errorHandling:',
  '    notify:',
  '      - ops@contoso.example',
  '      - { to: it@contoso.example,',
  '          when: failure }',
  '',
);

describe('completion context: a top-level list is passed in one step', () => {
  it('says what reading every line says, on lists with comments, flows, block scalars and nested lists', () => {
    assert.ok(sameContexts(NESTED) > 0, 'the jump was taken');
  });

  it('says what reading every line says on the examples', () => {
    const dir = join(__dirname, '../../examples');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) assert.ok(sameContexts(readFileSync(join(dir, file), 'utf8')) > 0, file);
  });

  it('says what reading every line says on generated manifests and layouts', () => {
    assert.ok(sameContexts(generateManifest({ integrations: 12, detail: 0.6, seed: 7 })) > 0);
    for (let seed = 1; seed <= 12; seed++) sameContexts(renderLayout({ seed, crlf: seed % 3 === 0, finalNewline: seed % 2 === 0 }));
  });

  it('is not taken where the tree has an error, or for a list not at the column asked', () => {
    const document = parseManifest(NESTED);
    const line = NESTED.split('\n').indexOf('  - id: lake');
    assert.equal(topListKeyLine(document, line, 2), NESTED.split('\n').indexOf('systems:'));
    assert.equal(topListKeyLine(document, line, 4), undefined);
    assert.equal(topListKeyLine(readingEveryLine(document), line, 2), undefined);
    const broken = parseManifest(NESTED.replace('  - id: lake', '  - id: [lake'));
    assert.equal(topListKeyLine(broken, line, 2), undefined);
  });
});
