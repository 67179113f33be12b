/**
 * Text from a manifest, a file name or an argument, made safe to print on a terminal or to
 * `cat` from a file. A manifest can hold any character (`name: "\e[2J"` is valid YAML) and a
 * file can be named with any byte but `/`, so the CLI writes every control character and every
 * bidirectional control as a visible escape (`\u001b`, `\u202e`): a manifest cannot move the
 * cursor, clear, recolour or retitle the terminal, nor reorder the text that is shown.
 *
 * The escapes are JSON's own (`\n`, `\t`, `\r`, `\uXXXX`), so escaping JSON text keeps it valid
 * JSON that parses to the same values: outside its strings JSON has only spaces and newlines,
 * and `JSON.stringify` has already escaped backslashes inside them.
 */

/**
 * C0 controls, DEL and C1 controls (`\p{Cc}`: ESC, CSI `\u009b`, BEL...), the Arabic letter
 * mark, the left-to-right and right-to-left marks, the embeddings and overrides
 * (U+202A–U+202E), the isolates (U+2066–U+2069), and the line and paragraph separators.
 */
const UNSAFE = /[\p{Cc}\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

/** Everything unsafe except the newlines and tabs of the format itself. */
const UNSAFE_BUT_LINES = /[^\P{Cc}\n\t]|[\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

const ESC = '\u001b';

/** What follows the ESC of an SGR colour code (`ESC [31m`, `ESC [0m`), read where an ESC is found. */
const SGR_TAIL = /\[[0-9;]*m/y;

const SHORT: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escape(ch: string): string {
  return SHORT[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** One piece of text on one line (a file name, a message, an id): every unsafe character escaped, newlines and tabs too. */
export function visible(text: string): string {
  return text.replace(UNSAFE, escape);
}

/** A whole output (JSON, SARIF, Mermaid, Markdown): every unsafe character escaped but the format's own newlines and tabs. */
export function visibleLines(text: string): string {
  return text.replace(UNSAFE_BUT_LINES, escape);
}

/**
 * The last guard on what the CLI writes to stdout: as `visibleLines`, and with `color` the
 * SGR colour codes (`ESC [ digits m`) are kept. Those can only be the CLI's own: the
 * formatters have escaped the manifest's text before, so its ESC characters are gone already.
 */
export function visibleOutput(text: string, color: boolean): string {
  if (!color) return visibleLines(text);
  return text.replace(UNSAFE_BUT_LINES, (ch: string, offset: number) => {
    if (ch !== ESC) return escape(ch);
    SGR_TAIL.lastIndex = offset + 1;
    return SGR_TAIL.test(text) ? ch : escape(ch);
  });
}

/** A message for stderr: one line, so everything is escaped but the newline that ends it. */
export function visibleMessage(text: string): string {
  return text.endsWith('\n') ? visible(text.slice(0, -1)) + '\n' : visible(text);
}
