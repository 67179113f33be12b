// PLACEHOLDER: to be written (rule module, docs/rules/volume-declared.md, test/unit/rules/volume-declared.test.ts).
import { defineRule } from './types';

export default defineRule({
  id: 'volume-declared',
  severity: 'warning',
  summary: 'TODO',
  *check() {},
});
