import { appendToSeq, forEveryUser, type TextEdit } from '../document/edits';
import { asMap, keySpan, keyText, valueOf } from '../document/nodes';
import type { Item, ItemKind, Manifest, Ref } from '../model/manifest';
import { closest } from '../model/suggest';
import { freshId } from './helpers';
import { defineRule, type Finding, type Fix } from './types';

type Target = 'system' | 'goal' | 'participant' | 'rule';
const TARGETS: readonly Target[] = ['system', 'goal', 'participant', 'rule'];

/** What the fixes need: the kind of item the reference names, the unknown id, and the closest declared id. */
type ReferenceData = { target: Target; id: string; suggestion?: string };

const DECLARE_UNDER: Record<Exclude<Target, 'rule'>, string> = {
  system: '`systems`',
  goal: '`goals`',
  participant: '`systems` (or `actors`, for a person or role)',
};

const WHAT: Record<Target, string> = {
  system: 'system',
  goal: 'goal',
  participant: 'system or actor',
  rule: 'rule',
};

function candidates(manifest: Manifest, target: Target, ruleIds: readonly string[]): string[] {
  if (target === 'rule') return [...ruleIds];
  const kinds: ItemKind[] = target === 'system' ? ['system'] : target === 'goal' ? ['goal'] : ['system', 'actor'];
  const ids = new Set<string>();
  for (const byId of [manifest.byId, manifest.imported]) for (const [id, items] of byId) if (items.some((i) => kinds.includes(i.kind))) ids.add(id);
  return [...ids];
}

/**
 * A suggestion compares the unknown id with every declared one. Past this many comparisons in
 * one manifest (thousands of unknown ids among thousands of declared ones) the rest go without
 * a suggestion, so that checking stays fast instead of growing with the square of the size.
 */
const SUGGESTION_BUDGET = 1_000_000;

export default defineRule<ReferenceData>({
  id: 'unknown-reference',
  severity: 'error',
  category: 'correctness',
  summary: 'Every reference names an item declared in the manifest or one it imports: systems, goals, actors (also in the `include` of a saved view), or a rule id.',
  *check({ manifest, ruleIds }) {
    const known = {
      system: new Set(candidates(manifest, 'system', ruleIds)),
      goal: new Set(candidates(manifest, 'goal', ruleIds)),
      participant: new Set(candidates(manifest, 'participant', ruleIds)),
      rule: new Set(ruleIds),
    };
    let budget = SUGGESTION_BUDGET;
    /** `other`: the integration's other end, never suggested (the fix would make the integration go to itself). */
    function* check(ref: Ref | undefined, target: Target, key: string, item?: Item, other?: string): Generator<Finding<ReferenceData>> {
      if (!ref || known[target].has(ref.id)) return;
      const pool = known[target];
      const candidates = other !== undefined && pool.has(other) ? [...pool].filter((id) => id !== other) : pool;
      const suggestion = budget >= pool.size ? closest(ref.id, candidates) : undefined;
      budget -= pool.size;
      yield {
        span: ref.span,
        ...(item ? { item } : {}),
        message: `\`${key}\` names \`${ref.id}\`, but no ${WHAT[target]} has that id${suggestion ? `; did you mean \`${suggestion}\`?` : target === 'rule' ? '.' : `. Declare it under ${DECLARE_UNDER[target]}, or use a declared id.`}`,
        data: { target, id: ref.id, ...(suggestion ? { suggestion } : {}) },
      };
    }
    for (const i of manifest.integrations) {
      yield* check(i.from, 'system', 'from', i, i.to?.id);
      yield* check(i.to, 'system', 'to', i, i.from?.id);
      yield* check(i.systemOfRecord, 'system', 'systemOfRecord', i);
      for (const v of i.via) yield* check(v, 'system', 'via', i);
      for (const g of i.goals) yield* check(g, 'goal', 'goals', i);
      for (const s of i.steps) {
        yield* check(s.from, 'participant', 'from', i);
        yield* check(s.to, 'participant', 'to', i);
      }
    }
    for (const view of manifest.views) {
      for (const r of view.include.systems) yield* check(r, 'system', 'include.systems');
      for (const r of view.include.goals) yield* check(r, 'goal', 'include.goals');
    }
    for (const item of [...manifest.systems, ...manifest.integrations])
      for (const w of item.waivers) if (w.rule) yield* check({ id: w.rule, span: w.ruleSpan }, 'rule', 'rule', item);
    const rules = asMap(valueOf(manifest.root, 'rules'));
    for (const pair of rules?.items ?? []) {
      const id = keyText(pair);
      const span = keySpan(pair);
      if (id !== undefined && span) yield* check({ id, span }, 'rule', 'rules');
    }
  },
  readData(raw) {
    const { target, id, suggestion } = raw;
    if (!TARGETS.includes(target as Target) || typeof id !== 'string' || (suggestion !== undefined && typeof suggestion !== 'string')) return undefined;
    return { target: target as Target, id, ...(suggestion !== undefined ? { suggestion } : {}) };
  },
  fixes(manifest, { span, data }): Fix[] {
    const fixes: Fix[] = [];
    const { target, id, suggestion } = data;
    // A misspelt id is misspelt for every user of a shared anchor (an alias itself is never overwritten).
    if (suggestion !== undefined) {
      // Up to the end of the id's text: a block scalar's span takes in the line break after it.
      let end = span.end;
      while (end > span.start && /\s/.test(manifest.document.text[end - 1] ?? '')) end--;
      fixes.push({ title: `Change to \`${suggestion}\``, preferred: true, edits: forEveryUser([{ start: span.start, end, newText: suggestion }]) });
    }
    if (/^[A-Za-z][A-Za-z0-9_-]*$/.test(id) && !manifest.byId.has(id) && !manifest.imported.has(id)) {
      if (target === 'system' || target === 'participant')
        // No `hosting`: where it runs is for the author to say (a guess would make other rules judge a boundary that may not be there).
        fixes.push({ title: `Create system \`${id}\``, edits: [declare(manifest, 'systems', { id, name: id, kind: 'custom' })] });
      if (target === 'participant') fixes.push({ title: `Create actor \`${id}\``, edits: [declare(manifest, 'actors', { id, name: id })] });
      if (target === 'goal') fixes.push({ title: `Create goal \`${id}\``, edits: [declare(manifest, 'goals', { id, title: id })] });
    }
    return fixes;
  },
});

function declare(manifest: Manifest, list: string, item: Record<string, string>): TextEdit {
  return appendToSeq(manifest.document, manifest.root!, list, { ...item, id: freshId(manifest, item['id']!) });
}

