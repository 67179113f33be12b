// PLACEHOLDER: to be written (rule module, docs/rules/self-integration.md, test/unit/rules/self-integration.test.ts).
import { defineRule } from './types';

export default defineRule({
  id: 'self-integration',
  severity: 'warning',
  summary: 'TODO',
  *check() {},
});
