// PLACEHOLDER: to be written (rule module, docs/rules/error-handling-required.md, test/unit/rules/error-handling-required.test.ts).
import { defineRule } from './types';

export default defineRule({
  id: 'error-handling-required',
  severity: 'warning',
  summary: 'TODO',
  *check() {},
});
