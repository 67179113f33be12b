import { isCalendarDate } from '../model/waivers';
import { defineRule } from './types';

export default defineRule({
  id: 'waiver-expired',
  severity: 'warning',
  category: 'correctness',
  summary: 'A waiver past its `expires` date silences nothing: renew it or fix the design.',
  *check({ manifest, today }) {
    for (const item of [...manifest.systems, ...manifest.integrations])
      for (const { expires, rule, expiresSpan } of item.waivers) {
        // What is not a date is the schema's to report; `expires` on today still holds.
        if (expires === undefined || !isCalendarDate(expires) || expires >= today) continue;
        // No `item`: an expired waiver must not be able to silence the finding about itself.
        yield {
          span: expiresSpan,
          message: `The waiver${rule ? ` of \`${rule}\`` : ''} on \`${item.id || item.kind}\` expired on ${expires}, so the rule reports again. Review the deviation: fix the design, or, if the reason still holds, renew the waiver with a later \`expires\` date.`,
        };
      }
  },
});
