// PLACEHOLDER: to be written (rule module, docs/rules/authentication-required.md, test/unit/rules/authentication-required.test.ts).
import { defineRule } from './types';

export default defineRule({
  id: 'authentication-required',
  severity: 'warning',
  summary: 'TODO',
  *check() {},
});
