// PLACEHOLDER: to be written (rule module, docs/rules/pii-protection.md, test/unit/rules/pii-protection.test.ts).
import { defineRule } from './types';

export default defineRule({
  id: 'pii-protection',
  severity: 'warning',
  summary: 'TODO',
  *check() {},
});
