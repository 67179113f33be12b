/**
 * The preview's change view (`ChangesRequest`): the document as the editor holds it against a
 * base text the client read from git, through the same diff model, diagram and words as
 * `integration-manifests diff`, as plain data the webview draws.
 */
import type { Analysis, Problem } from '../analysis/analyze';
import { plainText } from '../analysis/plainText';
import { changeDiagram } from '../diff/diagram';
import { fieldLines, summaryText } from '../diff/markdown';
import { diffManifests } from '../diff/model';
import type { ChangeFinding, ChangeView } from '../../../shared/src/changes';

export function changeView(base: Analysis | undefined, head: Analysis, o: { uri: string; version: number; baseLabel: string }): ChangeView {
  const diff = diffManifests(base, head);
  const mermaid = changeDiagram(diff, { base: base?.manifest, head: head.manifest });
  return {
    uri: o.uri,
    version: o.version,
    baseLabel: o.baseLabel,
    baseExists: base !== undefined,
    summary: summaryText(diff),
    ...(mermaid ? { mermaid } : {}),
    changes: [...diff.systems, ...diff.integrations].map((c) => ({
      kind: c.kind,
      status: c.status,
      id: c.id,
      ...(c.previousId !== undefined ? { previousId: c.previousId } : {}),
      ...(c.name !== undefined ? { name: c.name } : {}),
      fields: fieldLines(c),
    })),
    introduced: diff.introduced.map((p) => finding(p, head)),
    resolved: base ? diff.resolved.map((p) => finding(p, base)) : [],
  };
}

function finding(p: Problem, analysis: Analysis): ChangeFinding {
  return {
    severity: p.severity,
    rule: p.rule,
    item: p.item ? `${p.item.kind} ${p.item.id}` : '',
    line: analysis.document.lines.positionAt(p.span.start).line + 1,
    message: plainText(p.message),
  };
}
