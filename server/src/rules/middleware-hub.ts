// PLACEHOLDER: to be written (rule module, docs/rules/middleware-hub.md, test/unit/rules/middleware-hub.test.ts).
import { defineRule } from './types';

export default defineRule({
  id: 'middleware-hub',
  severity: 'warning',
  summary: 'TODO',
  *check() {},
});
