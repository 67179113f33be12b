/**
 * A waiver whose `expires` is not a real calendar date silences nothing and gets a clear schema
 * error; one with a real date silences until that day, inclusive. Generated from every way a
 * date can be wrong: words, impossible days and months, other formats, numbers, YAML 1.1
 * timestamps, and the leap-year boundaries.
 */
import assert from 'node:assert/strict';
import { isCalendarDate } from '../../server/src/model/waivers';
import { lintText, TODAY, withIntegration } from '../helpers/text';

/** An integration without error handling (error-handling-required fires), waived until `expires`. */
function waived(expires: string): string {
  return withIntegration({ errorHandling: null, via: null, mode: 'sync', waivers: `[{ rule: error-handling-required, reason: Handled by the caller, expires: ${expires} }]` });
}

const NOT_DATES: readonly string[] = [
  'never',
  'tomorrow',
  'soon',
  '"2027-02-29"',
  '2026-02-30',
  '2026-02-31',
  '2026-04-31',
  '2026-06-31',
  '2026-09-31',
  '2026-11-31',
  '2026-13-01',
  '2026-00-10',
  '2026-01-00',
  '2026-01-32',
  '9999-99-99',
  '0000-00-00',
  '2100-02-29',
  '1900-02-29',
  '2027-1-01',
  '2027-01-1',
  '27-01-01',
  '+2027-01-01',
  '2027/01/01',
  '01-01-2027',
  '"2027-01-01 "',
  '2027-01-01T00:00:00Z',
  '2027-01-01 10:00:00',
  '2027-01-01t10:00:00.5+02:00',
  '20270101',
  '2027',
  '1e9',
  '0x7EB',
  'true',
  'null',
  '"~"',
  '[2027-01-01]',
  '{ date: 2027-01-01 }',
  '""',
];

const DATES_AHEAD: readonly string[] = ['2028-02-29', '2400-02-29', '2027-12-31', '9999-12-31', '2026-11-30', '"2027-06-30"', TODAY];

describe('waiver dates', () => {
  it('the date check agrees with the calendar on every day of 1999 to 2030', () => {
    // Independent expectation: walk the calendar one day at a time with Date arithmetic.
    const day = new Date(Date.UTC(1999, 0, 1));
    const real = new Set<string>();
    while (day.getUTCFullYear() <= 2030) {
      real.add(day.toISOString().slice(0, 10));
      day.setUTCDate(day.getUTCDate() + 1);
    }
    let tried = 0;
    for (let y = 1999; y <= 2030; y++)
      for (let m = 0; m <= 13; m++)
        for (let d = 0; d <= 32; d++) {
          const text = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          assert.equal(isCalendarDate(text), real.has(text), text);
          tried++;
        }
    assert.equal(tried, 32 * 14 * 33);
  });

  for (const expires of NOT_DATES)
    it(`expires: ${expires} silences nothing and is a schema error`, () => {
      const problems = lintText(waived(expires)).problems;
      assert.equal(problems.filter((p) => p.rule === 'error-handling-required').length, 1, 'the waived rule still reports');
      const schema = problems.filter((p) => p.rule === 'schema').map((p) => p.message);
      assert.equal(schema.length, 1, schema.join('\n'));
      assert.match(schema[0]!, /`expires` (is not in the expected form|must be text|has no value)/);
      assert.equal(problems.filter((p) => p.rule === 'waiver-expired').length, 0, 'a value that is not a date is not called expired');
    });

  for (const expires of DATES_AHEAD)
    it(`expires: ${expires} (today or later) silences the rule`, () => {
      const problems = lintText(waived(expires)).problems;
      assert.deepEqual(problems.filter((p) => p.rule === 'error-handling-required' || p.rule === 'schema' || p.rule === 'waiver-expired'), []);
    });

  it('a real date before today silences nothing and is reported by waiver-expired', () => {
    const problems = lintText(waived('2026-11-21')).problems;
    assert.equal(problems.filter((p) => p.rule === 'error-handling-required').length, 1);
    assert.equal(problems.filter((p) => p.rule === 'waiver-expired').length, 1);
    assert.equal(problems.filter((p) => p.rule === 'schema').length, 0);
  });
});
