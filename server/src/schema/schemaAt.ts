/**
 * The JSON Schema of a place in the manifest, by its path of keys and list items. One walk for
 * the validator's messages and for completion and hover. Keys come from the user, so only the
 * schema's own properties count: a key named `constructor` or `__defineGetter__` has no schema.
 */
import { own } from '../model/lookup';
import { manifestSchema, type JsonSchema } from '../model/vocabulary';

/** A path segment that stands for "an item of the list" (a number, the item's index, does too). */
export const ITEM = '[]';

export function resolveRef(schema: JsonSchema | undefined): JsonSchema | undefined {
  if (!schema?.$ref) return schema;
  const name = /^#\/definitions\/(.+)$/.exec(schema.$ref)?.[1];
  return name && manifestSchema.definitions ? own(manifestSchema.definitions, name) : undefined;
}

/** The branch of a schema that describes a map: itself, or the object alternative of an `anyOf`. */
export function objectBranch(schema: JsonSchema | undefined): JsonSchema | undefined {
  if (!schema) return undefined;
  if (schema.type === 'object' || schema.properties || schema.additionalProperties !== undefined) return schema;
  return schema.anyOf?.map(resolveRef).find((s) => s?.type === 'object');
}

/** The schema of the node at `path` (keys, and `ITEM` or an index for list items), or undefined where the schema says nothing. */
export function schemaAt(path: readonly (string | number)[]): JsonSchema | undefined {
  let schema: JsonSchema | undefined = manifestSchema;
  for (const segment of path) {
    schema = resolveRef(schema);
    if (!schema) return undefined;
    if (segment === ITEM || typeof segment === 'number') schema = schema.items;
    else {
      const object = objectBranch(schema);
      schema = (object?.properties ? own(object.properties, segment) : undefined) ?? (typeof object?.additionalProperties === 'object' ? object.additionalProperties : undefined);
    }
  }
  return resolveRef(schema);
}
