/** Finding places in a manifest's text, in the 1-based lines and columns the editor shows. */

/** The line (1-based) of the n-th line (0-based n) that contains `needle`, and its column. */
export function locate(text: string, needle: string, occurrence = 0): { line: number; column: number } {
  const lines = text.split('\n');
  let seen = 0;
  for (let i = 0; i < lines.length; i++) {
    const column = (lines[i] ?? '').indexOf(needle);
    if (column < 0) continue;
    if (seen++ === occurrence) return { line: i + 1, column: column + 1 };
  }
  throw new Error(`${JSON.stringify(needle)} (occurrence ${occurrence}) is not in the text`);
}

/** The text of a 1-based line. */
export function lineAt(text: string, line: number): string {
  return text.split('\n')[line - 1] ?? '';
}
