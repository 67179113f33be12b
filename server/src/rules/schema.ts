import { insertPair, setIn, type TextEdit } from '../document/edits';
import { nodeAt, type PathSegment } from '../document/nodes';
import { asMap } from '../document/nodes';
import { validateSchema } from '../schema/validate';
import { defineRule, type Fix } from './types';

/** A placeholder value for a required key a quick fix inserts, chosen so the result parses and reads as a to-do. */
function placeholder(key: string): string | number {
  if (key === 'integrationManifest') return 1;
  return key === 'type' ? 'data' : key === 'kind' ? 'custom' : `TODO-${key}`;
}

export default defineRule({
  id: 'schema',
  severity: 'error',
  summary: 'Every key and value must follow the manifest format: known keys, allowed values, required keys, well-formed rates.',
  *check({ manifest }) {
    if (manifest.dataError !== undefined) return; // yaml-syntax reports it
    if (manifest.data === null || manifest.data === undefined) {
      if (manifest.document.syntaxProblems.length > 0) return;
      yield {
        span: { start: 0, end: Math.min(1, manifest.document.text.length) },
        message: 'An integration manifest starts with `integrationManifest: 1` and a `solution` with a `name`.',
      };
      return;
    }
    for (const problem of validateSchema(manifest.document, manifest.data))
      yield { span: problem.span, message: problem.message, ...(problem.data ? { data: { ...problem.data } } : {}) };
  },
  fixes(manifest, { span, data }): Fix[] {
    const doc = manifest.document;
    if (data['fix'] === 'replace' && typeof data['value'] === 'string') {
      const value = data['value'];
      return [{ title: `Change to \`${value}\``, preferred: true, edits: [{ start: span.start, end: span.end, newText: value }] }];
    }
    if (data['fix'] === 'rename-key' && typeof data['value'] === 'string') {
      const value = data['value'];
      return [{ title: `Rename the key to \`${value}\``, preferred: true, edits: [{ start: span.start, end: span.end, newText: value }] }];
    }
    if (data['fix'] === 'insert-key' && typeof data['key'] === 'string' && Array.isArray(data['path'])) {
      const key = data['key'];
      const map = asMap(nodeAt(doc.yaml.contents, data['path'] as PathSegment[]));
      if (!map) return [];
      const edits: TextEdit[] = key === 'solution' ? setIn(doc, map, [key], { name: 'TODO-name' }) : [insertPair(doc, map, key, placeholder(key))];
      return [{ title: `Add the missing key \`${key}\``, preferred: true, edits }];
    }
    return [];
  },
});
