/**
 * The findings of the rules that read one integration at a time (`perIntegration`), kept per
 * integration between two versions of a document. When an edit changes some integrations and
 * nothing else those rules read, only the changed integrations are checked again; the others'
 * findings are reused, moved with their integration.
 *
 * What "nothing else changed" means is the caller's to say (see `begin`): the incremental
 * analyzer names every part of the text other than the integrations, which it reuses as
 * objects while their text is unchanged.
 *
 * Kept problems are reused as objects from one version to the next, their spans (copies the
 * cache owns) moved in place: like the incremental analyzer's nodes, a check's problems are
 * valid until the next check.
 */
import type { Integration } from '../model/manifest';
import type { Problem } from './analyze';

/** A rule's problems on one integration, placed for the integration starting at `base`. */
interface Kept {
  base: number;
  problems: Problem[];
}

export class IntegrationFindings {
  private context: readonly unknown[] | undefined;
  private integrations: ReadonlySet<Integration> = new Set();
  private readonly byRule = new Map<string, Map<Integration, Kept>>();
  /** Since `begin`: integrations checked by a rule, and integrations whose findings were reused, summed over the rules. */
  readonly stats = { checked: 0, reused: 0 };

  /**
   * Starts checking a new version whose integrations are `integrations`. `context` lists
   * what the rules read besides the integrations (compared item by item with `===`); when
   * any of it differs from the last version's, every kept finding is dropped.
   */
  begin(context: readonly unknown[], integrations: readonly Integration[]): void {
    const last = this.context;
    const current = new Set(integrations);
    if (!last || last.length !== context.length || context.some((part, i) => part !== last[i])) this.byRule.clear();
    else
      for (const gone of this.integrations)
        if (!current.has(gone)) for (const kept of this.byRule.values()) kept.delete(gone);
    this.context = context;
    this.integrations = current;
    this.stats.checked = this.stats.reused = 0;
  }

  forget(): void {
    this.context = undefined;
    this.integrations = new Set();
    this.byRule.clear();
  }

  /** Whether the findings of `rule` on `integration` are kept. */
  has(rule: string, integration: Integration): boolean {
    return this.byRule.get(rule)?.has(integration) ?? false;
  }

  /** The kept findings of `rule` on `integration`, moved to where the integration now is. */
  restore(rule: string, integration: Integration): Problem[] {
    const kept = this.byRule.get(rule)?.get(integration);
    if (!kept) return [];
    const delta = integration.span.start - kept.base;
    if (delta !== 0) {
      for (const { span } of kept.problems) {
        span.start += delta;
        span.end += delta;
      }
      kept.base += delta;
    }
    return kept.problems;
  }

  /** Keeps the problems `rule` found on `integration` (each given its own copy of its span); returns them. */
  keep(rule: string, integration: Integration, problems: readonly Problem[]): Problem[] {
    let kept = this.byRule.get(rule);
    if (!kept) this.byRule.set(rule, (kept = new Map<Integration, Kept>()));
    const own = problems.map((p) => ({ ...p, span: { start: p.span.start, end: p.span.end } }));
    kept.set(integration, { base: integration.span.start, problems: own });
    return own;
  }

  /** Stops keeping the findings of `rule` (its findings did not keep to their integration). */
  drop(rule: string): void {
    this.byRule.delete(rule);
  }
}
