/**
 * Turning manifest text into Mermaid that draws it verbatim.
 *
 * Ids and names come from the user: a system may be called `end`, `"quoted"`, `a --> b`,
 * `<img src=x onerror=alert(1)>` or `%%{init: ...}%%`. So the generators never use manifest
 * text as a Mermaid id (ids are generated: s0, e0, p0...), and every piece of text goes
 * through `mermaidText`, which keeps letters, digits, spaces and a few harmless marks and
 * writes every other character as a Mermaid entity code (`#35;` for `#`). Mermaid turns
 * entity codes back into characters only when it draws the text, after it has parsed the
 * diagram and after its sanitizer has run, so no character of the name can be read as
 * syntax, a directive, a comment, markup or a `click` callback.
 *
 * Mermaid's HTML labels (GitHub) and its sequence diagrams decode the codes themselves. Its
 * SVG text labels (the preview draws those, so that PNG export works) would show `&#35;`, and
 * would measure and wrap that as five characters: so the preview first turns each code of an
 * ASCII character into one private-use character (`toPrivateUse`), which Mermaid treats as a
 * plain letter, and after drawing turns the text back (`decodeEntityCodes`).
 */

/** Characters written as they are: letters and digits of any script, space, and marks Mermaid never reads as syntax. */
const SAFE = /[\p{L}\p{N} .,()_'?!/+=@-]/u;

/** Text that needs no work at all (most names): ASCII letters, digits and the safe marks. */
const PLAIN = /^[A-Za-z0-9 .,()_'?!/+=@-]*$/;

/** Control characters and bidirectional overrides: dropped, so a name cannot hide or reorder text. */
const INVISIBLE = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/** The most characters a label keeps before it is shortened with an ellipsis. */
export const MAX_LABEL = 80;

/**
 * Text for a Mermaid label, safe inside `"..."` in a flowchart and after `as`/`:` in a
 * sequence diagram. Line breaks become spaces; long text is shortened to `max` characters.
 */
export function mermaidText(raw: string | undefined, max = MAX_LABEL): string {
  if (raw !== undefined && raw.length <= max && PLAIN.test(raw) && raw.trim() === raw && !raw.includes('  ')) return raw;
  const flat = (raw ?? '').replace(/\r\n|\r|\n|\t/g, ' ').replace(INVISIBLE, '').replace(/ {2,}/g, ' ').trim();
  const chars = Array.from(flat);
  const shown = chars.length > max ? [...chars.slice(0, max - 1), '…'] : chars;
  let out = '';
  for (const ch of shown) {
    const code = ch.codePointAt(0)!;
    if (SAFE.test(ch) || (code > 0x7f && !ENTITY_MARKERS.has(ch) && !isPrivateStandIn(code))) out += ch;
    else out += `#${ch.codePointAt(0)};`;
  }
  return out;
}

/**
 * Characters Mermaid uses internally while it protects entity codes (`ﬂ°`, `°°`, `¶ß`):
 * written as codes too, so a name cannot forge an entity.
 */
const ENTITY_MARKERS = new Set(['ﬂ', '°', '¶']);

/** A generated Mermaid id: a prefix and a counter, never manifest text. */
export function mermaidId(prefix: string, index: number): string {
  return `${prefix}${index}`;
}

/** The private-use block that stands in for ASCII characters while Mermaid lays out SVG labels. */
const PRIVATE_BASE = 0xe000;

function isPrivateStandIn(code: number): boolean {
  return code >= PRIVATE_BASE && code < PRIVATE_BASE + 0x80;
}

/** Replaces each entity code of an ASCII character (`#35;`) by its one-character private-use stand-in. */
export function toPrivateUse(mermaid: string): string {
  return mermaid.replace(/#(\d{1,3});/g, (whole, code: string) => {
    const n = Number(code);
    return n > 0 && n < 0x80 ? String.fromCharCode(PRIVATE_BASE + n) : whole;
  });
}

/**
 * Turns drawn label text back into the manifest's text: private-use stand-ins and `&#NNN;`
 * codes become their characters. One pass, so nothing is decoded twice: a name that contains
 * the characters `&#35;` comes back as `&#35;`, not as `#`.
 */
export function decodeEntityCodes(text: string): string {
  return text.replace(/&#(\d{1,7});|[\ue000-\ue07f]/g, (whole, code: string | undefined) => {
    if (code === undefined) return String.fromCharCode(whole.charCodeAt(0) - PRIVATE_BASE);
    const n = Number(code);
    return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : whole;
  });
}
