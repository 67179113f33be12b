// PLACEHOLDER: to be written (rule module, docs/rules/process-event-driven.md, test/unit/rules/process-event-driven.test.ts).
import { defineRule } from './types';

export default defineRule({
  id: 'process-event-driven',
  severity: 'warning',
  summary: 'TODO',
  *check() {},
});
