import { notRelative } from '../model/importPath';
import { defineRule } from './types';

export default defineRule({
  id: 'import-unresolved',
  severity: 'error',
  category: 'correctness',
  summary: 'Every import names another manifest inside the workspace folder, by a path relative to the importing file, without a cycle.',
  *check({ manifest }) {
    // How the imports resolved is the estate's to say (server/src/estate/ reads the files). A
    // manifest judged alone gets what its text shows: an absolute path, a URL, backslashes.
    const estate = manifest.estate;
    const resolutions = new Map<string, string | undefined>();
    for (const r of estate?.imports ?? []) if (!resolutions.has(r.path)) resolutions.set(r.path, r.refused);
    for (const written of manifest.imports) {
      const refused = estate ? resolutions.get(written.path) : notRelative(written.path);
      if (refused !== undefined) yield { span: written.span, message: refused };
    }
  },
});
