// PLACEHOLDER: to be written (rule module, docs/rules/unused-goal.md, test/unit/rules/unused-goal.test.ts).
import { defineRule } from './types';

export default defineRule({
  id: 'unused-goal',
  severity: 'warning',
  summary: 'TODO',
  *check() {},
});
