// PLACEHOLDER: to be written (rule module, docs/rules/ui-embedded.md, test/unit/rules/ui-embedded.test.ts).
import { defineRule } from './types';

export default defineRule({
  id: 'ui-embedded',
  severity: 'warning',
  summary: 'TODO',
  *check() {},
});
