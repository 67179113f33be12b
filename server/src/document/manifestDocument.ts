/**
 * A parsed manifest: the text, its YAML tree with source ranges, and the syntax problems.
 * Everything else (model, rules, features) reads from here; nothing here knows about LSP.
 */
import { parseDocument, type Document } from 'yaml';
import { LineIndex } from './lineIndex';
import type { Span } from './range';

export interface SyntaxProblem {
  span: Span;
  message: string;
  code: string;
  severity: 'error' | 'warning';
}

export interface ManifestDocument {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
  readonly yaml: Document.Parsed;
  readonly lines: LineIndex;
  readonly syntaxProblems: readonly SyntaxProblem[];
}

/** The most aliases a document may expand: a guard against "billion laughs" alias bombs. */
export const MAX_ALIAS_COUNT = 100;

export function parseManifest(text: string, uri = 'untitled:manifest', version = 0): ManifestDocument {
  const yaml = parseDocument(text, { prettyErrors: false, uniqueKeys: true, strict: true, keepSourceTokens: false });
  const syntaxProblems: SyntaxProblem[] = [];
  const add = (severity: SyntaxProblem['severity']) => (e: { pos: [number, number]; message: string; code: string }) =>
    syntaxProblems.push({
      span: { start: e.pos[0], end: Math.max(e.pos[1], e.pos[0] + 1) },
      message: readableYamlMessage(e.message, e.code),
      code: e.code,
      severity,
    });
  yaml.errors.forEach(add('error'));
  yaml.warnings.forEach(add('warning'));
  return { uri, version, text, yaml, lines: new LineIndex(text), syntaxProblems };
}

/** eemeli/yaml's messages are good; strip the position suffix and say what to do for the common cases. */
function readableYamlMessage(message: string, code: string): string {
  const first = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').trim();
  switch (code) {
    case 'DUPLICATE_KEY':
      return `${first}. Each key may appear once in a map: remove or rename the repeated key.`;
    case 'TAB_AS_INDENT':
      return 'Tabs cannot indent YAML: indent with spaces.';
    case 'MULTIPLE_DOCS':
      return 'A manifest holds one YAML document: move the content after `---` into a file of its own.';
    default:
      return first.endsWith('.') ? first : `${first}.`;
  }
}
