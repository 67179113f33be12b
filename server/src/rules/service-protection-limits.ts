// PLACEHOLDER: to be written (rule module, docs/rules/service-protection-limits.md, test/unit/rules/service-protection-limits.test.ts).
import { defineRule } from './types';

export default defineRule({
  id: 'service-protection-limits',
  severity: 'warning',
  summary: 'TODO',
  *check() {},
});
