// PLACEHOLDER: to be written (rule module, docs/rules/hybrid-gateway.md, test/unit/rules/hybrid-gateway.test.ts).
import { defineRule } from './types';

export default defineRule({
  id: 'hybrid-gateway',
  severity: 'warning',
  summary: 'TODO',
  *check() {},
});
