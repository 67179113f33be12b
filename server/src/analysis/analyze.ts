/**
 * The engine: parse, model, every rule, configuration and waivers, in one pure function.
 * The language server, the command line and the tests all call this.
 */
import { parseManifest, type ManifestDocument } from '../document/manifestDocument';
import type { Span } from '../document/range';
import { buildModel, type Item, type Manifest } from '../model/manifest';
import { RULE_IDS, RULES } from '../rules';
import type { FindingData, Severity } from '../rules/types';
import { effectiveConfig, manifestRuleSettings, type RuleSettings } from './config';

export interface Problem {
  rule: string;
  severity: Severity;
  span: Span;
  message: string;
  data: FindingData;
  /** The system or integration the finding belongs to (where a waiver for it goes), if any. */
  item?: Item;
}

export interface AnalysisOptions {
  settings?: RuleSettings;
  /** YYYY-MM-DD; today in UTC when absent. */
  today?: string;
}

export interface Analysis {
  document: ManifestDocument;
  manifest: Manifest;
  problems: Problem[];
}

export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

export function analyzeText(text: string, uri?: string, options: AnalysisOptions = {}): Analysis {
  return analyze(parseManifest(text, uri), options);
}

export function analyze(document: ManifestDocument, options: AnalysisOptions = {}): Analysis {
  const manifest = buildModel(document);
  const today = options.today ?? todayUtc();
  const fromManifest = manifestRuleSettings(manifest);
  const problems: Problem[] = [];
  for (const rule of RULES) {
    const config = effectiveConfig(rule, fromManifest, options.settings ?? {});
    if (config.severity === 'off') continue;
    for (const finding of rule.check({ manifest, threshold: config.threshold, today, ruleIds: RULE_IDS })) {
      if (finding.item && isWaived(finding.item.waivers, rule.id, today)) continue;
      problems.push({
        rule: rule.id,
        severity: config.severity,
        span: finding.span,
        message: finding.message,
        data: finding.data ?? {},
        ...(finding.item ? { item: finding.item } : {}),
      });
    }
  }
  problems.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.rule.localeCompare(b.rule));
  return { document, manifest, problems };
}

/** A waiver counts when it names the rule, gives a reason, and has not expired. */
export function isWaived(waivers: readonly { rule: string | undefined; reason: string | undefined; expires: string | undefined }[], rule: string, today: string): boolean {
  return waivers.some((w) => w.rule === rule && w.reason !== undefined && (w.expires === undefined || w.expires >= today));
}
