/**
 * Turning manifest text into Mermaid that draws it verbatim.
 *
 * Ids and names come from the user: a system may be called `end`, `"quoted"`, `a --> b`,
 * `<img src=x onerror=alert(1)>` or `%%{init: ...}%%`. So the generators never use manifest
 * text as a Mermaid id (ids are generated: s0, e0, p0...), and every piece of text goes
 * through `sequenceText` (sequence diagrams) or `flowchartText` (flowchart labels), which keep
 * letters, digits, spaces and a few harmless marks and write every other character as a
 * Mermaid entity code (`#35;` for `#`). Mermaid turns entity codes back into characters only
 * when it draws the text, after it has parsed the diagram, so no character of the name can be
 * read as syntax, a directive, a comment, markup or a `click` callback.
 *
 * Keywords are letters, and letters are kept: Mermaid reads a quoted flowchart label, and the
 * text after `:` or `as` in a sequence diagram, as text, so `end`, `loop`, `Note right of` or
 * `click me` are harmless there. What is not, and is handled here:
 * - whitespace other than the space: Mermaid's lexers read it as a blank (`direction\u00a0TB`
 *   is a statement too) and its SVG labels split words at it, so it is written as a code; in
 *   a sequence diagram a no-break space becomes a space (`sequenceText`);
 * - `direction TB` anywhere in a flowchart line (`LINE_KEYWORD`);
 * - what Mermaid's HTML labels (GitHub, Azure DevOps) do to a label after decoding its codes:
 *   `fa:fa-car` becomes an icon, `$$x$$` a formula, a backslash before `n` a line break, and
 *   `ﬂ°` or `¶ß` (Mermaid's own entity markers) an entity (`HTML_LABEL_SYNTAX`);
 * - in the preview's SVG labels, what Mermaid would do to the codes above ASCII (`toPrivateUse`).
 * test/unit/mermaidKeywords.test.ts and test/browser/mermaidKeywords.test.ts try every keyword
 * in every place a name is drawn, with real Mermaid for the latter.
 *
 * Mermaid's HTML labels and its sequence diagrams decode the codes themselves. Its SVG text
 * labels (the preview draws flowcharts with those, so that PNG export works) would show
 * `&#35;`, and would measure and wrap that as five characters: so the preview first turns each
 * code of an ASCII character into one private-use character (`toPrivateUse`), which Mermaid
 * treats as a plain letter, and after drawing turns the text back (`decodeEntityCodes`).
 */
import type { Direction } from './diagrams';

/** Characters written as they are: letters and digits of any script, space, and marks Mermaid never reads as syntax. */
const SAFE = /[\p{L}\p{N} .,()_'?!/+=@-]/u;

/** Text that needs no work at all (most names): ASCII letters, digits and the safe marks. */
const PLAIN = /^[A-Za-z0-9 .,()_'?!/+=@-]*$/;

/** Control characters and bidirectional overrides: dropped, so a name cannot hide or reorder text. */
const INVISIBLE = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/** Whitespace other than the space (no-break, wide, line and paragraph separators, BOM): written as codes. */
const OTHER_SPACE = /[^\S ]/u;

/**
 * Characters Mermaid uses internally while it protects entity codes (`ﬂ°°`, `ﬂ°`, `¶ß`):
 * written as codes too, so a name cannot forge an entity.
 */
const ENTITY_MARKERS = ['ﬂ', '°', '¶'];

/**
 * U+2060 WORD JOINER: invisible, and never read as a blank. `flowchartText` puts it, raw,
 * between characters an HTML label would read together; a name's own is written as a code.
 */
const JOINER = '\u2060';

/** The most characters a label keeps before it is shortened with an ellipsis. */
export const MAX_LABEL = 80;

/**
 * Manifest text as Mermaid label text: entity codes for every character that is not safe, line
 * breaks and tabs as spaces, control and bidirectional characters dropped, shortened to `max`
 * characters. Use `sequenceText` and `flowchartText`, which add what each kind of diagram needs.
 */
export function mermaidText(raw: string | undefined, max = MAX_LABEL): string {
  if (raw !== undefined && raw.length <= max && PLAIN.test(raw) && raw.trim() === raw && !raw.includes('  ')) return raw;
  const flat = (raw ?? '').replace(/\r\n|\r|\n|\t/g, ' ').replace(INVISIBLE, '').replace(/ {2,}/g, ' ').trim();
  const chars = Array.from(flat);
  const shown = chars.length > max ? [...chars.slice(0, max - 1), '…'] : chars;
  let out = '';
  for (const ch of shown) {
    const code = ch.codePointAt(0)!;
    const kept = SAFE.test(ch) || (code > 0x7f && !OTHER_SPACE.test(ch) && !isPrivateStandIn(code) && ch !== JOINER);
    out += kept && !ENTITY_MARKERS.includes(ch) ? ch : `#${code};`;
  }
  return out;
}

/**
 * Text for a sequence diagram: after `as` and `:`, and in `loop` and `alt` blocks. As
 * `mermaidText`, with a no-break space as a space: the preview reads Mermaid's drawing as XML,
 * and a browser serializes a no-break space in it as `&nbsp;`, which XML does not know (the
 * drawing would fail). Flowchart labels keep it (`toPrivateUse`).
 */
export function sequenceText(raw: string | undefined, max = MAX_LABEL): string {
  return mermaidText(raw?.replaceAll('\u00a0', ' '), max);
}

/**
 * `direction TB`, `BT`, `LR`, `RL` or `TD` anywhere in a line: Mermaid's flowchart lexer matches
 * it (`.*direction\s+TB[^\n]*`) before it looks for a quoted label, and takes the whole line for
 * a direction statement, so the node or edge of that line is lost (and a `linkStyle` of the edge
 * then fails). Writing the space as a code (`direction#32;TB`) leaves no match and draws the same.
 */
const LINE_KEYWORD = /(direction) (?=TB|BT|LR|RL|TD)/gi;

/**
 * What an HTML label reads after its sanitizer has decoded the entity codes, written here
 * with codes: an icon (`fa:fa-car`, `fab:fa-x`: the colon before `fa-`), a KaTeX formula
 * (`$$`), a line break (a backslash before `n`), and Mermaid's entity markers (`ﬂ°`, `¶ß`).
 * A joiner between the two characters leaves nothing to read, and nothing visible.
 */
const HTML_LABEL_SYNTAX = /(#58;)(?=fa-)|(#36;)(?=#36;)|(#92;)(?=n)|(#64258;)(?=#176;)|(#182;)(?=ß)/g;

/**
 * Text for a quoted flowchart label (`["..."]`, `{{"..."}}`, `|"..."|`): `mermaidText`, and
 * neither a `direction` statement for the line nor anything an HTML label would read as markup.
 */
export function flowchartText(raw: string | undefined, max = MAX_LABEL): string {
  const text = mermaidText(raw, max);
  if (!text.includes('#') && !/direction/i.test(text)) return text;
  return text.replace(LINE_KEYWORD, '$1#32;').replace(HTML_LABEL_SYNTAX, (code: string) => code + JOINER);
}

/**
 * A generated application diagram turned to flow the other way: its first line, `flowchart LR`
 * or `flowchart TB` (the generators write nothing else there), names `direction`. Any other
 * text comes back unchanged.
 */
export function withDirection(mermaid: string, direction: Direction): string {
  return mermaid.replace(/^flowchart (?:LR|TB)\n/, `flowchart ${direction}\n`);
}

/** A generated Mermaid id: a prefix and a counter, never manifest text. */
export function mermaidId(prefix: string, index: number): string {
  return `${prefix}${index}`;
}

/** The private-use block that stands in for ASCII characters while Mermaid lays out SVG labels. */
const PRIVATE_BASE = 0xe000;

/**
 * The characters above ASCII that `mermaidText` writes as codes for Mermaid's sake, each with a
 * stand-in of its own from the codes no ASCII character needs (1 to 31 are control characters,
 * never in a label): the entity markers, which the last pass of an SVG label would read as an
 * entity, and whitespace, which an SVG label would split words at and draw as a space.
 */
const SPECIAL = [...ENTITY_MARKERS, ...'\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff'];
const SPECIAL_STAND_INS = new Map(SPECIAL.map((ch, i) => [ch.codePointAt(0)!, String.fromCharCode(PRIVATE_BASE + 1 + i)]));

/** Before a private-use character of the name itself, which would otherwise read as a stand-in (DEL, code 127, is never in a label). */
const ESCAPE = String.fromCharCode(PRIVATE_BASE + 0x7f);

function isPrivateStandIn(code: number): boolean {
  return code >= PRIVATE_BASE && code < PRIVATE_BASE + 0x80;
}

/**
 * Prepares flowchart Mermaid for SVG labels: each entity code of an ASCII character (`#35;`)
 * becomes its one-character private-use stand-in, so do the codes in `SPECIAL`; the code of a
 * private-use character becomes `ESCAPE` and the character; the joiners `flowchartText` put in
 * for HTML labels go. Mermaid draws stand-ins as plain letters; `decodeEntityCodes` turns them
 * back in the drawn text.
 */
export function toPrivateUse(mermaid: string): string {
  return mermaid.replaceAll(JOINER, '').replace(/#(\d{1,7});/g, (whole, code: string) => {
    const n = Number(code);
    if (n > 0 && n < 0x80) return String.fromCharCode(PRIVATE_BASE + n);
    if (isPrivateStandIn(n)) return ESCAPE + String.fromCharCode(n);
    return SPECIAL_STAND_INS.get(n) ?? whole;
  });
}

/**
 * Turns drawn label text back into the manifest's text: private-use stand-ins (ASCII, `SPECIAL`,
 * an escaped private-use character) and `&#NNN;` codes become their characters. One pass, so
 * nothing is decoded twice: a name that contains the characters `&#35;` comes back as `&#35;`,
 * not as `#`.
 */
export function decodeEntityCodes(text: string): string {
  return text.replace(/\ue07f([\ue000-\ue07f])|&#(\d{1,7});|[\ue000-\ue07e]/g, (whole, escaped: string | undefined, code: string | undefined) => {
    if (escaped !== undefined) return escaped;
    if (code === undefined) {
      const n = whole.charCodeAt(0) - PRIVATE_BASE;
      return n >= 1 && n <= SPECIAL.length ? SPECIAL[n - 1]! : String.fromCharCode(n);
    }
    const n = Number(code);
    return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : whole;
  });
}
