/**
 * Parses successive versions of one manifest, re-parsing only the units (top-level keys,
 * list items) whose text changed; the rest are reused and moved to their new offsets. The
 * result is the YAML document eemeli/yaml gives for the whole text (same nodes, values,
 * ranges and errors); where that cannot be vouched for, it is that whole parse.
 *
 * Nodes are reused across versions and moved in place: a document this returns is valid
 * until the next `parse` call on the same parser.
 */
import { Document, Pair, YAMLMap, YAMLParseError, YAMLSeq, YAMLWarning, isScalar } from 'yaml';
import { MAX_SYNTAX_PROBLEMS, PARSE_OPTIONS, parseYaml, type ParsedYaml } from '../document/manifestDocument';
import { containedParse } from './contain';
import { layoutSteps, relayout, type Layout, type Section, type TextEdit, type Unit } from './layout';
import { attach, parseUnit, UnitMover, type UnitParse } from './unitParse';
import { runToEnd } from '../analysis/analyze';

export interface PiecewiseParse {
  /** What `parseYaml(text)` gives. */
  parsed: ParsedYaml;
  /** The layout and the parse of each of its units, when the document was assembled from them. */
  layout: Layout | undefined;
  units: UnitParse[] | undefined;
  /** Why the whole text was parsed instead, if it was. */
  fallback: string | undefined;
}

export interface ParserStats {
  units: number;
  parsed: number;
  moved: number;
}

export class IncrementalParser {
  /** The last text whose layout is known, and that layout (its units carry their parses). */
  private last: { text: string; layout: Layout } | undefined;
  /** The items of each list as last assembled, by the list's head unit (see `listItems`). */
  private readonly lists = new WeakMap<Unit, AssembledList>();
  readonly stats: ParserStats = { units: 0, parsed: 0, moved: 0 };

  /** `edit`, when given, is how `edit.before` became `text` (see `editBetween`); used when `before` is the text this parser last laid out. */
  parse(text: string, edit?: TextEdit & { before: string }): PiecewiseParse {
    return runToEnd(this.parseSteps(text, edit));
  }

  /**
   * `parse`, a step after each unit parsed anew: the units parse alone, so a large text (the
   * first version of a 10 MB manifest) can be parsed a slice at a time between requests.
   * Another call on this parser must wait until the steps are done.
   */
  *parseSteps(text: string, edit?: TextEdit & { before: string }): Generator<void, PiecewiseParse> {
    const last = this.last;
    const layout = last ? relayout(last.text, last.layout, text, edit && edit.before === last.text ? edit : undefined) : yield* layoutSteps(text);
    if (!layout) return whole(text, 'the text has a document marker, directive, tab indentation or content before the first key');
    // The units this version replaced, by text: the same text may come back elsewhere (an item moved), and their parses with it.
    const pool = { top: new Map<string, Unit[]>(), item: new Map<string, Unit[]>() };
    for (const unit of last ? layout.replaced : []) {
      if (!unit.parse) continue;
      const list = pool[unit.kind].get(unit.parse.text);
      if (list) list.push(unit);
      else pool[unit.kind].set(unit.parse.text, [unit]);
    }
    const units: UnitParse[] = [];
    /** The indexes of the units whose parse is not clean: only those are read again below. */
    const unclean: number[] = [];
    this.stats.units = layout.units.length;
    this.stats.parsed = this.stats.moved = 0;
    const mover = new UnitMover();
    for (const unit of layout.units) {
      if (!unit.parse) {
        const unitText = text.slice(unit.start, unit.end);
        const before = pool[unit.kind].get(unitText)?.pop();
        if (before) attach(unit, before.parse!, before.placed);
        else {
          attach(unit, parseUnit(unit.kind, unitText), 0);
          this.stats.parsed++;
          mover.flush();
          yield;
        }
      }
      if (unit.placed !== unit.start) this.stats.moved++;
      mover.place(unit);
      if (!unit.clean) unclean.push(units.length);
      units.push(unit.parse!);
    }
    mover.flush();
    this.last = { text, layout };

    const used = units.slice();
    for (const i of unclean) {
      const parse = used[i]!;
      if (parse.anchors) return whole(text, 'anchors or aliases');
      if (!parse.shaped) return whole(text, 'a unit does not parse to the shape of its place');
      if (parse.clean) continue;
      const next = layout.units[i + 1];
      if (!next) continue; // the last unit ends where the document ends: its parse is exact
      const contained = containedParse(text, layout.units[i]!, next, used[i + 1]!);
      if (!contained) return whole(text, 'a syntax error may reach past its unit');
      used[i] = contained;
    }
    let problems = 0;
    for (const i of unclean) problems += used[i]!.errors.length + used[i]!.warnings.length;
    if (problems > MAX_SYNTAX_PROBLEMS) return whole(text, 'too many syntax errors');
    const yaml = assemble(layout, used, unclean, this.lists);
    if (!yaml) return whole(text, 'a top-level key repeats, or a list hangs on a key with a value');
    return { parsed: { yaml, dropped: 0, tooDeep: undefined }, layout, units: used, fallback: undefined };
  }
}

function whole(text: string, reason: string): PiecewiseParse {
  return { parsed: parseYaml(text), layout: undefined, units: undefined, fallback: reason };
}

/** A list's item units and its nodes as last assembled, when each of those units had one node. */
interface AssembledList {
  units: Unit[];
  nodes: unknown[];
}

/**
 * The YAML document of the whole text, from the units' nodes; undefined when that cannot be
 * vouched for. A clean unit's nodes are read from the layout (see `Unit.placed`); the others'
 * (`unclean`, in order) from their parse, which holds their errors and warnings.
 */
function assemble(layout: Layout, units: UnitParse[], unclean: readonly number[], lists: WeakMap<Unit, AssembledList>): Document.Parsed | undefined {
  const doc = new Document(undefined, PARSE_OPTIONS) as Document.Parsed;
  const map = new YAMLMap(doc.schema);
  const keys = new Set<unknown>();
  const errors: YAMLParseError[] = [];
  const warnings: YAMLWarning[] = [];
  for (const i of unclean) {
    for (const e of units[i]!.errors) errors.push(new YAMLParseError(e.pos, e.code as never, e.message));
    for (const e of units[i]!.warnings) warnings.push(new YAMLWarning(e.pos, e.code as never, e.message));
  }
  const nodesOf = (i: number): readonly unknown[] => {
    const unit = layout.units[i]!;
    return unit.clean ? unit.nodes : units[i]!.nodes;
  };
  let index = 0;
  for (const section of layout.sections) {
    const pairs = nodesOf(index) as Pair[];
    const head = index++;
    for (const pair of pairs) {
      const k = isScalar(pair.key) ? pair.key.value : pair.key;
      if (keys.has(k)) return undefined;
      keys.add(k);
    }
    if (section.items.length === 0) {
      map.items.push(...pairs);
      continue;
    }
    // The list hangs on the head's last key, whose value is empty when the head is read alone.
    const last = pairs[pairs.length - 1]!;
    if (!isScalar(last.value) || last.value.value !== null || last.value.source) return undefined;
    const seq = new YAMLSeq(doc.schema);
    seq.items = listItems(section, index, nodesOf, unclean, lists);
    index += section.items.length;
    const first = units[head + 1]!.seqRange!;
    const end = units[index - 1]!.seqRange!;
    seq.range = [first[0], end[1], end[2]];
    map.items.push(...pairs.slice(0, -1), new Pair(last.key, seq));
  }
  const first = units[0]!;
  const end = units[units.length - 1]!;
  map.range = [first.rootRange[0], end.rootRange[1], end.rootRange[2]];
  if (first.rootCommentBefore) map.commentBefore = first.rootCommentBefore;
  if (end.rootComment) map.comment = end.rootComment;
  doc.contents = map as YAMLMap.Parsed;
  doc.range = [first.docRange[0], map.range[2], end.docRange[2]];
  doc.commentBefore = first.commentBefore;
  doc.comment = end.comment;
  doc.errors = errors;
  doc.warnings = warnings;
  return doc;
}

/**
 * The nodes of a section's items (units `from` on). When the list was last assembled with as
 * many units, each of one node, its nodes are copied and only those of the units that are not
 * the same clean unit as then are read: an edit in one item of 10,000 reads one unit, not all.
 */
function listItems(section: Section, from: number, nodesOf: (i: number) => readonly unknown[], unclean: readonly number[], lists: WeakMap<Unit, AssembledList>): unknown[] {
  const units = section.items;
  const before = lists.get(section.head);
  let nodes: unknown[] | undefined;
  if (before && before.units.length === units.length) {
    nodes = before.nodes.slice();
    const read = (k: number) => {
      const one = nodesOf(from + k);
      if (one.length === 1) nodes![k] = one[0];
      else nodes = undefined;
    };
    for (let k = 0; k < units.length && nodes; k++) if (units[k] !== before.units[k]) read(k);
    for (const i of unclean) if (nodes && i >= from && i < from + units.length) read(i - from);
  }
  let single = true;
  if (!nodes) {
    nodes = [];
    for (let k = 0; k < units.length; k++) {
      const some = nodesOf(from + k);
      if (some.length !== 1) single = false;
      for (const node of some) nodes.push(node);
    }
  }
  if (single) lists.set(section.head, { units: units.slice(), nodes });
  else lists.delete(section.head);
  return nodes.slice();
}
