/**
 * docs/format.md, the format reference for users, is generated from the schema's descriptions
 * (scripts/format-doc.mjs): it must be what the generator writes today, and say every key.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { manifestSchema, type JsonSchema } from '../../server/src/model/vocabulary';
import { resolveRef } from '../../server/src/schema/schemaAt';

const ROOT = join(__dirname, '..', '..');
const DOC = readFileSync(join(ROOT, 'docs', 'format.md'), 'utf8');

/** Every key of the format with its schema and its section's path (`integrations[].security`), walked here independently of the generator. */
function keys(schema: JsonSchema | undefined, path: string, out: { path: string; key: string; schema: JsonSchema }[] = []): typeof out {
  const shape = schema?.type === 'object' ? schema : schema?.anyOf?.map(resolveRef).find((s) => s?.type === 'object');
  for (const [key, raw] of Object.entries(shape?.properties ?? {})) {
    const value = resolveRef(raw)!;
    out.push({ path, key, schema: value });
    const child = path ? `${path}.${key}` : key;
    if (value.type === 'array' && resolveRef(value.items)?.type === 'object') keys(resolveRef(value.items), `${child}[]`, out);
    else keys(value, child, out);
  }
  if (typeof shape?.additionalProperties === 'object') keys(shape.additionalProperties, `${path}.*rule id*`, out);
  return out;
}

/** The rows of the section headed `path` (the manifest's top level when empty). */
function section(path: string): string {
  const heading = path ? `## \`${path}\`\n` : '## The manifest\n';
  const start = DOC.indexOf(heading);
  assert.ok(start >= 0, `no section ${heading.trim()}`);
  const end = DOC.indexOf('\n## ', start + 1);
  return DOC.slice(start, end < 0 ? undefined : end);
}

describe('docs/format.md', () => {
  it('is what scripts/format-doc.mjs writes from the schema today (run it after changing the schema)', () => {
    const check = spawnSync(process.execPath, [join(ROOT, 'scripts', 'format-doc.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(check.status, 0, check.stderr);
  });

  it('has a row for every key of the format, with its description, in the section of its map', () => {
    const all = keys(manifestSchema, '');
    assert.ok(all.length > 80, `${all.length} keys`);
    for (const { path, key, schema } of all) {
      const rows = section(path);
      const row = rows.split('\n').find((line) => line.startsWith(`| \`${key}\` |`));
      assert.ok(row, `no row for ${key} in ${path || 'the top level'}`);
      if (schema.description) assert.ok(row.includes(schema.description.replace(/\|/g, '\\|')), `${path}.${key}: the description`);
      for (const value of schema.enum && schema.enum.length <= 14 ? schema.enum : []) assert.ok(row.includes(`\`${value}\``), `${path}.${key}: ${value}`);
    }
  });

  it('lists a long vocabulary (the system kinds) in full', () => {
    const kinds = resolveRef(manifestSchema.properties?.['systems']?.items)?.properties?.['kind']?.enum ?? [];
    assert.ok(kinds.length > 14);
    for (const kind of kinds) assert.ok(DOC.includes(`\`${kind}\``), kind);
  });
});
