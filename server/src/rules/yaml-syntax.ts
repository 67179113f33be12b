import type { Span } from '../document/range';
import { defineRule } from './types';

/**
 * The parser points at one character; when that character starts a word (a key such as a
 * repeated `mode`), the finding covers the whole word so the squiggle is readable.
 */
function widenToWord(text: string, span: Span): Span {
  if (span.end - span.start > 1 || !/[\w-]/.test(text[span.start] ?? '')) return span;
  let end = span.start + 1;
  while (end < text.length && /[\w-]/.test(text[end]!)) end++;
  return { start: span.start, end };
}

export default defineRule({
  id: 'yaml-syntax',
  severity: 'error',
  summary: 'The manifest must be valid YAML: one document, consistent indentation, unique keys.',
  *check({ manifest }) {
    const { text } = manifest.document;
    for (const problem of manifest.document.syntaxProblems) yield { span: widenToWord(text, problem.span), message: problem.message };
    if (manifest.dataError !== undefined)
      yield {
        span: { start: 0, end: Math.min(1, text.length) },
        message: 'The manifest expands too many aliases (`*name`) to be read safely. Write the repeated content out, or use fewer aliases.',
      };
  },
});
