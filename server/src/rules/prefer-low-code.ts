// PLACEHOLDER: to be written (rule module, docs/rules/prefer-low-code.md, test/unit/rules/prefer-low-code.test.ts).
import { defineRule } from './types';

export default defineRule({
  id: 'prefer-low-code',
  severity: 'warning',
  summary: 'TODO',
  *check() {},
});
