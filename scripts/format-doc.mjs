// Writes docs/format.md, the manifest format reference for users, from the descriptions in
// schemas/integration-manifest.schema.json (which scripts/schema-source.mjs generates): one
// section per map of the format, one row per key, with what it holds and what it means.
//
// Usage: node scripts/format-doc.mjs            write docs/format.md
//        node scripts/format-doc.mjs --check    exit 1 when docs/format.md is not what it would write
// test/unit/formatDoc.test.ts runs the check, so the reference cannot fall behind the schema.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SCHEMA = new URL('../schemas/integration-manifest.schema.json', import.meta.url);
export const FORMAT_DOC = new URL('../docs/format.md', import.meta.url);

/** A `$ref` of the schema (`#/definitions/integration`) as the schema it names. */
function resolve(schema, root) {
  if (!schema?.$ref) return schema;
  return schema.$ref
    .replace(/^#\//, '')
    .split('/')
    .reduce((node, key) => node[key], root);
}

/** The map shape of a schema that may be one (`anyOf` of a severity or a map). */
function mapShape(schema) {
  if (schema?.type === 'object') return schema;
  return schema?.anyOf?.find((s) => s.type === 'object');
}

/** A table cell: one line, no pipe that would end the cell. */
function cell(text) {
  return String(text).replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
}

const code = (s) => '`' + s + '`';

/** What a value holds, in words, with its vocabulary. */
function holds(schema, root, section) {
  schema = resolve(schema, root);
  if (schema.enum) return schema.enum.length <= LONG ? `one of ${schema.enum.map(code).join(', ')}` : `one of the ${schema.enum.length} values [listed below](#${anchor(valuesTitle(section))})`;
  if (schema.const !== undefined) return code(JSON.stringify(schema.const));
  if (schema.anyOf) return schema.anyOf.map((s) => holds(s, root, section)).join(', or ');
  switch (schema.type) {
    case 'object':
      return schema.properties ? `a map (see [${section}](#${anchor(section)}))` : `a map of ${schema.additionalProperties ? 'entries' : 'keys'} (see [${section}](#${anchor(section)}))`;
    case 'array': {
      const items = resolve(schema.items, root);
      if (items.type === 'object') return `a list of maps (see [${section}[]](#${anchor(section + '[]')}))`;
      const each = holds(items, root, section);
      return each === 'an id' ? 'a list of ids' : `a list of ${each}`;
    }
    case 'boolean':
      return '`true` or `false`';
    case 'integer':
      return schema.minimum !== undefined ? `a whole number, ${schema.minimum} or more` : 'a whole number';
    case 'string':
      if (schema.pattern === '^[A-Za-z][A-Za-z0-9_-]*$' || schema.description?.startsWith('Id of ')) return 'an id';
      // A value with a form of its own is named as its form message names it: "A rate is ...".
      if (schema.patternErrorMessage) return /^(An? [a-z ]+?) is /.exec(schema.patternErrorMessage)?.[1]?.toLowerCase() ?? 'text in a set form';
      return 'text';
    default:
      return 'a value';
  }
}

/** Vocabularies longer than this are listed in a section of their own. */
const LONG = 14;

const valuesTitle = (path) => `The values of ${path}`;

/** GitHub's heading anchor of a section title written as code. */
function anchor(title) {
  return title.toLowerCase().replace(/[^a-z0-9 _-]/g, '').replace(/ /g, '-');
}

/** The sections of the reference: each map of the format, in document order, depth first. */
function sections(schema, root, title, out) {
  const shape = mapShape(resolve(schema, root));
  if (!shape) return out;
  const properties = shape.properties ?? {};
  const required = new Set(shape.required ?? []);
  const rows = [];
  const nested = [];
  for (const [key, raw] of Object.entries(properties)) {
    const value = resolve(raw, root);
    const path = title ? `${title}.${key}` : key;
    const items = value.type === 'array' ? resolve(value.items, root) : undefined;
    const form = value.patternErrorMessage && value.pattern !== '^[A-Za-z][A-Za-z0-9_-]*$' ? ` ${value.patternErrorMessage}` : '';
    rows.push({ key, required: required.has(key), holds: holds(value, root, path), description: (value.description ?? '') + form });
    if (mapShape(value)?.properties || (value.type === 'object' && value.additionalProperties)) nested.push([value, path]);
    if (items?.type === 'object') nested.push([items, `${path}[]`]);
  }
  if (shape.additionalProperties && typeof shape.additionalProperties === 'object') {
    const entry = shape.additionalProperties;
    rows.push({ key: '*rule id*', required: false, holds: holds(entry, root, title), description: 'One entry per rule to configure, by its id (see the rule pages in [rules/](rules/)).' });
    for (const branch of entry.anyOf ?? []) if (branch.type === 'object') nested.push([branch, `${title}.*rule id*`]);
  }
  out.push({ title: title || 'The manifest', description: title ? (shape.description ?? '') : '', rows });
  for (const [key, raw] of Object.entries(properties)) {
    const values = resolve(raw, root).enum;
    if (values && values.length > LONG) out.push({ title: valuesTitle(title ? `${title}.${key}` : key), values });
  }
  for (const [value, path] of nested) sections(value, root, path, out);
  return out;
}

/** The reference, as Markdown. */
export function formatMarkdown(schema) {
  const lines = [
    '# The manifest format',
    '',
    '<!-- Generated from schemas/integration-manifest.schema.json by scripts/format-doc.mjs: do not edit. -->',
    '',
    `${schema.description} A manifest is a YAML file named \`*.integration.yaml\` (or \`*.integration.yml\`, or any YAML file whose first line is \`integrationManifest: 1\`); the editor completes and explains each key below, and \`integration-manifests lint\` checks it. [examples/](../examples/) holds complete manifests.`,
    '',
    'Each section is one map of the format: its keys, whether a key is required, what its value holds and what it means. A path such as `integrations[].security` is the `security` map of each item of `integrations`.',
    '',
    'Ids (of systems, integrations, goals and actors) start with a letter and hold only letters, digits, `-` and `_`; they are unique across the four lists, and references (`from`, `to`, `via`, `systemOfRecord`, `goals`, the `from` and `to` of steps) name them.',
    '',
  ];
  for (const section of sections(schema, schema, '', [])) {
    if (section.values) {
      lines.push(`## ${section.title}`, '', section.values.map(code).join(', '), '');
      continue;
    }
    lines.push(`## ${section.title === 'The manifest' ? section.title : code(section.title)}`, '');
    if (section.description) lines.push(section.description, '');
    lines.push('| key | required | value | what it means |', '| --- | --- | --- | --- |');
    for (const row of section.rows) lines.push(`| ${row.key.startsWith('*') ? row.key : code(row.key)} | ${row.required ? 'yes' : ''} | ${cell(row.holds)} | ${cell(row.description)} |`);
    lines.push('');
  }
  return lines.join('\n');
}

function main() {
  const schema = JSON.parse(readFileSync(SCHEMA, 'utf8'));
  const markdown = formatMarkdown(schema);
  if (process.argv.includes('--check')) {
    const written = readFileSync(FORMAT_DOC, 'utf8');
    if (written !== markdown) {
      console.error('docs/format.md is out of date: run `node scripts/format-doc.mjs` and commit it.');
      process.exit(1);
    }
    return;
  }
  writeFileSync(FORMAT_DOC, markdown);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
