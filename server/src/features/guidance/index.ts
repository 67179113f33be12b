/**
 * Look-ups of the guidance texts and the Markdown that completion documentation and hovers
 * show for a key or a value.
 */
import { own } from '../../model/lookup';
import { familyOf, type JsonSchema } from '../../model/vocabulary';
import { ruleDocsUrl } from '../../../../shared/src/product';
import { KEY_GUIDANCE, type KeyGuidance } from './keys';
import { FAMILY_GUIDANCE, KIND_LINES } from './systemKinds';
import { VALUE_GUIDANCE, type ValueGuidance } from './values';

export type { KeyGuidance, ValueGuidance };

export function keyGuidance(path: string): KeyGuidance | undefined {
  return own(KEY_GUIDANCE, path);
}

const UNITS: Readonly<Record<string, string>> = { s: 'second', m: 'minute', h: 'hour', d: 'day' };

/** What a value means at a key (by guidance path), or undefined when the guidance has nothing on it. */
export function valueGuidance(path: string, value: string): ValueGuidance | undefined {
  if (path === 'system.kind') {
    const line = own(KIND_LINES, value);
    const family = familyOf(value);
    if (!line || !family) return undefined;
    const f = FAMILY_GUIDANCE[family];
    return { short: line, text: `**${f.title}.** ${f.text}` };
  }
  if (path === 'integration.frequency') {
    const m = /^every (\d+(?:\.\d+)?)([smhd])$/.exec(value);
    if (m) return { short: `Every ${m[1]} ${UNITS[m[2]!]}${m[1] === '1' ? '' : 's'}.` };
  }
  const values = own(VALUE_GUIDANCE, own(SAME_VALUES, path) ?? path);
  return values ? own(values, value) : undefined;
}

/** Lists whose values mean what they mean on an integration: a saved view's `include`. */
const SAME_VALUES: Readonly<Record<string, string>> = { 'view.include.types': 'integration.type', 'view.include.patterns': 'integration.pattern' };

/** Links to the documentation pages of rules. */
export function ruleLinks(ids: readonly string[]): string {
  return ids.map((id) => `[\`${id}\`](${ruleDocsUrl(id)})`).join(', ');
}

/** Markdown for a key: what it holds (the schema), what the guidance says, its values, the rules that check it. */
export function keyMarkdown(path: string, key: string, schema: JsonSchema | undefined): string {
  const parts = [`**\`${key}\`**`];
  if (schema?.description) parts.push(schema.description);
  const guidance = keyGuidance(path);
  if (guidance) parts.push(guidance.text);
  const values = schema?.enum ?? schema?.anyOf?.find((s) => s.enum)?.enum;
  if (values) parts.push(`Values: ${values.map((v) => `\`${v}\``).join(', ')}.`);
  if (guidance?.rules?.length) parts.push(`Checked by ${ruleLinks(guidance.rules)}.`);
  return parts.join('\n\n');
}

/** Markdown for a value at a key, or undefined when the guidance has nothing on it. */
export function valueMarkdown(path: string, key: string, value: string): string | undefined {
  const guidance = valueGuidance(path, value);
  if (!guidance) return undefined;
  const parts = [`**\`${key}: ${value}\`**${guidance.recommended ? ' (recommended)' : ''}`, guidance.short];
  if (guidance.text) parts.push(guidance.text);
  if (guidance.rules?.length) parts.push(`Checked by ${ruleLinks(guidance.rules)}.`);
  return parts.join('\n\n');
}
