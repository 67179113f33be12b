import { spanOf } from '../document/nodes';
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
  category: 'correctness',
  summary: 'The manifest must be valid YAML: one document, consistent indentation, unique keys.',
  *check({ manifest }) {
    const { text } = manifest.document;
    for (const problem of manifest.document.syntaxProblems) yield { span: widenToWord(text, problem.span), message: problem.message };
    const aliases = manifest.document.aliases;
    // Each alias that cannot be followed reads as absent (document/aliases.ts): say why, on it.
    for (const { alias, kind } of aliases.problems) {
      const span = spanOf(alias);
      if (!span) continue;
      const name = `\`*${alias.source}\``;
      yield {
        span,
        message:
          kind === 'unresolved'
            ? `The alias ${name} names no anchor: an alias repeats the node marked \`&${alias.source}\` before it. Add that anchor to the node it means, above this line, or write the value out.`
            : `The alias ${name} lies inside the node anchored \`&${alias.source}\`, so it would contain itself without end. Write the value out, or anchor a node that does not hold this alias.`,
      };
    }
    if (aliases.tooMany || (manifest.dataError !== undefined && aliases.problems.length === 0))
      yield {
        span: { start: 0, end: Math.min(1, text.length) },
        message: 'The manifest expands too many aliases (`*name`) to be read safely. Write the repeated content out, or use fewer aliases.',
      };
  },
});
