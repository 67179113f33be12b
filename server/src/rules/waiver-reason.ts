// PLACEHOLDER: to be written (rule module, docs/rules/waiver-reason.md, test/unit/rules/waiver-reason.test.ts).
import { defineRule } from './types';

export default defineRule({
  id: 'waiver-reason',
  severity: 'warning',
  summary: 'TODO',
  *check() {},
});
