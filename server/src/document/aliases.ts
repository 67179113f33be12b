/**
 * Anchors (`&name`) and aliases (`*name`): which node each alias stands for, which anchored
 * nodes are shared, and which aliases cannot be followed. Built once per parsed document
 * (`manifestDocumentOf`); the readers of `nodes.ts` follow aliases through `aliasTarget`, so
 * the model and every rule read an alias as the value it stands for, as `doc.toJS()` (what the
 * schema validates) does.
 *
 * The guard against cycles and "billion laughs" bombs: an alias is followed one step, to a node
 * that is never itself an alias, so reading a path never loops. An alias inside the node it
 * names (`&a [*a]`) is a cycle and is not followed; when expanding the aliases would exceed
 * `MAX_ALIAS_COUNT` (the test `toJS` applies), none is followed. Such a document reads as if
 * the aliases were absent, and `yaml-syntax` says why.
 */
import { isAlias, isCollection, isDocument, isPair, type Alias, type Node } from 'yaml';

/** The most aliases a document may expand: a guard against "billion laughs" alias bombs. */
export const MAX_ALIAS_COUNT = 100;

/** An anchored node that at least one alias stands for: editing it changes every one of them. */
export interface SharedAnchor {
  /** The anchor's name, without the `&`. */
  name: string;
  node: Node;
  /** The aliases that stand for it, in document order. */
  aliases: Alias[];
}

export interface AliasProblem {
  alias: Alias;
  /** `unresolved`: no node before it has the anchor; `cycle`: it lies inside the node it names. */
  kind: 'unresolved' | 'cycle';
}

export interface AliasIndex {
  /** The anchored nodes that aliases stand for, in document order. */
  readonly shared: readonly SharedAnchor[];
  /** The aliases that cannot be followed, in document order. */
  readonly problems: readonly AliasProblem[];
  /** Expanding the aliases would exceed `MAX_ALIAS_COUNT`: none is followed. */
  readonly tooMany: boolean;
}

export const NO_ALIASES: AliasIndex = Object.freeze({ shared: [], problems: [], tooMany: false });

/** Every alias followed, to the node it stands for. Filled by `indexAliases`, read by `aliasTarget`. */
const TARGETS = new WeakMap<Alias, Node>();

/** The node an alias stands for; undefined when it is not followed (see `AliasProblem`, `tooMany`). */
export function aliasTarget(alias: Alias): Node | undefined {
  return TARGETS.get(alias);
}

/** What may stand before an alias's `*`: a line start or space, a flow indicator, `:`, `?` or `-`. */
const ALIAS_MAY_FOLLOW = /[\s[{,:?-]/;
/** What an alias name cannot start with. */
const ALIAS_CANNOT_START_WITH = /[\s,[\]{}]/;

/**
 * Whether `text` may hold an alias: a `*` where a node can start. A cheap test that spares the
 * walk of `indexAliases` for the many documents without one.
 */
export function mayHoldAliases(text: string): boolean {
  // Each `*` of the text, found by `indexOf`: a regular expression that tries every position took
  // 8 ms of each keystroke on a 5 MB manifest.
  for (let at = text.indexOf('*'); at !== -1; at = text.indexOf('*', at + 1)) {
    if (at > 0 && !ALIAS_MAY_FOLLOW.test(text[at - 1]!)) continue;
    const next = text[at + 1];
    if (next !== undefined && !ALIAS_CANNOT_START_WITH.test(next)) return true;
  }
  return false;
}

/** For the expansion count, as eemeli/yaml keeps it per anchored node while it runs `toJS`. */
interface Expansion {
  count: number;
  aliasCount: number;
}

/**
 * Links every alias of `root` (a document or a node) to the node it stands for: the last node
 * before it, in document order, that has its anchor (YAML 1.2, 3.2.2.2). Iterative: any depth
 * is safe.
 */
export function indexAliases(root: unknown): AliasIndex {
  const anchors = new Map<string, Node>();
  const links = new Map<Alias, Node>();
  const problems: AliasProblem[] = [];
  const uses = new Map<Node, SharedAnchor>();
  const expansions = new Map<Node, Expansion>();
  let tooMany = false;
  const stack: unknown[] = [isDocument(root) ? root.contents : root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isPair(node)) {
      stack.push(node.value, node.key);
      continue;
    }
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (!target) problems.push({ alias: node, kind: 'unresolved' });
      else if (contains(target, node)) problems.push({ alias: node, kind: 'cycle' });
      else {
        links.set(node, target);
        const shared = uses.get(target) ?? uses.set(target, { name: node.source, node: target, aliases: [] }).get(target)!;
        shared.aliases.push(node);
        tooMany ||= expand(target, expansions, links);
      }
      continue;
    }
    if (!node || typeof node !== 'object') continue;
    const anchor = (node as Node).anchor;
    if (anchor) anchors.set(anchor, node as Node);
    if (isCollection(node)) for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
  }
  if (!tooMany) for (const [alias, target] of links) TARGETS.set(alias, target);
  if (links.size === 0 && problems.length === 0) return NO_ALIASES;
  return { shared: tooMany ? [] : [...uses.values()].sort((a, b) => start(a.node) - start(b.node)), problems, tooMany };
}

function start(node: Node): number {
  return node.range?.[0] ?? 0;
}

/** Whether the alias lies inside `target` (a collection that contains it). */
function contains(target: Node, alias: Alias): boolean {
  if (!isCollection(target) || !target.range || !alias.range) return false;
  return target.range[0] <= alias.range[0] && alias.range[1] <= target.range[1];
}

/**
 * Counts one more use of `target` as eemeli/yaml's `toJS` does (`Alias.resolve`): each use
 * costs the largest expansion inside the target. True when the count passes `MAX_ALIAS_COUNT`.
 */
function expand(target: Node, expansions: Map<Node, Expansion>, links: ReadonlyMap<Alias, Node>): boolean {
  const data = expansions.get(target) ?? expansions.set(target, { count: 0, aliasCount: 0 }).get(target)!;
  data.count += 1;
  if (data.aliasCount === 0) data.aliasCount = aliasCount(target, expansions, links);
  return data.count * data.aliasCount > MAX_ALIAS_COUNT;
}

/** The largest expansion inside a node: 1 for a scalar, an alias's uses times its own, the most of a collection's items. */
function aliasCount(node: unknown, expansions: ReadonlyMap<Node, Expansion>, links: ReadonlyMap<Alias, Node>): number {
  let most = 0;
  const stack: unknown[] = [node];
  while (stack.length > 0) {
    const n = stack.pop();
    if (isAlias(n)) {
      const target = links.get(n);
      const data = target && expansions.get(target);
      most = Math.max(most, data ? data.count * data.aliasCount : 0);
    } else if (isPair(n)) stack.push(n.key, n.value);
    else if (isCollection(n)) for (const item of n.items) stack.push(item);
    else most = Math.max(most, 1);
  }
  return most;
}
