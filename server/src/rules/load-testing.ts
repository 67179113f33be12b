// PLACEHOLDER: to be written (rule module, docs/rules/load-testing.md, test/unit/rules/load-testing.test.ts).
import { defineRule } from './types';

export default defineRule({
  id: 'load-testing',
  severity: 'warning',
  summary: 'TODO',
  *check() {},
});
