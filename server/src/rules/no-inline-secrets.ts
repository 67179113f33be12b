// PLACEHOLDER: to be written (rule module, docs/rules/no-inline-secrets.md, test/unit/rules/no-inline-secrets.test.ts).
import { defineRule } from './types';

export default defineRule({
  id: 'no-inline-secrets',
  severity: 'warning',
  summary: 'TODO',
  *check() {},
});
