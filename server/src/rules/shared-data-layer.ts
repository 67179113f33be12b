// PLACEHOLDER: to be written (rule module, docs/rules/shared-data-layer.md, test/unit/rules/shared-data-layer.test.ts).
import { defineRule } from './types';

export default defineRule({
  id: 'shared-data-layer',
  severity: 'warning',
  summary: 'TODO',
  *check() {},
});
