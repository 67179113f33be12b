// PLACEHOLDER: to be written (rule module, docs/rules/transport-tls.md, test/unit/rules/transport-tls.test.ts).
import { defineRule } from './types';

export default defineRule({
  id: 'transport-tls',
  severity: 'warning',
  summary: 'TODO',
  *check() {},
});
