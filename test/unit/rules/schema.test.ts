import assert from 'node:assert/strict';
import { ruleTester } from '../../helpers/ruleTester';
import { applyFixAndCheck, BASE, joinLines, lintText, withIntegration } from '../../helpers/text';

const RULE = 'schema';

/** BASE with the integration's id written as `id` (nothing after the colon when empty). */
function withId(id: string): string {
  return BASE.replace('  - id: status\n', id ? `  - id: ${id}\n` : '  - id:\n');
}

/** Its fixes leave the YAML parsing: no yaml-syntax finding at all. */
const CLEAN = ['yaml-syntax'];

ruleTester(RULE, {
  valid: [
    { name: 'a valid manifest', code: BASE },
    ...['second', 'minute', 'hour', 'day', 'week', 'month'].map((unit) => ({ name: `accepts the rate unit \`${unit}\``, code: withIntegration({ volume: `1.5k/${unit}` }) })),
  ],
  invalid: [
    // values outside their vocabulary
    {
      name: 'is placed on the value, lists the allowed values and suggests the closest',
      code: withIntegration({ mode: 'asink # to confirm' }),
      errors: [{ at: 'asink', severity: 'error', message: '`mode` must be one of sync, async, batch; did you mean `async`?' }],
    },
    {
      name: 'the fix writes the closest value and keeps the comment',
      code: withIntegration({ mode: 'asink # to confirm' }),
      errors: [{}],
      output: /\n {4}mode: async # to confirm\n/,
      clean: CLEAN,
    },
    {
      name: 'fixes a value in a flow map',
      code: withIntegration({ errorHandling: '{ retry: { attempts: 5, backoff: exponental }, deadLetter: true, notify: ops }' }),
      errors: [{ at: 'exponental' }],
      output: /backoff: exponential \}/,
      clean: CLEAN,
    },
    {
      name: 'offers no fix when no allowed value is close',
      code: BASE.replace('hosting: cloud', 'hosting: mainframe'),
      errors: [{ message: /`hosting` must be one of cloud, on-premises\.$/ }],
      output: null,
    },
    {
      name: 'names a long vocabulary by size instead of listing it',
      code: BASE.replace('kind: erp', 'kind: mainframe'),
      errors: [{ message: /`kind` must be one of the \d+ known values \(completion lists them\)\./ }],
    },
    // missing required keys
    {
      name: 'reports the missing key on the item and inserts it with a value to fill in',
      code: BASE.replace('    name: ERP\n', ''),
      errors: [{ at: 'id', message: /^A system needs `name`/ }],
      fixes: ['Add the missing key `name`'],
      output: / {2}- id: erp\n {4}kind: erp\n {4}hosting: cloud\n {4}name: TODO-name\n/,
      clean: CLEAN,
    },
    { name: 'inserts a system kind as `custom`', code: BASE.replace('    kind: erp\n', ''), errors: [{}], output: /\n {4}kind: custom\n/, clean: CLEAN },
    { name: 'inserts an integration type as `data`', code: withIntegration({ type: null }), errors: [{}], output: /\n {4}type: data\n/, clean: CLEAN },
    {
      name: 'inserts a missing `solution` with its name',
      code: BASE.replace('solution:\n  name: Test solution\n', ''),
      errors: [{}],
      output: /\nsolution:\n {2}name: TODO-name\n/,
      clean: CLEAN,
    },
    {
      name: 'puts a missing `integrationManifest: 1` on the first line, after leading comments',
      code: '# Contoso\n' + BASE.replace('integrationManifest: 1\n', ''),
      errors: [{}],
      output: /^# Contoso\nintegrationManifest: 1\nsolution:\n/,
      clean: CLEAN,
    },
    ...['', '# to be written\n'].map((code) => ({
      name: `turns an empty file into the start of a manifest: ${JSON.stringify(code)}`,
      code,
      errors: [{ message: /starts with `integrationManifest: 1` and a `solution` with a `name`/ }],
      output: /integrationManifest: 1\nsolution:\n {2}name: TODO-name\n$/,
      clean: CLEAN,
    })),
    // unknown keys
    {
      name: 'is placed on the key and suggests the closest known key',
      code: withIntegration({ directon: 'two-way' }),
      errors: [{ at: 'directon', message: 'Unknown key `directon` in an integration; did you mean `direction`?' }],
    },
    {
      name: 'the fix renames the key and keeps its value',
      code: withIntegration({ directon: 'two-way' }),
      errors: [{}],
      output: /\n {4}direction: two-way\n/,
      clean: CLEAN,
    },
    {
      name: 'does not rename onto a key the map already has (that would duplicate it)',
      code: withIntegration({ patern: 'messaging' }),
      errors: [{}],
      output: null,
    },
    {
      name: 'lists the allowed keys when none is close',
      code: withIntegration({ colour: 'blue' }),
      errors: [{ message: /^Unknown key `colour` in an integration\. Allowed keys: id, name, / }],
    },
    // other shapes
    {
      name: 'explains the form of a rate',
      code: withIntegration({ volume: '5 per day' }),
      errors: [{ at: '5 per day', message: /`volume` is not in the expected form\./ }],
    },
    { name: 'says a list is expected where a map was written', code: withIntegration({ via: '{ bus: true }' }), errors: [{ message: '`via` must be a list, not a map of keys.' }] },
    { name: 'says only format version 1 exists', code: BASE.replace('integrationManifest: 1', 'integrationManifest: 2'), errors: [{ message: /`integrationManifest` must be 1/ }] },
    {
      name: 'reports each problem once, in document order',
      code: joinLines(BASE.trimEnd().replace('hosting: cloud', 'hosting: clod'), '    colour: blue'),
      errors: [{ at: 'clod' }, { at: 'colour' }],
    },
    // one clear message per problem (issue: authoring from an empty file)
    {
      name: 'an empty list item: one message on its dash, naming what the item needs',
      code: BASE.replace('systems:\n', 'systems:\n  - \n'),
      errors: [{ at: '-', line: 11, message: "This `-` starts a system, but nothing follows it: write the system's `id`, `name` and `kind` after it (completion offers a snippet), or remove the line." }],
      output: null,
    },
    {
      name: 'an empty item of a list of ids says what to write',
      code: withIntegration({ goals: '\n      -' }),
      errors: [{ at: '-', message: 'This `-` starts an item of `goals`, but nothing follows it: write the id of a goal, declared in this manifest, or remove the line.' }],
    },
    {
      name: 'an item that is not a map: one message, not a type error on the list',
      code: BASE.replace('systems:\n', 'systems:\n  - crm\n'),
      errors: [{ at: 'crm', message: 'Each item of `systems` is a system: a map of keys (`id`, `name` and `kind`, each on a line of its own under the `-`), not text.' }],
    },
    {
      name: 'an empty value of a vocabulary: one message (not "must be text" and "must be one of"), on the key',
      code: withIntegration({ pattern: '' }),
      errors: [{ at: 'pattern', message: '`pattern` has no value: write one of dual-write, virtual-tables, dmf, odata, web-api, business-events, synapse-link, connector, embedded, messaging, file-transfer, custom.' }],
      output: null,
    },
    { name: 'an empty value of a long vocabulary points to completion', code: BASE.replace('kind: erp', 'kind:'), errors: [{ at: 'kind', message: '`kind` has no value: write one of the 34 known values (completion lists them).' }] },
    { name: 'an empty rate says the form of a rate', code: withIntegration({ volume: '' }), errors: [{ at: 'volume', message: /^`volume` has no value\. A rate is a count per period, such as `500\/hour`/ }] },
    { name: 'an empty reference says which id to write', code: withIntegration({ systemOfRecord: '' }), errors: [{ at: 'systemOfRecord', message: '`systemOfRecord` has no value: write the id of the system (`from` or `to`) that owns the data, declared in this manifest.' }] },
    { name: 'an empty map says its keys go below', code: withIntegration({ monitoring: '' }), errors: [{ at: 'monitoring', message: '`monitoring` has no value: write its keys on the lines below, indented.' }] },
    { name: 'an empty id', code: withId(''), errors: [{ at: 'id', message: '`id` has no value: write an id that starts with a letter, such as `order-status`.' }] },
    ...(
      [
        ['42', '`42` is read as a number'],
        ['true', '`true` is read as true or false'],
        ['[status]', 'this is a list'],
        ['{ name: status }', 'this is a map of keys'],
      ] as const
    ).map(([id, read]) => ({
      name: `an id that is not text: ${id}`,
      code: withId(id),
      errors: [{ message: `\`id\` must be text that starts with a letter, such as \`order-status\`; ${read}.` }],
    })),
    {
      name: 'a name read as a number says how to keep it as text',
      code: BASE.replace('  name: Test solution', '  name: 2027'),
      errors: [{ at: '2027', message: '`name` must be text; `2027` is read as a number. Write it in quotes (`"2027"`) to keep it as text.' }],
    },
    {
      name: 'the keys a map lacks are one finding, whose fix inserts them all',
      code: withIntegration({ type: null, from: null, to: null }),
      errors: [{ at: 'id', message: 'An integration needs `type`, `from` and `to`.' }],
      fixes: ['Add the missing keys `type`, `from` and `to`'],
      output: /\n {4}type: data\n {4}from: TODO-from\n {4}to: TODO-to\n/,
    },
    {
      name: 'a manifest without its version and solution: one finding, both inserted',
      code: 'systems: []\n',
      errors: [{ message: 'The manifest needs `integrationManifest` and `solution`.' }],
      output: 'integrationManifest: 1\nsystems: []\nsolution:\n  name: TODO-name\n',
      clean: CLEAN,
    },
    { name: 'can be lowered to a warning in the editor setting', code: withIntegration({ mode: 'asink' }), options: { settings: { schema: 'warning' } }, errors: [{ severity: 'warning' }] },
  ],
});

describe(RULE, () => {
  for (const id of ['', '42', 'true', '[status]', '{ name: status }'])
    it(`an integration whose id is not text (${JSON.stringify(id)}) is named by no finding: the schema finding, and no \`\``, () => {
      const problems = lintText(withId(id)).problems;
      assert.deepEqual(
        problems.map((p) => p.rule),
        ['schema'],
        problems.map((p) => p.message).join('\n'),
      );
      assert.ok(!problems.some((p) => p.message.includes('``')));
    });

  it('inserts with CRLF in a CRLF document', () => {
    const after = applyFixAndCheck(BASE.replace('    name: ERP\n', '').replace(/\n/g, '\r\n'), RULE);
    assert.ok(!/[^\r]\n/.test(after), 'a bare LF slipped in');
  });
});
