/**
 * The engine: parse, model, every rule, configuration and waivers, in one pure function.
 * The language server, the command line and the tests all call this.
 */
import { parseManifest, type ManifestDocument } from '../document/manifestDocument';
import type { Span } from '../document/range';
import type { Logger } from '../logger';
import { buildModel, isWritten, type Integration, type Item, type Manifest, type Waiver } from '../model/manifest';
import { waiverStatus } from '../model/waivers';
import { RULE_IDS, RULES } from '../rules';
import type { Finding, FindingData, RelatedLocation, RuleContext, RuleDefinition, Severity } from '../rules/types';
import { withEstate, type EstateContext } from '../model/estate';
import { effectiveConfig, manifestRuleSettings, type RuleSettings } from './config';
import type { IntegrationFindings } from './integrationFindings';

export interface Problem {
  rule: string;
  severity: Severity;
  span: Span;
  message: string;
  data: FindingData;
  /** The system or integration the finding belongs to (where a waiver for it goes), if any. */
  item?: Item;
  /** Places in other manifests of the estate the problem is about too. */
  related?: RelatedLocation[];
}

/** What the analysis is of besides the text. Plain data: it crosses to the rules' worker thread. */
export interface AnalysisOptions {
  settings?: RuleSettings;
  /** YYYY-MM-DD; today in UTC when absent. */
  today?: string;
  /**
   * The other manifests of its estate as far as the rules need them (server/src/estate/ makes
   * it: `estateContextOf`). Absent: the manifest is judged alone, as a manifest without
   * imports and importers is.
   */
  estate?: EstateContext;
}

/**
 * What the rules run with on this thread. Not part of `AnalysisOptions`: it holds functions,
 * which cannot cross to the rules' worker thread (the worker makes its own).
 */
export interface RuleRuntime {
  /** The rules to run, in this order: the catalog (`RULES`) unless a test adds one. */
  rules?: readonly RuleDefinition[];
  /** Told once for each rule that throws (its id, and the error by name and stack frames, never its message). */
  logger?: Logger;
}

/** The code of the finding that stands for a rule that threw: the rule's own findings are missing. */
export const INTERNAL_ERROR = 'internal-error';

export interface Analysis {
  document: ManifestDocument;
  manifest: Manifest;
  problems: Problem[];
  /**
   * False while the problems are still being computed elsewhere (the language server's rules
   * run on a worker thread): reading `problems` then computes them all here, at once. A feature
   * that answers while the user types shows what it can without them.
   */
  readonly problemsReady?: boolean;
}

export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

export function analyzeText(text: string, uri?: string, options: AnalysisOptions = {}, runtime: RuleRuntime = {}): Analysis {
  return analyze(parseManifest(text, uri), options, undefined, runtime);
}

/** `manifest` may be given when it is already built from `document` (the incremental analyzer keeps one). */
export function analyze(document: ManifestDocument, options: AnalysisOptions = {}, manifest: Manifest = buildModel(document), runtime: RuleRuntime = {}): Analysis {
  return { document, manifest, problems: runToEnd(checkManifest(manifest, options, undefined, runtime)) };
}

/** Runs work given a step at a time (`checkManifest`) to its end, at once. */
export function runToEnd<T>(steps: Generator<void, T>): T {
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/**
 * Every rule on the manifest, with its configured severity and the items' waivers: the
 * problems, sorted. Pauses (yields) at each finding and after each rule, so that a caller
 * can spread the work over several turns of the event loop; `analyze` runs it through.
 *
 * A rule that throws loses its findings (those it gave before throwing too) and gets one
 * `internal-error` finding naming it instead; the other rules' findings are unaffected.
 */
export function* checkManifest(manifest: Manifest, options: AnalysisOptions = {}, kept?: IntegrationFindings, runtime: RuleRuntime = {}): Generator<void, Problem[]> {
  const today = options.today ?? todayUtc();
  withEstate(manifest, options.estate);
  const fromManifest = manifestRuleSettings(manifest);
  const problems: Problem[] = [];
  for (const rule of runtime.rules ?? RULES) {
    const config = effectiveConfig(rule, fromManifest, options.settings ?? {});
    if (config.severity === 'off') continue;
    const context: RuleContext = { manifest, threshold: config.threshold, today, ruleIds: RULE_IDS };
    try {
      const own = yield* checkRule(rule, context, config.severity, kept);
      for (const problem of own) problems.push(problem);
    } catch (error) {
      // What the rule kept from earlier versions is not to be trusted either.
      kept?.drop(rule.id);
      runtime.logger?.error(`Rule ${rule.id} could not check a manifest; its findings are missing`, error);
      problems.push(internalErrorProblem(rule.id));
    }
    yield;
  }
  problems.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.rule.localeCompare(b.rule));
  return problems;
}

/** One rule's problems (throws what the rule throws). */
function* checkRule(rule: RuleDefinition, context: RuleContext, severity: Severity, kept: IntegrationFindings | undefined): Generator<void, Problem[]> {
  const reused = kept && rule.perIntegration ? yield* checkChangedIntegrations(rule, context, severity, kept) : undefined;
  if (reused) return reused;
  const problems: Problem[] = [];
  for (const finding of rule.check(context)) {
    yield;
    if (!finding || waits(rule, finding, context.manifest)) continue;
    if (finding.item && isWaived(finding.item.waivers, rule.id, context.today)) continue;
    problems.push(problemOf(rule.id, severity, finding));
  }
  return problems;
}

/**
 * Whether a finding waits: a guidance rule's finding on an integration that is not written far
 * enough to judge yet (`isWritten`). The schema says what is missing; the advice comes after.
 */
function waits(rule: RuleDefinition, finding: Finding, manifest: Manifest): boolean {
  return rule.category === 'guidance' && finding.item?.kind === 'integration' && !isWritten(finding.item, manifest);
}

/** The finding that stands for the findings of a rule that threw. */
function internalErrorProblem(rule: string): Problem {
  return {
    rule: INTERNAL_ERROR,
    severity: 'error',
    span: { start: 0, end: 0 },
    message: `Rule ${rule} could not check this manifest; its findings are missing. The other rules' findings are shown. Please report this.`,
    data: { failedRule: rule },
  };
}

function problemOf(rule: string, severity: Severity, finding: Finding): Problem {
  return {
    rule,
    severity,
    span: finding.span,
    message: clipQuotes(finding.message),
    data: finding.data ?? {},
    ...(finding.item ? { item: finding.item } : {}),
    ...(finding.related ? { related: finding.related } : {}),
  };
}

/** How many integrations a rule that reads one at a time is shown between two steps. */
const INTEGRATIONS_PER_STEP = 50;

/**
 * The problems of a rule that reads one integration at a time, in the order the rule gives
 * them: the rule checks only the integrations whose findings are not kept (it is shown a
 * manifest that lists only those); the others' findings are reused. Undefined when a finding
 * does not keep to its integration (then the rule is run as any other).
 */
function* checkChangedIntegrations(rule: RuleDefinition, context: RuleContext, severity: Severity, kept: IntegrationFindings): Generator<void, Problem[] | undefined> {
  const integrations = context.manifest.integrations;
  const changed = new Set(integrations.filter((integration) => !kept.has(rule.id, integration)));
  const found = new Map<Integration, Problem[]>();
  // A few integrations at a time, with a step between: on a first check of thousands of
  // integrations, a rule that finds little would otherwise hold the thread for its whole run.
  const order = [...changed];
  for (let from = 0; from === 0 || from < order.length; from += INTEGRATIONS_PER_STEP) {
    const view = Object.create(context.manifest, { integrations: { value: order.slice(from, from + INTEGRATIONS_PER_STEP) } }) as Manifest;
    for (const finding of rule.check({ ...context, manifest: view })) {
      yield;
      if (!finding) continue;
      const item = finding.item as Integration | undefined;
      if (!item || !changed.has(item) || finding.span.start < item.span.start || finding.span.end > item.span.end) {
        kept.drop(rule.id);
        return undefined;
      }
      // Kept as not found: whether it waits depends on the integration's own text (an edit to it
      // makes it a new integration) and on the declared systems (a change to them drops every kept finding).
      if (waits(rule, finding, context.manifest)) continue;
      if (isWaived(item.waivers, rule.id, context.today)) continue;
      const list = found.get(item);
      if (list) list.push(problemOf(rule.id, severity, finding));
      else found.set(item, [problemOf(rule.id, severity, finding)]);
    }
    yield;
  }
  const problems: Problem[] = [];
  for (const integration of integrations) {
    const own = changed.has(integration) ? kept.keep(rule.id, integration, found.get(integration) ?? []) : kept.restore(rule.id, integration);
    for (const problem of own) problems.push(problem);
  }
  kept.stats.checked += changed.size;
  kept.stats.reused += integrations.length - changed.size;
  return problems;
}

/** The longest text quoted (in backticks) from the manifest into a message. */
export const MAX_QUOTED = 60;

/** A backtick followed by more than `MAX_QUOTED` characters of one line, or by a line break before the next backtick. */
const MAY_NEED_CLIPPING = new RegExp(`\`[^\`\r\n]{${MAX_QUOTED + 1}}|\`[^\`\r\n]*[\r\n]`);

/**
 * Messages quote ids, keys and values from the manifest in backticks; a quote longer than
 * `MAX_QUOTED` (a pasted paragraph, a 10 MB key) is cut to its start, on one line.
 */
export function clipQuotes(message: string): string {
  // Most messages quote nothing long: look for a quote that may need cutting before rewriting
  // (an analysis can have tens of thousands of findings).
  if (!MAY_NEED_CLIPPING.test(message)) return message;
  return message.replace(/`([^`]*)`/g, (whole, quoted: string) => {
    const line = quoted.split(/\r?\n/, 1)[0]!;
    return line.length > MAX_QUOTED || line !== quoted ? `\`${line.slice(0, MAX_QUOTED).trimEnd()}…\`` : whole;
  });
}

/** Whether a waiver of the item silences `rule` today (see `waiverStatus`: a reason, and no `expires` that has passed or is not a date). */
export function isWaived(waivers: readonly Pick<Waiver, 'rule' | 'reason' | 'expires'>[], rule: string, today: string): boolean {
  return waivers.some((w) => w.rule === rule && waiverStatus(w, today) === 'active');
}
