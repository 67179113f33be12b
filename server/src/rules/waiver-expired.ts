// PLACEHOLDER: to be written (rule module, docs/rules/waiver-expired.md, test/unit/rules/waiver-expired.test.ts).
import { defineRule } from './types';

export default defineRule({
  id: 'waiver-expired',
  severity: 'warning',
  summary: 'TODO',
  *check() {},
});
