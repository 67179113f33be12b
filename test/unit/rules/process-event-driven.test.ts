import { ruleTester } from '../../helpers/ruleTester';
import { BASE, withIntegration } from '../../helpers/text';

const RULE = 'process-event-driven';

/** The integration of BASE (`mode: async`) as a process integration with `set` on top. */
const process = (set: Record<string, string | null>) => withIntegration({ type: 'process', ...set });

ruleTester(RULE, {
  valid: [
    { name: 'an event-driven process integration', code: process({ trigger: 'event' }) },
    { name: 'the clean base', code: BASE },
    { name: 'the trigger is not written yet', code: process({ trigger: null }) },
    // The corrections: a user's action is an event, and a scheduled batch is a step the guidance expects in processes.
    { name: 'a process integration started by a user (a user action is an event)', code: process({ trigger: 'user' }) },
    { name: 'a process integration started by a user, synchronously', code: process({ trigger: 'user', mode: 'sync' }) },
    { name: 'a scheduled batch step of a process (`trigger: schedule`, `mode: batch`)', code: process({ trigger: 'schedule', mode: 'batch' }) },
    { name: 'a scheduled nightly batch of a process, with its frequency', code: process({ trigger: 'schedule', mode: 'batch', frequency: 'daily' }) },
    { name: 'a data integration on a schedule', code: withIntegration({ trigger: 'schedule' }) },
    { name: 'a UI integration started by a user', code: withIntegration({ type: 'ui', trigger: 'user', systemOfRecord: null }) },
    {
      name: 'a waiver with a reason silences it',
      code: process({ trigger: 'schedule', waivers: '[{ rule: process-event-driven, reason: The planning system emits no events }]' }),
    },
  ],
  invalid: [
    {
      name: 'fires (info) on a scheduled process integration that is not a batch (async), on the trigger value',
      code: process({ trigger: 'schedule' }),
      errors: [
        {
          at: 'schedule',
          severity: 'info',
          message: [
            /^Process integration `status` runs on a schedule, one item at a time rather than as a batch, so it polls for what an event would announce\./,
            /set `trigger: event`/,
            /make it a batch \(`mode: batch`\)/,
          ],
        },
      ],
    },
    { name: 'fires (info) on a scheduled synchronous process integration', code: process({ trigger: 'schedule', mode: 'sync' }), errors: [{ at: 'schedule', severity: 'info' }] },
    { name: 'fires (info) on a scheduled process integration that does not say its mode', code: process({ trigger: 'schedule', mode: null }), errors: [{ at: 'schedule', severity: 'info' }] },
    {
      name: 'a severity from the manifest replaces the default',
      code: process({ trigger: 'schedule' }) + 'rules:\n  process-event-driven: warning\n',
      errors: [{ at: 'schedule', severity: 'warning' }],
    },
    {
      name: 'fix: sets `trigger: event`, keeping comments',
      code: process({ trigger: 'schedule  # nightly run' }).replace('    volume:', '    # load estimate\n    volume:'),
      errors: [{ at: 'schedule' }],
      fixes: ['Set `trigger: event`'],
      output: [/\n {4}trigger: event {2}# nightly run\n/, /\n {4}mode: async\n/],
    },
    {
      name: 'fix: works on an integration written as a flow map',
      code: BASE.replace(/ {2}- id: status[\s\S]*$/, '  - { id: sync-plan, name: Plan sync, type: process, from: erp, to: sales, mode: async, trigger: schedule }  # planners\n'),
      errors: [{ at: 'schedule' }],
      output: /mode: async, trigger: event \} {2}# planners/,
    },
  ],
});
