/**
 * What each drawn element stands for: Mermaid's SVG elements matched to the generator's
 * targets (node ids, edge ids, participant ids, messages in order), so a click reveals the
 * item in the editor and the editor's cursor highlights the drawing.
 */
import type { DiagramTarget } from '../../shared/src/diagrams';

export interface TabTargets {
  nodes?: Record<string, DiagramTarget>;
  edges?: Record<string, DiagramTarget>;
  participants?: Record<string, DiagramTarget>;
  messages?: DiagramTarget[];
}

export interface DrawnItem {
  /** The Mermaid id (s0, e3, p1) or `m<k>` for the k-th message. */
  id: string;
  target: DiagramTarget;
  elements: Element[];
}

const SVG_NS = 'http://www.w3.org/2000/svg';

export class TargetIndex {
  readonly items: DrawnItem[] = [];
  private active: Element[] = [];

  constructor(
    svg: SVGSVGElement,
    targets: TabTargets,
    private readonly interaction: boolean,
  ) {
    if (interaction) this.indexSequence(svg, targets);
    else this.indexFlowchart(svg, targets);
  }

  /** The item drawn by `element` (or its nearest marked ancestor). */
  itemOf(element: Element | null): DrawnItem | undefined {
    const marked = element?.closest('[data-im]');
    const index = marked ? Number(marked.getAttribute('data-im')) : NaN;
    return Number.isInteger(index) ? this.items[index] : undefined;
  }

  /** Highlights what is drawn for the item at `offset` in the document; returns the highlighted items. */
  highlightAt(offset: number | undefined): DrawnItem[] {
    for (const el of this.active) el.classList.remove('im-active');
    this.active = [];
    if (offset === undefined) return [];
    const chosen = this.itemsAt(offset);
    for (const item of chosen) for (const el of item.elements) el.classList.add('im-active');
    this.active = chosen.flatMap((i) => i.elements);
    return chosen;
  }

  private itemsAt(offset: number): DrawnItem[] {
    const inside = (s: { start: number; end: number }) => s.start <= offset && offset <= s.end;
    if (this.interaction) {
      // In a sequence, the exact reference or key the cursor is on; else the step; else a participant's declaration.
      const exact = this.items.filter((i) => inside(i.target.selection) && i.target.selection.end > i.target.selection.start);
      if (exact.length) return smallest(exact, (i) => i.target.selection);
      const steps = this.items.filter((i) => i.target.kind === 'step' && inside(i.target.span));
      if (steps.length) return steps;
      return smallest(this.items.filter((i) => i.target.kind !== 'integration' && i.target.kind !== 'step' && inside(i.target.span)), (i) => i.target.span);
    }
    return smallest(this.items.filter((i) => inside(i.target.span)), (i) => i.target.span);
  }

  private add(id: string, target: DiagramTarget | undefined, elements: Element[]): void {
    if (!target || !elements.length) return;
    const index = this.items.length;
    for (const el of elements) el.setAttribute('data-im', String(index));
    this.items.push({ id, target, elements });
  }

  private indexFlowchart(svg: SVGSVGElement, t: TabTargets): void {
    for (const node of Array.from(svg.querySelectorAll('g.node'))) {
      const m = /-flowchart-([A-Za-z]\w*)-\d+$/.exec(node.id);
      if (m) this.add(m[1]!, t.nodes?.[m[1]!], [node]);
    }
    const byEdge = new Map<string, Element[]>();
    for (const el of Array.from(svg.querySelectorAll('path[data-id], .edgeLabel [data-id]'))) {
      const id = el.getAttribute('data-id')!;
      if (!t.edges?.[id]) continue;
      const list = byEdge.get(id) ?? [];
      list.push(el);
      if (el.nodeName === 'path') list.push(hitArea(el));
      byEdge.set(id, list);
    }
    for (const [id, elements] of byEdge) this.add(id, t.edges![id], elements);
  }

  private indexSequence(svg: SVGSVGElement, t: TabTargets): void {
    const byParticipant = new Map<string, Element[]>();
    for (const el of Array.from(svg.querySelectorAll('[data-et="participant"][data-id], rect.actor[name], g.actor-man[name]'))) {
      const id = el.getAttribute('data-id') ?? el.getAttribute('name')!;
      // The bottom box is a sibling of its label; take the enclosing group so both respond.
      const target = el.nodeName === 'rect' && !el.closest('[data-et="participant"]') ? (el.parentElement ?? el) : el;
      const list = byParticipant.get(id) ?? [];
      if (!list.includes(target)) list.push(target);
      byParticipant.set(id, list);
    }
    for (const [id, elements] of byParticipant) this.add(id, t.participants?.[id], elements);
    const lines = Array.from(svg.querySelectorAll('[data-et="message"]'));
    const texts = Array.from(svg.querySelectorAll('text.messageText'));
    lines.forEach((line, k) => {
      const elements = [line, hitArea(line)];
      if (texts.length === lines.length) elements.push(texts[k]!);
      this.add(`m${k}`, t.messages?.[k], elements);
    });
  }
}

/** A wide invisible copy of a thin line, drawn under it, so it is easy to click. */
function hitArea(line: Element): Element {
  const hit = document.createElementNS(SVG_NS, line.nodeName);
  for (const name of ['d', 'x1', 'y1', 'x2', 'y2', 'transform']) {
    const v = line.getAttribute(name);
    if (v !== null) hit.setAttribute(name, v);
  }
  hit.setAttribute('class', 'im-hit');
  line.parentNode?.insertBefore(hit, line);
  return hit;
}

function smallest(items: DrawnItem[], spanOf: (i: DrawnItem) => { start: number; end: number }): DrawnItem[] {
  if (!items.length) return [];
  const size = (i: DrawnItem) => spanOf(i).end - spanOf(i).start;
  const min = Math.min(...items.map(size));
  const best = items.filter((i) => size(i) === min);
  // Every drawing of the same span (all the edges of one integration) lights up together.
  const key = spanOf(best[0]!);
  return items.filter((i) => spanOf(i).start === key.start && spanOf(i).end === key.end);
}
