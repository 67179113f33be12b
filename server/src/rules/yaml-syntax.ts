import { defineRule } from './types';

export default defineRule({
  id: 'yaml-syntax',
  severity: 'error',
  summary: 'The manifest must be valid YAML: one document, consistent indentation, unique keys.',
  *check({ manifest }) {
    for (const problem of manifest.document.syntaxProblems) yield { span: problem.span, message: problem.message };
    if (manifest.dataError !== undefined)
      yield {
        span: { start: 0, end: Math.min(1, manifest.document.text.length) },
        message: 'The manifest expands too many aliases (`*name`) to be read safely. Write the repeated content out, or use fewer aliases.',
      };
  },
});
