// PLACEHOLDER: to be written (rule module, docs/rules/dead-letter.md, test/unit/rules/dead-letter.test.ts).
import { defineRule } from './types';

export default defineRule({
  id: 'dead-letter',
  severity: 'warning',
  summary: 'TODO',
  *check() {},
});
