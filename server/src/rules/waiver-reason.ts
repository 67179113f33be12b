import { defineRule } from './types';

export default defineRule({
  id: 'waiver-reason',
  severity: 'error',
  category: 'correctness',
  summary: 'Every waiver says why the deviation from the rule is accepted.',
  *check({ manifest }) {
    for (const item of [...manifest.systems, ...manifest.integrations])
      for (const waiver of item.waivers) {
        if (waiver.reason !== undefined) continue;
        // No `item`: a waiver must not be able to silence the finding about itself.
        yield {
          span: waiver.ruleSpan,
          message: `This waiver${waiver.rule ? ` of \`${waiver.rule}\`` : ''} on \`${item.id || item.kind}\` gives no reason, so it silences nothing. Add a \`reason\` that says why the deviation is accepted (a limit of the other system, a compensating control, a date it will be fixed), so reviewers can judge it.`,
        };
      }
  },
});
