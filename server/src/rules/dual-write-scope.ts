// PLACEHOLDER: to be written (rule module, docs/rules/dual-write-scope.md, test/unit/rules/dual-write-scope.test.ts).
import { defineRule } from './types';

export default defineRule({
  id: 'dual-write-scope',
  severity: 'warning',
  summary: 'TODO',
  *check() {},
});
