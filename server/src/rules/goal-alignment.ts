// PLACEHOLDER: to be written (rule module, docs/rules/goal-alignment.md, test/unit/rules/goal-alignment.test.ts).
import { defineRule } from './types';

export default defineRule({
  id: 'goal-alignment',
  severity: 'warning',
  summary: 'TODO',
  *check() {},
});
