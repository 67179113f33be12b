/**
 * The findings of the rules that read one integration at a time (`perIntegration`), kept per
 * integration between two versions of a document. When an edit changes some integrations and
 * nothing else those rules read, only the changed integrations are checked again; the others'
 * findings are reused, moved with their integration.
 *
 * What "nothing else changed" means is the caller's to say (see `begin`): the incremental
 * analyzer names every part of the text other than the integrations, which it reuses as
 * objects while their text is unchanged.
 */
import type { Integration } from '../model/manifest';
import type { Problem } from './analyze';

/** A finding kept for an integration: its span counted from the integration's start. */
type Kept = Omit<Problem, 'item'>;

export class IntegrationFindings {
  private context: readonly unknown[] | undefined;
  private readonly byRule = new Map<string, Map<Integration, Kept[]>>();
  /** Since `begin`: integrations checked by a rule, and integrations whose findings were reused, summed over the rules. */
  readonly stats = { checked: 0, reused: 0 };

  /**
   * Starts checking a new version. `context` lists what the rules read besides the
   * integrations (compared item by item with `===`); when any of it differs from the last
   * version's, every kept finding is dropped.
   */
  begin(context: readonly unknown[]): void {
    const last = this.context;
    if (!last || last.length !== context.length || context.some((part, i) => part !== last[i])) this.byRule.clear();
    this.context = context;
    this.stats.checked = this.stats.reused = 0;
  }

  forget(): void {
    this.context = undefined;
    this.byRule.clear();
  }

  /** Whether the findings of `rule` on `integration` are kept. */
  has(rule: string, integration: Integration): boolean {
    return this.byRule.get(rule)?.has(integration) ?? false;
  }

  /** The kept findings of `rule` on `integration`, placed where the integration now is. */
  restore(rule: string, integration: Integration): Problem[] {
    const base = integration.span.start;
    return (this.byRule.get(rule)?.get(integration) ?? []).map((k) => ({ ...k, span: { start: k.span.start + base, end: k.span.end + base }, item: integration }));
  }

  /** Replaces what is kept for `rule` by the findings of the current integrations, in their order. */
  replace(rule: string, findings: ReadonlyMap<Integration, readonly Problem[]>): void {
    const kept = new Map<Integration, Kept[]>();
    for (const [integration, problems] of findings) {
      const base = integration.span.start;
      kept.set(
        integration,
        problems.map(({ item: _item, ...p }) => ({ ...p, span: { start: p.span.start - base, end: p.span.end - base } })),
      );
    }
    this.byRule.set(rule, kept);
  }

  /** Stops keeping the findings of `rule` (its findings did not keep to their integration). */
  drop(rule: string): void {
    this.byRule.delete(rule);
  }
}
