// PLACEHOLDER: to be written (rule module, docs/rules/system-of-record-participant.md, test/unit/rules/system-of-record-participant.test.ts).
import { defineRule } from './types';

export default defineRule({
  id: 'system-of-record-participant',
  severity: 'warning',
  summary: 'TODO',
  *check() {},
});
