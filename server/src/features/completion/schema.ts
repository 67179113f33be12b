/**
 * The JSON Schema seen from a position in the document: the schema of a path of keys and
 * list items, and the "guidance path" that names it in the guidance texts
 * (`integration.security.transport`, `system.kind`, `rule`).
 */
import type { JsonSchema } from '../../model/vocabulary';
import { ITEM, objectBranch, resolveRef, schemaAt } from '../../schema/schemaAt';
import { valueText } from '../../document/nodes';
import { own } from '../../model/lookup';

export { ITEM, objectBranch, schemaAt };

/** The values a scalar may take (`enum`, or a `const`), looking into an `anyOf`. */
export function enumValues(schema: JsonSchema | undefined): readonly string[] | undefined {
  if (!schema) return undefined;
  if (schema.enum) return schema.enum;
  if (schema.const !== undefined) return [valueText(schema.const)];
  for (const branch of schema.anyOf ?? []) {
    const values = enumValues(resolveRef(branch));
    if (values) return values;
  }
  return undefined;
}

export function typeOf(schema: JsonSchema | undefined): 'object' | 'array' | 'string' | 'boolean' | 'integer' | 'scalar' | undefined {
  if (!schema) return undefined;
  if (schema.type === 'object' || schema.type === 'array' || schema.type === 'string' || schema.type === 'boolean' || schema.type === 'integer')
    return schema.type;
  if (schema.anyOf) return 'scalar';
  if (schema.const !== undefined) return 'scalar';
  return undefined;
}

const ITEM_NAMES: Readonly<Record<string, string>> = {
  systems: 'system',
  integrations: 'integration',
  goals: 'goal',
  actors: 'actor',
  steps: 'step',
  waivers: 'waiver',
  mapping: 'mapping',
  views: 'view',
};

/**
 * The name of a path in the guidance texts: list items restart the name with the item's
 * kind, so `integrations[].data.mapping[].from` is `mapping.from` and both kinds of waiver
 * are `waiver.*`; a rule's entry under `rules:` is `rule`.
 */
export function guidancePath(path: readonly string[]): string {
  let parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    if (segment === ITEM) continue;
    const itemName = path[i + 1] === ITEM ? own(ITEM_NAMES, segment) : undefined;
    if (itemName) parts = [itemName];
    else if (i === 1 && path[0] === 'rules') parts = ['rule'];
    else parts.push(segment);
  }
  return parts.join('.');
}

/** The first sentence of a description, for a completion item's one-line detail. */
export function firstSentence(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const m = /^(.+?[.!?])(\s|$)/.exec(text);
  return (m ? m[1]! : text).replace(/`/g, '');
}
