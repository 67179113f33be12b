/**
 * A parsed manifest: the text, its YAML tree with source ranges, and the syntax problems.
 * Everything else (model, rules, features) reads from here; nothing here knows about LSP.
 */
import { Composer, isCollection, isMap, isPair, isScalar, Parser, Scalar, YAMLParseError, type Document, type CST, type ErrorCode, type ParsedNode } from 'yaml';
import { indexAliases, mayHoldAliases, NO_ALIASES, type AliasIndex } from './aliases';
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
  /** Which node each alias stands for, the shared anchors, and the aliases that cannot be followed. */
  readonly aliases: AliasIndex;
}

export { MAX_ALIAS_COUNT } from './aliases';

/**
 * How every manifest is parsed (the incremental analyzer parses its pieces the same way).
 * `logLevel: 'error'`: yaml would otherwise print warnings that quote the manifest (a map used
 * as a key) to the server's stderr, which the editor shows in its output panel.
 */
export const PARSE_OPTIONS = { prettyErrors: false, uniqueKeys: true, strict: true, keepSourceTokens: false, logLevel: 'error' } as const;

/**
 * The deepest nesting of lists and maps that is read. A manifest needs about six levels;
 * deeper collections are cut off (read as empty) with a diagnostic, so that no recursive
 * walk over the tree (yaml's own `toJS` and `visit`, the schema validator) can exhaust the stack.
 */
export const MAX_NESTING = 100;

/**
 * The most syntax problems kept. Beyond it they are counted, not stored: a file of garbage
 * can hold millions of errors, which would exhaust memory and flood the Problems panel.
 */
export const MAX_SYNTAX_PROBLEMS = 100;

/** Past this many errors beyond those kept, the rest of the text is not read (it is not YAML). */
export const MAX_DROPPED_ERRORS = 10_000;

type OnError = (source: unknown, code: ErrorCode, message: string, warning?: boolean) => void;

export function parseManifest(text: string, uri = 'untitled:manifest', version = 0): ManifestDocument {
  return manifestDocumentOf(text, parseYaml(text), uri, version);
}

/** A manifest document from `text` parsed by `parseYaml` (whole, or assembled from pieces by the incremental analyzer). */
export function manifestDocumentOf(
  text: string,
  { yaml, dropped, tooDeep, readUpTo }: ParsedYaml,
  uri = 'untitled:manifest',
  version = 0,
  lines: LineIndex = new LineIndex(text),
): ManifestDocument {
  const syntaxProblems: SyntaxProblem[] = [];
  // The parser may point one past the end (an unclosed quote); a problem stays inside the text.
  const clamp = (start: number, end: number): Span => {
    const s = Math.min(Math.max(0, start), text.length);
    return { start: s, end: Math.min(Math.max(end, s + 1), text.length) };
  };
  const add = (severity: SyntaxProblem['severity']) => (e: { pos: [number, number]; message: string; code: string }) => {
    // A stack overflow inside the parser is the nesting problem, reported once below.
    if (e.code === 'RESOURCE_EXHAUSTION' && tooDeep) return;
    syntaxProblems.push({ span: clamp(e.pos[0], e.pos[1]), message: readableYamlMessage(e.message, e.code), code: e.code, severity });
  };
  yaml.errors.forEach(add('error'));
  if (tooDeep) syntaxProblems.push({ span: clamp(tooDeep.start, tooDeep.start + 1), message: NESTING_MESSAGE, code: 'NESTING_LIMIT', severity: 'error' });
  if (dropped > 0) {
    const at = readUpTo ?? [...yaml.errors, ...yaml.warnings].reduce((end, e) => Math.max(end, e.pos[0]), 0);
    syntaxProblems.push({
      span: clamp(at, at + 1),
      message:
        readUpTo === undefined
          ? `${dropped} more YAML syntax errors follow and are not listed. Fix the ones shown first: the rest often go with them.`
          : `More than ${dropped} further YAML syntax errors follow, so the manifest is read only up to line ${lines.positionAt(readUpTo).line + 1}. Fix the errors shown first, or check that this file is YAML.`,
      code: 'TOO_MANY_ERRORS',
      severity: 'error',
    });
  }
  yaml.warnings.forEach(add('warning'));
  // Linked before anything reads the tree: the readers of nodes.ts follow aliases through it.
  const aliases = mayHoldAliases(text) ? indexAliases(yaml) : NO_ALIASES;
  return { uri, version, text, yaml, lines, syntaxProblems, aliases };
}

const NESTING_MESSAGE = `Lists and maps are nested more than ${MAX_NESTING} levels deep here, and the manifest is read only to that depth. A manifest needs about six levels: remove the extra nesting.`;

export interface ParsedYaml {
  yaml: Document.Parsed;
  /** Errors and warnings beyond `MAX_SYNTAX_PROBLEMS`, counted but not kept. */
  dropped: number;
  /** The first collection cut off for nesting deeper than `MAX_NESTING`, if any. */
  tooDeep: Span | undefined;
  /** Where reading stopped, after `MAX_DROPPED_ERRORS` errors more than were kept; absent when the whole text was read. */
  readUpTo?: number;
}

/**
 * yaml's `parseDocument` with `PARSE_OPTIONS`, made safe for any input: at most
 * `MAX_SYNTAX_PROBLEMS` errors and warnings are kept, collections deeper than `MAX_NESTING`
 * are cut off, and, like `parseDocument`, only the first document is read.
 */
export function parseYaml(text: string): ParsedYaml {
  // Unique keys are checked below with a set per map: yaml's own check compares each key with
  // every earlier one, which takes minutes on a file of a few hundred thousand keys.
  const composer = new Composer({ ...PARSE_OPTIONS, uniqueKeys: false });
  let kept = 0;
  let dropped = 0;
  const keep = (): boolean => (kept < MAX_SYNTAX_PROBLEMS ? (kept++, true) : (dropped++, false));
  // The Composer reports problems through its private `onError`, and stores the parser's error
  // tokens directly: capping both is the one way to stop storing millions of them (each an
  // Error with a stack) before memory runs out.
  const internals = composer as unknown as { onError: OnError };
  const report = internals.onError;
  internals.onError = (source, code, message, warning) => {
    if (keep()) report(source, code, message, warning);
  };
  let readUpTo: number | undefined;
  function* tokens(): Generator<CST.Token> {
    for (const token of new Parser().parse(text)) {
      if (token.type !== 'error' || keep()) yield token;
      else if (dropped >= MAX_DROPPED_ERRORS) {
        // So many errors means the text is not YAML at all: reading on would only cost time.
        readUpTo = token.offset;
        return;
      }
    }
  }
  let yaml: Document.Parsed | undefined;
  for (const doc of composer.compose(tokens(), true, text.length)) {
    if (!yaml) yaml = doc;
    else {
      yaml.errors.push(new YAMLParseError([doc.range[0], doc.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents'));
      break;
    }
  }
  // compose(..., forceDoc = true) always yields a document.
  const tooDeep = limitNesting(yaml!, (key) => {
    if (keep()) yaml!.errors.push(new YAMLParseError([key.range[0], key.range[0] + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
  });
  return { yaml: yaml!, dropped, tooDeep, ...(readUpTo !== undefined ? { readUpTo } : {}) };
}

/**
 * Cuts off collections nested deeper than `MAX_NESTING`: each is replaced by an empty
 * value over the same source range. Iterative, so any depth is safe. Returns the first one cut.
 * On the way, reports each key that repeats an earlier scalar key of its map (as yaml's
 * `uniqueKeys` does).
 */
function limitNesting(yaml: Document.Parsed, duplicate: (key: Scalar.Parsed) => void): Span | undefined {
  let first: Span | undefined;
  const stack: { node: unknown; depth: number }[] = [{ node: yaml.contents, depth: 1 }];
  const cut = (node: ParsedNode): ParsedNode => {
    const stub = new Scalar(null) as Scalar.Parsed;
    stub.range = node.range;
    first ??= { start: node.range[0], end: node.range[1] };
    return stub;
  };
  const visit = (child: unknown, depth: number, replace: (node: ParsedNode) => void) => {
    if (!isCollection(child)) return;
    if (depth > MAX_NESTING) replace(cut(child as ParsedNode));
    else stack.push({ node: child, depth });
  };
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (!isCollection(node)) continue;
    if (isMap(node)) {
      const keys = new Set<unknown>();
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        const value = pair.key.value;
        if (typeof value === 'number' && Number.isNaN(value)) continue; // yaml compares with ===: NaN never repeats
        if (keys.has(value)) duplicate(pair.key as Scalar.Parsed);
        else keys.add(value);
      }
    }
    const items = node.items as unknown[];
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (isPair(item)) {
        visit(item.key, depth + 1, (n) => (item.key = n));
        visit(item.value, depth + 1, (n) => (item.value = n));
      } else visit(item, depth + 1, (n) => (items[i] = n));
    }
  }
  return first;
}

/** The longest source text a parser message quotes: `Unexpected scalar token in YAML stream: "..."`. */
const MAX_QUOTED_TOKEN = 60;

/** Cuts the source text a parser message quotes (as a JSON string: a whole line of binary garbage) to its start. */
function clipQuotedToken(message: string): string {
  return message.replace(/"((?:[^"\\]|\\.)*)"/g, (whole, quoted: string) =>
    quoted.length > MAX_QUOTED_TOKEN ? `"${quoted.slice(0, MAX_QUOTED_TOKEN).replace(/\\(u[0-9a-fA-F]{0,3})?$/, '')}…"` : whole,
  );
}

/** eemeli/yaml's messages are good; strip the position suffix and say what to do for the common cases. */
function readableYamlMessage(message: string, code: string): string {
  const first = clipQuotedToken(message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').trim());
  switch (code) {
    case 'DUPLICATE_KEY':
      return `${first}. Each key may appear once in a map: remove or rename the repeated key.`;
    case 'TAB_AS_INDENT':
      return 'Tabs cannot indent YAML: indent with spaces.';
    case 'RESOURCE_EXHAUSTION':
      return NESTING_MESSAGE;
    case 'MULTIPLE_DOCS':
      return 'A manifest holds one YAML document: move the content after `---` into a file of its own.';
    default:
      return first.endsWith('.') ? first : `${first}.`;
  }
}
