import type { Node } from 'yaml';
import { inlineYaml, insertLinesAfter, insertPair, setIn, type TextEdit } from '../document/edits';
import { pairOf } from '../document/nodes';
import { topLevelSpan, type Manifest } from '../model/manifest';
import { defineRule } from './types';

type Answers = Record<string, string | boolean>;

/** The governance answers the manifest lacks, with the values the fix writes. */
function missingAnswers(manifest: Manifest): Answers {
  const answers: Answers = {};
  if (manifest.governance.alm === undefined) answers['alm'] = 'azure-devops';
  if (manifest.governance.versionControl !== true) answers['versionControl'] = true;
  return answers;
}

/**
 * A new top-level block `key:` with `answers`, right after the top-level pair `after`
 * (where the examples put `governance`, below `solution`), instead of at the end of
 * the file. Undefined when the root is a flow map or has no such pair.
 */
function insertBlockAfter(manifest: Manifest, after: string, key: string, answers: Answers): TextEdit | undefined {
  const { document: doc, root } = manifest;
  const pair = pairOf(root, after);
  if (!root || root.flow || !pair) return undefined;
  const keyNode = pair.key as Node;
  const anchor = (pair.value as Node | null)?.range ? (pair.value as Node) : keyNode;
  const indent = ' '.repeat(doc.lines.positionAt(keyNode.range![0]).character);
  return insertLinesAfter(doc, anchor, [`${indent}${key}:`, ...Object.entries(answers).map(([k, v]) => `${indent}  ${k}: ${inlineYaml(v)}`)]);
}

export default defineRule({
  id: 'governance-declared',
  severity: 'info',
  category: 'guidance',
  summary: 'The manifest says where its integrations are built and deployed (`governance.alm`) and that they are under version control.',
  *check({ manifest }) {
    if (!manifest.root) return;
    // A manifest imported for what it declares (a shared catalog of systems) builds and deploys nothing itself: its importers answer this.
    if (manifest.integrations.length === 0 && (manifest.estate?.importedBy.length ?? 0) > 0) return;
    const missing = Object.keys(missingAnswers(manifest));
    if (missing.length === 0) return;
    const gaps = [
      ...(missing.includes('alm') ? ['where the integrations are built and deployed from (`alm`, such as `azure-devops` or `github`)'] : []),
      ...(missing.includes('versionControl') ? ['that every component is under version control (`versionControl: true`)'] : []),
    ];
    yield {
      span: topLevelSpan(manifest, 'governance'),
      message: `${manifest.governance.present ? '`governance` does not say' : 'The manifest has no `governance` block saying'} ${gaps.join(', nor ')}. Answer it, so flows, functions, mappings and this manifest follow one application lifecycle from development to production.`,
    };
  },
  fixes(manifest) {
    const answers = missingAnswers(manifest);
    if (!manifest.root || Object.keys(answers).length === 0) return [];
    const written = Object.entries(answers).map(([k, v]) => `\`${k}: ${inlineYaml(v)}\``).join(', ');
    if (manifest.governance.present || pairOf(manifest.root, 'governance'))
      return [{ title: `Add ${written} to \`governance\``, preferred: true, edits: setIn(manifest.document, manifest.root, ['governance'], answers) }];
    const edit =
      insertBlockAfter(manifest, 'solution', 'governance', answers) ??
      insertBlockAfter(manifest, 'integrationManifest', 'governance', answers) ??
      insertPair(manifest.document, manifest.root, 'governance', answers);
    return [{ title: `Add a \`governance\` block with ${written}`, preferred: true, edits: [edit] }];
  },
});
