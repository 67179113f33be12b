/** What a rule id stands for: its summary, default severity and documentation page. */
import { closest } from '../../model/suggest';
import { findRule, RULE_IDS } from '../../rules';
import { ruleDocsUrl } from '../../../../shared/src/product';

export function ruleMarkdown(id: string): string {
  const rule = findRule(id);
  if (!rule) {
    const suggestion = closest(id, RULE_IDS);
    return `\`${id}\` is not a rule id.${suggestion ? ` Did you mean \`${suggestion}\`?` : ''}`;
  }
  const threshold = rule.threshold ? ` Reports from ${rule.threshold}.` : '';
  return [
    `**Rule \`${rule.id}\`** (default severity: ${rule.severity})`,
    `${rule.summary}${threshold}`,
    `[docs/rules/${rule.id}.md](${ruleDocsUrl(rule.id)})`,
  ].join('\n\n');
}
