// PLACEHOLDER: to be written (rule module, docs/rules/governance-declared.md, test/unit/rules/governance-declared.test.ts).
import { defineRule } from './types';

export default defineRule({
  id: 'governance-declared',
  severity: 'warning',
  summary: 'TODO',
  *check() {},
});
