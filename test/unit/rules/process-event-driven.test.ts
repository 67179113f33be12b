import { ruleTester } from '../../helpers/ruleTester';
import { BASE, withIntegration } from '../../helpers/text';

const RULE = 'process-event-driven';

const process = (trigger: string | null) => withIntegration({ type: 'process', trigger });

ruleTester(RULE, {
  valid: [
    { name: 'an event-driven process integration', code: process('event') },
    { name: 'the clean base', code: BASE },
    { name: 'the trigger is not written yet', code: process(null) },
    { name: 'a data integration on a schedule', code: withIntegration({ trigger: 'schedule' }) },
    { name: 'a UI integration started by a user', code: withIntegration({ type: 'ui', trigger: 'user', systemOfRecord: null }) },
    {
      name: 'a waiver with a reason silences it',
      code: withIntegration({ type: 'process', trigger: 'schedule', waivers: '[{ rule: process-event-driven, reason: The planning system emits no events }]' }),
    },
  ],
  invalid: [
    {
      name: 'fires on a scheduled process integration, on the trigger value',
      code: process('schedule'),
      errors: [{ at: 'schedule', severity: 'warning', message: [/Process integration `status` is started on a schedule/, /set `trigger: event`/] }],
    },
    { name: 'fires on a process integration started by a user', code: process('user'), errors: [{ message: /started by a user action/ }] },
    {
      name: 'fix: sets `trigger: event`, keeping comments',
      code: withIntegration({ type: 'process', trigger: 'schedule  # nightly run' }).replace('    volume:', '    # load estimate\n    volume:'),
      errors: [{ at: 'schedule' }],
      output: /\n {4}trigger: event {2}# nightly run\n/,
    },
    {
      name: 'fix: works on an integration written as a flow map',
      code: BASE.replace(/ {2}- id: status[\s\S]*$/, '  - { id: sync-plan, name: Plan sync, type: process, from: erp, to: sales, trigger: user }  # planners\n'),
      errors: [{ at: 'user' }],
      output: /to: sales, trigger: event \} {2}# planners/,
    },
  ],
});
