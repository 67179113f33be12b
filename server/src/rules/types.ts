/**
 * What a rule is. A rule reads the model and yields findings; the engine turns findings
 * into diagnostics, applies the configured severity and the items' waivers. A rule with a
 * quick fix computes it from the document and the finding's `data` (never from message text).
 */
import { orderInserts, type TextEdit } from '../document/edits';
import { refusedShared, sharedAnchorNote } from './helpers';
import type { Span } from '../document/range';
import type { Item, Manifest } from '../model/manifest';
import type { EstateLocation } from '../model/estate';

import type { Severity, SeverityOrOff } from '../../../shared/src/settings';

export type { Severity, SeverityOrOff };
export const SEVERITIES: readonly SeverityOrOff[] = ['error', 'warning', 'info', 'hint', 'off'];
/** Severities from the most to the least severe. */
export const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info', 'hint'];
/** A severity's place in `SEVERITY_ORDER`: lower is more severe. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2, hint: 3 };

export type FindingData = Record<string, unknown>;

/** A place in another manifest that a finding is about too (the other occurrence of a duplicate id), with what it is. */
export interface RelatedLocation {
  at: EstateLocation;
  /** Plain text: what is there (`The system \`erp\` in shared/systems.integration.yaml`). */
  message: string;
}

export interface Finding<Data extends FindingData = FindingData> {
  /** Where the diagnostic is shown: the exact key or value the finding is about. */
  span: Span;
  message: string;
  /** The system or integration the finding belongs to: its waivers apply. */
  item?: Item;
  /** What the fix needs; travels in the diagnostic's `data`. */
  data?: Data;
  /** Places in other manifests of the estate the finding is about too (LSP `relatedInformation`). Plain data. */
  related?: RelatedLocation[];
}

export interface RuleContext {
  manifest: Manifest;
  /** This rule's threshold in events per hour (its option, else its default). */
  threshold: number;
  /** Today's date, YYYY-MM-DD, in UTC. */
  today: string;
  /** Every rule id of the catalog (for checks of waivers and the `rules:` block). */
  ruleIds: readonly string[];
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  preferred?: boolean;
}

/** `Data` is what the rule's findings carry for its fixes (`data`); the catalog holds rules of any data. */
/**
 * What a rule checks. `correctness`: the manifest is wrong as written (its syntax, its format,
 * ids and references, a credential in plain text, waivers); reported at once. `guidance`: the
 * design goes against the integration guidance; on an integration, reported only once the
 * integration is written far enough to judge (`isWritten`: its `id`, `name`, `type`, and `from`
 * and `to` naming declared systems), so a half-written one shows what is missing and nothing else. The engine applies it
 * (`checkManifest`), for every rule alike.
 */
export type RuleCategory = 'correctness' | 'guidance';

export interface RuleDefinition<Data extends FindingData = FindingData> {
  id: string;
  severity: Severity;
  category: RuleCategory;
  /** One sentence: what the rule checks. Used as SARIF short description and in hovers. */
  summary: string;
  /** Default threshold as a rate (`1000/hour`), for rules that compare rates. */
  threshold?: string;
  /**
   * The findings, in order. A rule that reads much between two findings may also yield nothing
   * (`yield;`): a point where the caller can pause for other work (`checkManifest` runs a slice at
   * a time), so that one long stretch without a finding does not hold the thread.
   */
  check(context: RuleContext): Iterable<Finding<Data> | undefined>;
  /**
   * The rule reads the integrations one at a time: each finding belongs to (`item`) and lies
   * within the integration it was found on, and depends on that integration and on the rest of
   * the manifest, never on the other integrations. An edit to some integrations then has only
   * those checked again (the findings of the others are reused).
   *
   * Architecture Invariant: `test/unit/incremental.test.ts` holds every marked rule to this.
   */
  perIntegration?: true;
  /**
   * A finding's `data` as it comes back from the client with a code action request: untrusted.
   * Returns it typed when it has the shape `check` gives, else undefined (the rule then offers
   * no fix). Required for a rule whose findings carry data (see `defineRule`).
   */
  readData?(raw: FindingData): Data | undefined;
  /** Quick fixes for one finding of this rule, computed on the current document. */
  fixes?(manifest: Manifest, finding: { span: Span; data: Data }): Fix[];
}

/**
 * A rule of the catalog. A rule whose findings carry data names its type and says how to read
 * it back (`readData`), so its `fixes` receive the type its `check` emits:
 * `defineRule<{ secretName: string }>({ ..., readData: (raw) => ..., fixes(manifest, { data }) { data.secretName } })`.
 */
export function defineRule(rule: RuleDefinition<Record<string, never>> & { readData?: never }): RuleDefinition;
export function defineRule<Data extends FindingData>(rule: RuleDefinition<Data> & { readData(raw: FindingData): Data | undefined }): RuleDefinition<Data>;
export function defineRule(rule: RuleDefinition): RuleDefinition {
  if (!rule.fixes) return rule;
  return {
    ...rule,
    *check(context) {
      for (const finding of rule.check(context)) yield finding && withSharedAnchorNote(context.manifest, rule, finding);
    },
  };
}

/** A rule's findings on a context, all at once (the points where a caller may pause left out). */
export function findingsOf<Data extends FindingData>(rule: RuleDefinition<Data>, context: RuleContext): Finding<Data>[] {
  return [...rule.check(context)].filter((finding): finding is Finding<Data> => finding !== undefined);
}

/**
 * The finding, its message extended when a fix for it is held back because it would change a
 * shared anchor (or write over an alias): the message then says where the value comes from and
 * who else uses it (`sharedAnchorNote`). The one place that says it, for every rule. A document
 * without aliases costs nothing here. (The note names the other items that share the anchor; a
 * document with anchors is always checked whole, so no finding is reused across edits.)
 */
function withSharedAnchorNote(manifest: Manifest, rule: RuleDefinition, finding: Finding): Finding {
  if (manifest.document.aliases.shared.length === 0) return finding;
  let offered: Fix[];
  try {
    offered = rule.fixes?.(manifest, { span: finding.span, data: finding.data ?? {} }) ?? [];
  } catch {
    return finding; // a fix that throws is logged where fixes are asked for (codeActions)
  }
  for (const fix of offered) {
    const refused = refusedShared(manifest.document, fix);
    if (refused?.anchor) return { ...finding, message: `${finding.message} ${sharedAnchorNote(manifest, fix.title, refused, refused.anchor, finding.item)}` };
  }
  return finding;
}

/**
 * The quick fixes of `rule` for a finding at `span` whose data came back from the client; none
 * when the data is malformed. A fix that would write over an alias, or change a shared anchor
 * with an edit not marked right for every user of it (`forEveryUser` in document/edits.ts), is
 * held back. Insertions at one offset are put in the order their text needs (`orderInserts`).
 */
export function fixesOf(rule: RuleDefinition, manifest: Manifest, span: Span, raw: FindingData): Fix[] {
  if (!rule.fixes) return [];
  const data = rule.readData ? rule.readData(raw) : raw;
  if (!data) return [];
  return rule.fixes(manifest, { span, data })
    .filter((fix) => !refusedShared(manifest.document, fix))
    .map((fix) => ({ ...fix, edits: orderInserts(fix.edits) }));
}
