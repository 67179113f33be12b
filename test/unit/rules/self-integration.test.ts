import { lineOf, ruleTester } from '../../helpers/ruleTester';
import { BASE, withIntegration } from '../../helpers/text';

const RULE = 'self-integration';

const TO_ITSELF = withIntegration({ to: 'erp', systemOfRecord: 'erp' });

ruleTester(RULE, {
  valid: [
    { name: 'the ends differ', code: BASE },
    { name: '`to` is not written yet', code: withIntegration({ to: null }) },
    { name: 'a waiver with a reason silences it', code: withIntegration({ to: 'erp', systemOfRecord: 'erp', waivers: '[{ rule: self-integration, reason: Internal reprocessing loop }]' }) },
  ],
  invalid: [
    {
      // `erp` occurs once on the line of `to: erp`: the span is that value.
      name: 'fires on `to` when an integration goes from a system to itself',
      code: TO_ITSELF,
      errors: [{ at: 'erp', line: lineOf(TO_ITSELF, '    to: erp'), severity: 'error', message: [/`status` goes from `erp` to itself/, /set `to` to the system that receives/] }],
    },
    { name: 'offers no quick fix: only the author knows the other end', code: TO_ITSELF, errors: [{}], output: null },
  ],
});
