import assert from 'node:assert/strict';
import { ruleTester } from '../../helpers/ruleTester';
import { applyFixAndCheck, BASE, joinLines, withIntegration } from '../../helpers/text';

const RULE = 'schema';

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
    { name: 'can be lowered to a warning in the editor setting', code: withIntegration({ mode: 'asink' }), options: { settings: { schema: 'warning' } }, errors: [{ severity: 'warning' }] },
  ],
});

describe(RULE, () => {
  it('inserts with CRLF in a CRLF document', () => {
    const after = applyFixAndCheck(BASE.replace('    name: ERP\n', '').replace(/\n/g, '\r\n'), RULE);
    assert.ok(!/[^\r]\n/.test(after), 'a bare LF slipped in');
  });
});
