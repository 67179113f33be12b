/**
 * The parameters of the requests the language server answers, checked before a handler reads
 * them. Whatever writes to the server's input may send any JSON: a request whose parameters
 * lack a field its handler reads, or hold one of the wrong type, is answered with InvalidParams
 * and a message naming the field (`position.line must be a non-negative integer`) instead of
 * failing inside the handler. The server (`guarded` in server.ts) runs every request through
 * these checks; fields a handler does not read are not checked.
 */

/** Checks the value found at `path`: what is wrong with it, or undefined when nothing is. */
export type Check = (value: unknown, path: string) => string | undefined;

/** The name of the value at `path` in a message: the parameters themselves are `params`. */
const named = (path: string) => path || 'params';
const field = (path: string, key: string) => (path ? `${path}.${key}` : key);

export const string: Check = (value, path) => (typeof value === 'string' ? undefined : `${named(path)} must be a string`);

/** One of the given strings. */
export function oneOf(...values: string[]): Check {
  return (value, path) => (typeof value === 'string' && values.includes(value) ? undefined : `${named(path)} must be ${values.map((v) => JSON.stringify(v)).join(' or ')}`);
}

export const boolean: Check = (value, path) => (typeof value === 'boolean' ? undefined : `${named(path)} must be a boolean`);

/** LSP's `uinteger` (a line, a character). Larger than 2^31 - 1 is accepted: positions past the end are clamped. */
export const uinteger: Check = (value, path) =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? undefined : `${named(path)} must be a non-negative integer`;

/** A field that may be left out (or sent as null, as some clients write a field they have no value for). */
export function optional(check: Check): Check {
  return (value, path) => (value === undefined || value === null ? undefined : check(value, path));
}

/** An object (not null, not an array) with these fields; other fields are not checked. */
export function object(fields: Record<string, Check>): Check {
  return (value, path) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return `${named(path)} must be an object`;
    const record = value as Record<string, unknown>;
    for (const [key, check] of Object.entries(fields)) {
      const problem = check(record[key], field(path, key));
      if (problem) return problem;
    }
    return undefined;
  };
}

export function array(item: Check): Check {
  return (value, path) => {
    if (!Array.isArray(value)) return `${named(path)} must be an array`;
    for (let i = 0; i < value.length; i++) {
      const problem = item(value[i] as unknown, `${named(path)}[${i}]`);
      if (problem) return problem;
    }
    return undefined;
  };
}

const textDocument = object({ uri: string });
const position = object({ line: uinteger, character: uinteger });
const range = object({ start: position, end: position });
/** A diagnostic the client sends back with a code action request: the handler reads its range (and `code` and `data`, which it checks itself). */
const diagnostic = object({ range, message: string });

/** The parameters of each request, by what the handler reads. */
export const PARAMS = {
  /** documentSymbol, codeLens, willSaveWaitUntil. */
  textDocument: object({ textDocument }),
  /** completion, hover, definition, documentHighlight, prepareRename. */
  textDocumentPosition: object({ textDocument, position }),
  references: object({ textDocument, position, context: object({ includeDeclaration: boolean }) }),
  rename: object({ textDocument, position, newName: string }),
  codeAction: object({ textDocument, range, context: object({ diagnostics: array(diagnostic), only: optional(array(string)) }) }),
  documentDiagnostic: object({ textDocument, previousResultId: optional(string), identifier: optional(string) }),
  /** completionItem/resolve: the item itself (its `data` is read back by the completion feature, which trusts none of it). */
  completionItem: object({ label: string }),
  /** integrationManifests/diagrams. */
  diagrams: object({ uri: string, focus: optional(string), only: optional(oneOf('application')) }),
  /** codeAction/resolve: the action itself (its `data` is read back by `readApplyPatternsData`, which trusts none of it). */
  codeActionResolve: object({ title: string }),
  /** integrationManifests/changes: `baseText` is a string, or null for a file new since the base. */
  changes: object({ uri: string, baseText: optional(string), baseLabel: string }),
} satisfies Record<string, Check>;

/** What is wrong with a request's parameters, or undefined. */
export function paramsProblem(check: Check, params: unknown): string | undefined {
  return check(params, '');
}
