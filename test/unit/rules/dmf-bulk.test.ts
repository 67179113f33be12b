import { ruleTester } from '../../helpers/ruleTester';
import { BASE, withIntegration } from '../../helpers/text';

const RULE = 'dmf-bulk';

const dmf = (set: Record<string, string | null>) => withIntegration({ pattern: 'dmf', mode: 'batch', frequency: 'daily', ...set });

ruleTester(RULE, {
  valid: [
    { name: 'a daily DMF batch', code: dmf({}) },
    { name: 'a DMF batch every 4 hours', code: dmf({ frequency: 'every 4h' }) },
    { name: 'a real-time OData integration', code: withIntegration({ pattern: 'odata', mode: 'sync', frequency: 'real-time' }) },
    { name: 'the clean base', code: BASE },
    { name: 'a waiver with a reason silences it', code: dmf({ mode: 'sync', waivers: '[{ rule: dmf-bulk, reason: Recurring integration API, one small file }]' }) },
  ],
  invalid: [
    {
      name: 'fires on a synchronous DMF integration, on `mode`',
      code: dmf({ mode: 'sync' }),
      errors: [{ at: 'sync', severity: 'warning', message: [/`status` uses the Data Management Framework synchronously/, /set `mode: batch` and a schedule/] }],
    },
    ...['real-time', 'near-real-time'].map((frequency) => ({
      name: `fires on a ${frequency} DMF integration, on \`frequency\``,
      code: dmf({ mode: 'async', frequency }),
      errors: [{ at: frequency, message: new RegExp(`Framework \`${frequency}\``) }],
    })),
    {
      name: 'reports a synchronous, real-time DMF integration once, on `mode`',
      code: dmf({ mode: 'sync', frequency: 'real-time' }),
      errors: [{ at: 'sync' }],
    },
    {
      name: 'fix: a synchronous DMF integration becomes a batch and keeps its schedule',
      code: dmf({ mode: 'sync  # was a web service call', frequency: 'hourly  # agreed with finance' }),
      errors: [{ at: 'sync' }],
      fix: /^Run it as a batch: `mode: batch`$/,
      output: [/\n {4}mode: batch {2}# was a web service call\n/, /\n {4}frequency: hourly {2}# agreed with finance\n/],
    },
    {
      name: 'fix: a real-time DMF integration becomes a daily batch',
      code: dmf({ mode: 'async  # queued', frequency: 'near-real-time  # to confirm' }),
      errors: [{ at: 'near-real-time' }],
      fix: /^Run it as a batch: `mode: batch`, `frequency: daily`$/,
      output: [/\n {4}mode: batch {2}# queued\n/, /\n {4}frequency: daily {2}# to confirm\n/],
    },
    {
      name: 'fix: inserts `mode` when it is missing',
      code: dmf({ mode: null, frequency: 'real-time' }).replace('    monitoring:', '    # watched\n    monitoring:'),
      errors: [{ at: 'real-time' }],
      output: [/\n {4}frequency: daily\n/, /\n {4}mode: batch\n/],
    },
    {
      name: 'fix: edits an integration written as a flow map',
      code: BASE.replace(
        / {2}- id: status[\s\S]*$/,
        '  - { id: journals, name: Journals, type: data, from: erp, to: sales, systemOfRecord: erp, pattern: dmf, frequency: real-time }  # month end\n',
      ),
      errors: [{ at: 'real-time' }],
      output: /pattern: dmf, frequency: daily, mode: batch \} {2}# month end/,
    },
  ],
});
