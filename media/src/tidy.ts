/**
 * What the preview does to Mermaid's drawing of the application diagram before showing it, so
 * that it reads at first sight (SPEC 9):
 * - a system's kind, the last line of its label, in smaller type than its name (`im-kind`);
 * - every group title where no line, arrowhead, label or node crosses it: ELK reserves a
 *   strip at the top of each group for its title, but edges entering the group from above cross
 *   that strip, so the title slides along it (or to the bottom) to a free stretch;
 * - every edge label clear of nodes, other labels, other edges' lines and arrowheads, group
 *   titles and group borders: a label that touches one slides along its own edge to the nearest
 *   free place.
 * What could not be placed stays where Mermaid put it. Runs on the SVG while it is in the page
 * (offscreen): it measures with `getBBox` and `getScreenCTM`. Exports are made from the same
 * SVG, so they show the same.
 */

interface Point {
  x: number;
  y: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Room kept around labels and titles, in units of the drawing. */
const CLEARANCE = 3;
/** How far apart the places tried along an edge or a title strip are. */
const STEP = 4;
/** The size of an arrowhead. */
const ARROWHEAD = 10;
/** The kind's type size, relative to the name's. */
export const KIND_SIZE = '90%';

export function tidyFlowchart(svg: SVGSVGElement): void {
  smallerKinds(svg);
  const scene = new Scene(svg);
  // Labels first: a group may grow to hold one, and its title then finds its place in the grown frame.
  scene.placeLabels();
  scene.placeTitles();
}

/** The last line of each system's label (its kind, or "not declared under systems") in smaller type. */
function smallerKinds(svg: SVGSVGElement): void {
  for (const node of Array.from(svg.querySelectorAll('g.node'))) {
    if (!/-flowchart-[sx]\d+-\d+$/.test(node.id)) continue;
    const rows = Array.from(node.querySelectorAll('text > tspan.row'));
    if (rows.length < 2) continue;
    const kind = rows[rows.length - 1]!;
    kind.classList.add('im-kind');
    for (const part of Array.from(kind.querySelectorAll('tspan'))) part.setAttribute('font-size', KIND_SIZE);
  }
}

interface Label {
  element: SVGGElement;
  edge: string;
  box: Box;
}

interface Line {
  id: string;
  points: Point[];
}

/** The drawing's nodes, labels, lines, arrowheads and groups, in the SVG's own units. */
class Scene {
  private readonly root: DOMMatrix;
  private readonly nodes: Box[] = [];
  private readonly labels: Label[] = [];
  private readonly lines: Line[] = [];
  private readonly arrows: { edge: string; box: Box }[] = [];
  private readonly groups: { rect: SVGRectElement; box: Box; title?: { element: SVGGElement; box: Box } }[] = [];
  private readonly grid = new PointGrid(24);

  constructor(private readonly svg: SVGSVGElement) {
    this.root = svg.getScreenCTM()?.inverse() ?? new DOMMatrix();
    for (const node of Array.from(svg.querySelectorAll<SVGGElement>('g.node'))) {
      const shape = node.querySelector<SVGGraphicsElement>('rect.label-container, polygon, path.label-container') ?? node;
      this.nodes.push(this.boxOf(shape));
    }
    for (const path of Array.from(svg.querySelectorAll<SVGPathElement>('path.flowchart-link'))) {
      const id = path.getAttribute('data-id') ?? path.id;
      const points = this.sample(path);
      if (points.length < 2) continue;
      this.lines.push({ id, points });
      points.forEach((p) => this.grid.add(p, id));
      if (path.getAttribute('marker-end')) this.arrows.push({ edge: id, box: arrowhead(points, points.length - 1) });
      if (path.getAttribute('marker-start')) this.arrows.push({ edge: id, box: arrowhead(points, 0) });
    }
    for (const element of Array.from(svg.querySelectorAll<SVGGElement>('g.edgeLabel'))) {
      const text = element.querySelector('text');
      if (!text || !(text.textContent ?? '').trim()) continue;
      const background = element.querySelector<SVGGraphicsElement>('rect.background');
      const box = background && background.getBBox().width > 0 ? this.boxOf(background) : this.boxOf(text);
      this.labels.push({ element, edge: element.querySelector('[data-id]')?.getAttribute('data-id') ?? '', box });
    }
    for (const cluster of Array.from(svg.querySelectorAll<SVGGElement>('g.cluster'))) {
      const rect = cluster.querySelector<SVGRectElement>(':scope > rect');
      if (!rect) continue;
      const title = cluster.querySelector<SVGGElement>('g.cluster-label');
      const text = title?.querySelector('text');
      this.groups.push({ rect, box: this.boxOf(rect), ...(title && text && (text.textContent ?? '').trim() ? { title: { element: title, box: this.boxOf(text) } } : {}) });
    }
  }

  /**
   * Each group title to the free place nearest to where it is: along its strip at the top;
   * else along that strip past the frame's side, the group growing sideways to hold it; else
   * along the bottom of the group; else in a strip the group grows by at its bottom.
   */
  placeTitles(): void {
    for (const group of this.groups) {
      const title = group.title;
      if (!title || this.titleIsClear(title.box, group.box)) continue;
      const { box } = title;
      const left = group.box.x + CLEARANCE;
      const right = group.box.x + group.box.width - CLEARANCE - box.width;
      const bottom = group.box.y + group.box.height - CLEARANCE - box.height;
      /** The nearest clear place on the row at `y`, with the frame it needs (grown to hold it when `reach` lets it pass the sides). */
      const along = (y: number, frame: Box, reach = 0) => {
        for (const x of alongFrom(box.x, left - reach, right + reach)) {
          const place = { ...box, x, y };
          const needed = union(frame, grow(place, CLEARANCE));
          if (needed.width !== frame.width && !this.canGrow(group, needed)) continue;
          if (this.titleIsClear(place, needed)) return { place, frame: needed };
        }
        return undefined;
      };
      const strip = { ...group.box, height: group.box.height + box.height + 2 * CLEARANCE };
      const found =
        along(box.y, group.box) ??
        along(box.y, group.box, 2 * box.width) ??
        (bottom > box.y ? along(bottom, group.box) : undefined) ??
        (this.canGrow(group, strip) ? along(group.box.y + group.box.height + CLEARANCE, strip) : undefined);
      if (!found) continue;
      if (found.frame !== group.box) this.resizeGroup(group, found.frame);
      move(title.element, this.toParent(title.element, found.place.x - box.x, found.place.y - box.y));
      title.box = found.place;
    }
  }

  /** Whether a group's frame can become `to`: it takes in no node, label or other group it did not hold. */
  private canGrow(group: Scene['groups'][number], to: Box, except?: Label): boolean {
    const taken = (b: Box) => overlaps(to, b) && !overlaps(group.box, b);
    return !this.nodes.some(taken) && !this.labels.some((l) => l !== except && taken(l.box)) && !this.groups.some((g) => g !== group && overlaps(to, g.box));
  }

  /**
   * Makes a group's frame `to` (which holds its old frame), and the drawing larger when needed;
   * with `recentre`, its title moves with the frame's centre.
   */
  private resizeGroup(group: Scene['groups'][number], to: Box, recentre = false): void {
    const rect = group.rect;
    const at = this.toParent(rect, to.x - group.box.x, to.y - group.box.y);
    const size = this.toParent(rect, to.width - group.box.width, to.height - group.box.height);
    const attr = (name: string) => Number(rect.getAttribute(name) ?? 0);
    rect.setAttribute('x', String(attr('x') + at.x));
    rect.setAttribute('y', String(attr('y') + at.y));
    rect.setAttribute('width', String(attr('width') + size.x));
    rect.setAttribute('height', String(attr('height') + size.y));
    // A title stays centred over its frame (placeTitles moves it on if it is not clear there).
    const title = group.title;
    if (recentre && title && to.width !== group.box.width) {
      const dx = to.x + to.width / 2 - (group.box.x + group.box.width / 2);
      move(title.element, this.toParent(title.element, dx, 0));
      title.box = { ...title.box, x: title.box.x + dx };
    }
    group.box = to;
    const vb = this.svg.viewBox.baseVal;
    if (!(vb.width > 0)) return;
    const margin = 8;
    const drawn = union({ x: vb.x, y: vb.y, width: vb.width, height: vb.height }, grow(to, margin));
    if (drawn.width === vb.width && drawn.height === vb.height && drawn.x === vb.x && drawn.y === vb.y) return;
    this.svg.setAttribute('viewBox', `${drawn.x} ${drawn.y} ${drawn.width} ${drawn.height}`);
    const width = Number(this.svg.getAttribute('width'));
    const height = Number(this.svg.getAttribute('height'));
    if (width > 0) this.svg.setAttribute('width', String(width + drawn.width - vb.width));
    if (height > 0) this.svg.setAttribute('height', String(height + drawn.height - vb.height));
  }

  /**
   * Each label that touches something moves to the nearest free place along its own edge: on
   * the line first, else beside it (left, right, above or below the line).
   */
  placeLabels(): void {
    for (const label of this.labels) {
      if (this.labelIsClear(label, label.box)) continue;
      const line = this.lines.find((l) => l.id === label.edge);
      if (!line) continue;
      const { width: w, height: h } = label.box;
      const centre = { x: label.box.x + w / 2, y: label.box.y + h / 2 };
      const order = alongFrom(nearest(line.points, centre), 0, line.points.length - 1, 1).map((i) => line.points[i]!);
      const gap = CLEARANCE + 1;
      const on = (p: Point): Point[] => [{ x: p.x - w / 2, y: p.y - h / 2 }];
      const beside = (p: Point): Point[] => [
        { x: p.x - w - gap, y: p.y - h / 2 },
        { x: p.x + gap, y: p.y - h / 2 },
        { x: p.x - w / 2, y: p.y - h - gap },
        { x: p.x - w / 2, y: p.y + gap },
      ];
      const free = [...order.flatMap(on), ...order.flatMap(beside)].map((p) => ({ ...label.box, ...p })).find((b) => this.labelIsClear(label, b));
      if (free) {
        move(label.element, this.toParent(label.element, free.x - label.box.x, free.y - label.box.y));
        label.box = free;
      } else {
        this.growAround(label);
      }
    }
  }

  /**
   * A label with no free place that is clear but for the border of a group (its edge runs
   * close to it): the group grows to hold the label, when the room it takes is free.
   */
  private growAround(label: Label): void {
    const crossed = this.groups.filter((g) => overlaps(g.box, label.box) && !contains(g.box, label.box));
    if (crossed.length !== 1) return;
    const group = crossed[0]!;
    const next = union(group.box, grow(label.box, CLEARANCE));
    if (!this.canGrow(group, next, label)) return;
    if (!this.labelIsClear(label, label.box, [group])) return;
    this.resizeGroup(group, next, true);
  }

  private titleIsClear(box: Box, group: Box): boolean {
    const b = grow(box, CLEARANCE);
    if (!contains(group, box)) return false;
    if (this.grid.any(b, () => true)) return false;
    if (this.nodes.some((n) => overlaps(n, b))) return false;
    if (this.labels.some((l) => overlaps(l.box, b))) return false;
    return !this.arrows.some((a) => overlaps(a.box, b));
  }

  private labelIsClear(label: Label, box: Box, ignoring: Scene['groups'] = []): boolean {
    const b = grow(box, CLEARANCE);
    if (this.nodes.some((n) => overlaps(n, b))) return false;
    if (this.labels.some((l) => l !== label && overlaps(l.box, b))) return false;
    if (this.arrows.some((a) => overlaps(a.box, b))) return false;
    for (const g of this.groups) {
      if (g.title && overlaps(g.title.box, b)) return false;
      // Wholly inside a group or wholly outside it, never across its border.
      if (!ignoring.includes(g) && overlaps(g.box, box) && !contains(g.box, box)) return false;
    }
    return !this.grid.any(b, (edge) => edge !== label.edge);
  }

  /** The box of an element in the SVG's units. */
  private boxOf(el: SVGGraphicsElement): Box {
    const b = el.getBBox();
    const m = this.toRoot(el);
    const corners = [new DOMPoint(b.x, b.y), new DOMPoint(b.x + b.width, b.y), new DOMPoint(b.x, b.y + b.height), new DOMPoint(b.x + b.width, b.y + b.height)].map((p) => p.matrixTransform(m));
    const xs = corners.map((p) => p.x);
    const ys = corners.map((p) => p.y);
    return { x: Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
  }

  private toRoot(el: SVGGraphicsElement): DOMMatrix {
    return this.root.multiply(el.getScreenCTM() ?? new DOMMatrix());
  }

  /** A move by (dx, dy) in the SVG's units, as a move in the coordinates of `el`'s parent. */
  private toParent(el: SVGElement, dx: number, dy: number): Point {
    const parent = el.parentElement as unknown as SVGGraphicsElement | null;
    const m = parent && typeof parent.getScreenCTM === 'function' ? this.toRoot(parent).inverse() : new DOMMatrix();
    return { x: m.a * dx + m.c * dy, y: m.b * dx + m.d * dy };
  }

  /**
   * Points along a path, about STEP apart, in the SVG's units: along the corners the layout
   * gave it (Mermaid's `data-points`), else along the drawn path (slow on long paths with
   * rounded corners and hops: each `getPointAtLength` walks the path from its start).
   */
  private sample(path: SVGPathElement): Point[] {
    const m = this.toRoot(path);
    const corners = pointsOf(path);
    const points: Point[] = [];
    if (corners) {
      for (let i = 0; i + 1 < corners.length; i++) {
        const a = corners[i]!;
        const b = corners[i + 1]!;
        const n = Math.max(1, Math.ceil(Math.hypot(b.x - a.x, b.y - a.y) / STEP));
        for (let k = i === 0 ? 0 : 1; k <= n; k++) points.push(new DOMPoint(a.x + ((b.x - a.x) * k) / n, a.y + ((b.y - a.y) * k) / n).matrixTransform(m));
      }
    } else {
      const length = path.getTotalLength();
      if (!(length > 0)) return [];
      const n = Math.max(2, Math.ceil(length / STEP));
      for (let i = 0; i <= n; i++) points.push(path.getPointAtLength((length * i) / n).matrixTransform(m));
    }
    return points.map((p) => ({ x: p.x, y: p.y }));
  }
}

/** The corners of a drawn edge as the layout placed them: Mermaid's `data-points` (base64 JSON), when it is there and reads. */
function pointsOf(path: SVGPathElement): Point[] | undefined {
  const data = path.getAttribute('data-points');
  if (!data) return undefined;
  try {
    const points = JSON.parse(atob(data)) as unknown;
    if (Array.isArray(points) && points.length >= 2 && points.every((p: Point) => Number.isFinite(p?.x) && Number.isFinite(p?.y))) return points as Point[];
  } catch {
    // Not ours to judge: sample the path instead.
  }
  return undefined;
}

/** Moves a `translate`d group by (dx, dy) of its parent's coordinates. */
function move(el: SVGGraphicsElement, by: Point): void {
  const m = /translate\(\s*([-\d.e+]+)[ ,]+([-\d.e+]+)\s*\)/.exec(el.getAttribute('transform') ?? '');
  const x = (m ? Number(m[1]) : 0) + by.x;
  const y = (m ? Number(m[2]) : 0) + by.y;
  const rest = (el.getAttribute('transform') ?? '').replace(/translate\([^)]*\)/, '').trim();
  el.setAttribute('transform', `translate(${x}, ${y})${rest ? ' ' + rest : ''}`);
}

/** Values from `from` outwards, alternately after and before it, within [min, max]. */
function alongFrom(from: number, min: number, max: number, step = STEP): number[] {
  const out: number[] = [];
  if (max < min) return out;
  const start = Math.min(max, Math.max(min, from));
  out.push(start);
  for (let d = step; start + d <= max || start - d >= min; d += step) {
    if (start + d <= max) out.push(start + d);
    if (start - d >= min) out.push(start - d);
  }
  return out;
}

function nearest(points: Point[], to: Point): number {
  let best = 0;
  let bestDistance = Infinity;
  points.forEach((p, i) => {
    const d = Math.hypot(p.x - to.x, p.y - to.y);
    if (d < bestDistance) {
      best = i;
      bestDistance = d;
    }
  });
  return best;
}

/** The box an arrowhead takes at one end of a line: its tip and the part just behind it. */
function arrowhead(points: Point[], at: number): Box {
  const tip = points[at]!;
  const back = points[at === 0 ? Math.min(points.length - 1, 2) : Math.max(0, points.length - 3)]!;
  const d = Math.hypot(tip.x - back.x, tip.y - back.y) || 1;
  const cx = tip.x + ((back.x - tip.x) / d) * (ARROWHEAD / 2);
  const cy = tip.y + ((back.y - tip.y) / d) * (ARROWHEAD / 2);
  return { x: cx - ARROWHEAD / 2, y: cy - ARROWHEAD / 2, width: ARROWHEAD, height: ARROWHEAD };
}

function grow(b: Box, by: number): Box {
  return { x: b.x - by, y: b.y - by, width: b.width + 2 * by, height: b.height + 2 * by };
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function union(a: Box, b: Box): Box {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y };
}

function contains(outer: Box, inner: Box): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
}

/** Points of lines in square cells, to find the lines near a box without looking at all of them. */
class PointGrid {
  private readonly cells = new Map<string, { p: Point; id: string }[]>();
  constructor(private readonly size: number) {}

  add(p: Point, id: string): void {
    const key = `${Math.floor(p.x / this.size)},${Math.floor(p.y / this.size)}`;
    const cell = this.cells.get(key);
    if (cell) cell.push({ p, id });
    else this.cells.set(key, [{ p, id }]);
  }

  /** Whether a point of a line that `accept`s lies inside the box. */
  any(b: Box, accept: (id: string) => boolean): boolean {
    for (let cx = Math.floor(b.x / this.size); cx <= Math.floor((b.x + b.width) / this.size); cx++) {
      for (let cy = Math.floor(b.y / this.size); cy <= Math.floor((b.y + b.height) / this.size); cy++) {
        for (const { p, id } of this.cells.get(`${cx},${cy}`) ?? []) {
          if (p.x > b.x && p.x < b.x + b.width && p.y > b.y && p.y < b.y + b.height && accept(id)) return true;
        }
      }
    }
    return false;
  }
}
