// PLACEHOLDER: to be written (rule module, docs/rules/odata-bulk.md, test/unit/rules/odata-bulk.test.ts).
import { defineRule } from './types';

export default defineRule({
  id: 'odata-bulk',
  severity: 'warning',
  summary: 'TODO',
  *check() {},
});
