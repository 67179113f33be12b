/**
 * Messages and fix titles are written once, in the Markdown of hovers: keys, values and ids
 * in backticks (`mode`, `async`). Where they are shown as plain text (the Problems panel, a
 * squiggle's tooltip, the light bulb's menu, the command line) the backticks would show as
 * they are, so the output boundaries (`toDiagnostic`, `codeActions`, the CLI's formats) turn
 * each quote into single quotes, as compilers and linters quote names: `mode` reads 'mode'.
 * Hovers and the Markdown documentation keep the backticks.
 */

/** `text` with each backtick quote written in single quotes; a lone backtick is kept. */
export function plainText(text: string): string {
  if (!text.includes('`')) return text;
  return text.replace(/`([^`\r\n]*)`/g, "'$1'");
}
