// PLACEHOLDER: to be written (rule module, docs/rules/unused-system.md, test/unit/rules/unused-system.test.ts).
import { defineRule } from './types';

export default defineRule({
  id: 'unused-system',
  severity: 'warning',
  summary: 'TODO',
  *check() {},
});
