/**
 * Rule configuration (SPEC 4.2): severity and options per rule, from the manifest's own
 * `rules:` block, then the editor setting `integrationManifests.rules`, then the default.
 */
import { asMap, keyText } from '../document/nodes';
import { valueOf } from '../document/nodes';
import type { Manifest } from '../model/manifest';
import { ratePerHour, thresholdPerHour } from '../model/rate';
import { SEVERITIES, type RuleDefinition, type SeverityOrOff } from '../rules/types';

import type { RuleSettings } from '../../../shared/src/settings';

export type { RuleSetting, RuleSettings } from '../../../shared/src/settings';

export interface EffectiveRuleConfig {
  severity: SeverityOrOff;
  /** Per hour; Infinity when the rule has no threshold. */
  threshold: number;
}

function normalize(setting: unknown): { severity?: SeverityOrOff; threshold?: number } {
  if (typeof setting === 'string') return SEVERITIES.includes(setting as SeverityOrOff) ? { severity: setting as SeverityOrOff } : {};
  if (setting && typeof setting === 'object') {
    const s = setting as { severity?: unknown; threshold?: unknown };
    const threshold = typeof s.threshold === 'string' ? thresholdPerHour(s.threshold) : undefined;
    return {
      ...(typeof s.severity === 'string' && SEVERITIES.includes(s.severity as SeverityOrOff) ? { severity: s.severity as SeverityOrOff } : {}),
      ...(threshold !== undefined ? { threshold } : {}),
    };
  }
  return {};
}

/** The manifest's `rules:` block as plain settings (a map without a prototype: `__proto__` is only a key). */
export function manifestRuleSettings(manifest: Manifest): Record<string, unknown> {
  const block = asMap(valueOf(manifest.root, 'rules'));
  const result = Object.create(null) as Record<string, unknown>;
  for (const pair of block?.items ?? []) {
    const id = keyText(pair);
    if (id !== undefined) result[id] = (pair.value as { toJSON?: () => unknown } | null)?.toJSON?.() ?? null;
  }
  return result;
}

export function effectiveConfig(rule: RuleDefinition, fromManifest: Record<string, unknown>, settings: RuleSettings): EffectiveRuleConfig {
  const manifest = normalize(fromManifest[rule.id]);
  const editor = normalize(settings[rule.id]);
  return {
    severity: manifest.severity ?? editor.severity ?? rule.severity,
    threshold: manifest.threshold ?? editor.threshold ?? (rule.threshold ? ratePerHour(rule.threshold)! : Infinity),
  };
}
