// PLACEHOLDER: to be written (rule module, docs/rules/logic-apps-monitoring.md, test/unit/rules/logic-apps-monitoring.test.ts).
import { defineRule } from './types';

export default defineRule({
  id: 'logic-apps-monitoring',
  severity: 'warning',
  summary: 'TODO',
  *check() {},
});
