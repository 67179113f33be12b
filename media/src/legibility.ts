/**
 * What the fit needs to keep a drawing legible (SPEC 9): how tall a line of its labels is, and
 * where its busiest part lies. Measured on the drawn SVG in the canvas, in the SVG's own CSS
 * pixels (its size at zoom 1).
 */

/** No label line is drawn shorter than this on screen by a fit (VS Code's own text is about 13 px). */
export const MIN_LINE_PX = 12;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Legibility {
  /** The median height of a label line at zoom 1; 0 when the drawing has no labels. */
  lineHeight: number;
  /** What a reader looks for, with how much it counts: a system more than all the labels around it (100 to 1). */
  items: { box: Box; weight: number }[];
}

/** What lies inside `favoured` counts a thousand times more: the fit shows it rather than the busiest part. */
const FAVOURED = 1000;

/** Reads the drawing in the canvas, now drawn at `scale`; `favoured`: a part of it to show first (a domain just expanded). */
export function legibilityOf(svg: SVGSVGElement, scale: number, favoured?: Element): Legibility {
  const origin = svg.getBoundingClientRect();
  const local = (r: DOMRect): Box => ({ x: (r.left - origin.left) / scale, y: (r.top - origin.top) / scale, width: r.width / scale, height: r.height / scale });
  const area = favoured ? local(favoured.getBoundingClientRect()) : undefined;
  const weigh = (box: Box, weight: number) => (area && contains(area, box) ? weight * FAVOURED : weight);

  // Flowchart labels are rows of words (`tspan.row`); a sequence diagram's texts are one line each.
  const heights: number[] = [];
  const rows = Array.from(svg.querySelectorAll('tspan.row'));
  for (const row of rows) {
    if (!(row.textContent ?? '').trim()) continue;
    const words = Array.from(row.querySelectorAll('tspan'));
    const h = Math.max(0, ...(words.length ? words : [row]).map((w) => w.getBoundingClientRect().height));
    if (h > 0) heights.push(h / scale);
  }
  if (!rows.length) {
    for (const text of Array.from(svg.querySelectorAll('text'))) {
      if (!(text.textContent ?? '').trim() || text.closest('defs, marker')) continue;
      const lines = Math.max(1, text.querySelectorAll('tspan').length);
      const h = text.getBoundingClientRect().height / lines;
      if (h > 0) heights.push(h / scale);
    }
  }

  const items: Legibility['items'] = [];
  for (const node of Array.from(svg.querySelectorAll('g.node'))) {
    const box = local(node.getBoundingClientRect());
    items.push({ box, weight: weigh(box, 100) });
  }
  for (const label of Array.from(svg.querySelectorAll('g.edgeLabel'))) {
    if (!(label.textContent ?? '').trim()) continue;
    const box = local(label.getBoundingClientRect());
    items.push({ box, weight: weigh(box, 1) });
  }
  return { lineHeight: median(heights), items };
}

/** The smallest zoom at which the median label line is MIN_LINE_PX on screen (0: no limit). */
export function legibleScale(l: Legibility): number {
  return l.lineHeight > 0 ? MIN_LINE_PX / l.lineHeight : 0;
}

/**
 * The centre of the window of `width` × `height` (inside `content`) that holds the most of
 * `items` wholly, counted by weight; of equals, the one nearest the centre of all of them.
 * Undefined when there are no items.
 */
export function busiestCentre(items: Legibility['items'], content: { width: number; height: number }, width: number, height: number): { x: number; y: number } | undefined {
  if (!items.length) return undefined;
  const total = items.reduce((n, i) => n + i.weight, 0);
  const mean = {
    x: items.reduce((n, i) => n + (i.box.x + i.box.width / 2) * i.weight, 0) / total,
    y: items.reduce((n, i) => n + (i.box.y + i.box.height / 2) * i.weight, 0) / total,
  };
  const clampAxis = (c: number, size: number, extent: number) => (size >= extent ? extent / 2 : Math.min(extent - size / 2, Math.max(size / 2, c)));
  let best: { x: number; y: number } | undefined;
  let bestScore = -1;
  let bestDistance = Infinity;
  // Windows centred on each item, and with each item in one of their corners.
  const candidates = [mean];
  for (const { box: b } of items) {
    candidates.push({ x: b.x + b.width / 2, y: b.y + b.height / 2 });
    for (const [dx, dy] of [[1, 1], [-1, 1], [1, -1], [-1, -1]] as const) {
      candidates.push({ x: (dx > 0 ? b.x : b.x + b.width) + (dx * width) / 2, y: (dy > 0 ? b.y : b.y + b.height) + (dy * height) / 2 });
    }
  }
  for (const candidate of candidates) {
    const c = { x: clampAxis(candidate.x, width, content.width), y: clampAxis(candidate.y, height, content.height) };
    const window = { x: c.x - width / 2, y: c.y - height / 2, width, height };
    let score = 0;
    for (const i of items) if (contains(window, i.box)) score += i.weight;
    const distance = Math.hypot(c.x - mean.x, c.y - mean.y);
    if (score > bestScore || (score === bestScore && distance < bestDistance)) {
      best = c;
      bestScore = score;
      bestDistance = distance;
    }
  }
  return best;
}

function contains(outer: Box, inner: Box): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
}

function median(values: number[]): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}
