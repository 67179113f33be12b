// PLACEHOLDER: to be written (rule module, docs/rules/dmf-bulk.md, test/unit/rules/dmf-bulk.test.ts).
import { defineRule } from './types';

export default defineRule({
  id: 'dmf-bulk',
  severity: 'warning',
  summary: 'TODO',
  *check() {},
});
