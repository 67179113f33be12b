/// <reference lib="dom" />
/**
 * Runs inside the preview page (headless Chromium, or the webview frame of code-server): reads
 * the application diagram as drawn on screen and says how legible it is. Bundled to a string by
 * `layoutMetrics.ts`; it imports nothing.
 *
 * Everything is measured on screen (CSS pixels, after the preview's zoom): boxes with
 * `getBoundingClientRect`, lines as points along each drawn path mapped with `getScreenCTM`.
 * A box overlaps another when they share more than one unit of the drawing (one pixel at zoom 1)
 * in both directions.
 */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Overlap {
  /**
   * What overlaps what: `label/node`, `label/label`, `label/line` (another edge's line through
   * a label), `node/node`, `label/group-title`, `node/group-title`, `arrow/group-title`,
   * `line/group-title`, `arrow/label`, `label/group-border` (a label across a group's edge).
   */
  kind: string;
  a: string;
  b: string;
}

export interface LayoutMetrics {
  /** The zoom of the canvas (1 = the SVG's own size). */
  scale: number;
  /** The diagram panel (`#viewport`) on screen. */
  panel: Box;
  /** The drawn size of the whole SVG at scale 1. */
  natural: { width: number; height: number };
  /** Every system node (Mermaid id s0, x0...) and its box on screen. */
  systems: { id: string; text: string; box: Box }[];
  /** Systems not wholly inside the panel. */
  outside: string[];
  /** The on-screen height of every text row of every node and edge label. */
  lineHeights: number[];
  medianLineHeight: number;
  minLineHeight: number;
  overlaps: Overlap[];
  /** Points where two drawn edges cross (away from their ends, where edges meet at a node). */
  crossings: number;
  edges: number;
  labels: number;
}

/** The size of an arrowhead, in units of the drawing. */
const ARROWHEAD = 8;

export function measureLayout(): LayoutMetrics | undefined {
  const svg = document.querySelector<SVGSVGElement>('#canvas svg');
  const viewport = document.getElementById('viewport');
  const canvas = document.getElementById('canvas');
  if (!svg || !viewport || !canvas) return undefined;
  const scale = scaleOf(canvas);
  // Overlaps are judged in units of the drawing, whatever the zoom.
  const tolerance = scale;
  const intersects = (a: Box, b: Box) => overlap(a, b, tolerance);
  const panel = boxOf(viewport.getBoundingClientRect());

  const systems: LayoutMetrics['systems'] = [];
  const nodeBoxes: { id: string; box: Box }[] = [];
  for (const node of Array.from(svg.querySelectorAll<SVGGElement>('g.node'))) {
    const id = /-flowchart-([A-Za-z]\w*)-\d+$/.exec(node.id)?.[1] ?? node.id;
    const shape = node.querySelector('rect.label-container, polygon, path.label-container, rect, path') ?? node;
    const box = boxOf(shape.getBoundingClientRect());
    nodeBoxes.push({ id, box });
    if (/^[sx]\d+$/.test(id)) systems.push({ id, text: rowsOf(node).join(' / '), box });
  }
  const outside = systems.filter((s) => !inside(s.box, panel)).map((s) => s.id);

  const labels: { id: string; edge: string; box: Box }[] = [];
  Array.from(svg.querySelectorAll<SVGGElement>('g.edgeLabel')).forEach((label, k) => {
    const text = label.querySelector('text');
    if (!text || !(text.textContent ?? '').trim()) return;
    const background = label.querySelector('rect.background');
    const r = background && background.getBoundingClientRect().width > 0 ? background.getBoundingClientRect() : text.getBoundingClientRect();
    const edge = label.querySelector('[data-id]')?.getAttribute('data-id') ?? `label${k}`;
    labels.push({ id: `label:${edge}`, edge, box: boxOf(r) });
  });

  const groups: { id: string; box: Box }[] = [];
  for (const rect of Array.from(svg.querySelectorAll<SVGRectElement>('g.cluster > rect'))) {
    groups.push({ id: `group:${rect.parentElement?.id.replace(/^.*?-(g_\w+)$/, '$1') ?? ''}`, box: boxOf(rect.getBoundingClientRect()) });
  }
  const titles: { id: string; box: Box }[] = [];
  for (const title of Array.from(svg.querySelectorAll<SVGGElement>('g.cluster-label'))) {
    const text = title.querySelector('text');
    if (!text || !(text.textContent ?? '').trim()) continue;
    const cluster = title.closest('g.cluster');
    titles.push({ id: `title:${cluster?.id.replace(/^.*?-(g_\w+)$/, '$1') ?? text.textContent}`, box: boxOf(text.getBoundingClientRect()) });
  }

  const lines: { id: string; points: { x: number; y: number }[]; coarse: { x: number; y: number }[] }[] = [];
  const arrows: { id: string; box: Box }[] = [];
  for (const path of Array.from(svg.querySelectorAll<SVGPathElement>('path.flowchart-link'))) {
    const id = path.getAttribute('data-id') ?? path.id;
    const points = sample(path, 3 * scale);
    if (points.length < 2) continue;
    lines.push({ id, points, coarse: sample(path, 10 * scale) });
    const head = ARROWHEAD * scale;
    if (path.getAttribute('marker-end')) arrows.push({ id: `arrow:${id}`, box: around(points, points.length - 1, head) });
    if (path.getAttribute('marker-start')) arrows.push({ id: `arrow:${id}`, box: around(points, 0, head) });
  }

  const overlaps: Overlap[] = [];
  const pairs = <A extends { id: string; box: Box }, B extends { id: string; box: Box }>(kind: string, as: A[], bs: B[], same: boolean, skip?: (a: A, b: B) => boolean) => {
    as.forEach((a, i) => {
      bs.forEach((b, j) => {
        if (same && j <= i) return;
        if (skip?.(a, b)) return;
        if (intersects(a.box, b.box)) overlaps.push({ kind, a: a.id, b: b.id });
      });
    });
  };
  pairs('node/node', nodeBoxes, nodeBoxes, true);
  pairs('label/label', labels, labels, true);
  pairs('label/node', labels, nodeBoxes, false);
  pairs('label/group-title', labels, titles, false);
  pairs('node/group-title', nodeBoxes, titles, false);
  pairs('arrow/group-title', arrows, titles, false);
  pairs('arrow/label', arrows, labels, false, (a, l) => a.id === `arrow:${l.edge}`);
  for (const label of labels) {
    for (const line of lines) {
      if (line.id === label.edge) continue;
      if (crosses(line.points, shrink(label.box, tolerance))) overlaps.push({ kind: 'label/line', a: label.id, b: line.id });
    }
    for (const group of groups) {
      if (intersects(label.box, group.box) && !inside(label.box, group.box)) overlaps.push({ kind: 'label/group-border', a: label.id, b: group.id });
    }
  }
  for (const title of titles) {
    for (const line of lines) if (crosses(line.points, shrink(title.box, tolerance))) overlaps.push({ kind: 'line/group-title', a: line.id, b: title.id });
  }

  const lineHeights: number[] = [];
  for (const row of Array.from(svg.querySelectorAll<SVGTSpanElement>('g.node tspan.row, g.edgeLabel tspan.row'))) {
    if (!(row.textContent ?? '').trim()) continue;
    const inner = Array.from(row.querySelectorAll<SVGTSpanElement>('tspan'));
    const heights = (inner.length ? inner : [row]).map((t) => t.getBoundingClientRect().height).filter((h) => h > 0);
    if (heights.length) lineHeights.push(Math.max(...heights));
  }
  const sorted = [...lineHeights].sort((a, b) => a - b);
  const natural = svg.viewBox.baseVal && svg.viewBox.baseVal.width > 0 ? { width: svg.viewBox.baseVal.width, height: svg.viewBox.baseVal.height } : { width: svg.width.baseVal.value, height: svg.height.baseVal.value };

  return {
    scale,
    panel,
    natural,
    systems,
    outside,
    lineHeights,
    medianLineHeight: sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)]! : 0,
    minLineHeight: sorted.length ? sorted[0]! : 0,
    overlaps,
    crossings: crossings(lines, scale),
    edges: lines.length,
    labels: labels.length,
  };
}

function scaleOf(canvas: HTMLElement): number {
  const m = /scale\(([\d.e+-]+)\)/.exec(canvas.style.transform);
  return m ? Number(m[1]) : 1;
}

function rowsOf(node: Element): string[] {
  return Array.from(node.querySelectorAll('tspan.row')).map((r) => (r.textContent ?? '').trim());
}

function boxOf(r: DOMRect): Box {
  return { x: r.x, y: r.y, width: r.width, height: r.height };
}

function inside(b: Box, outer: Box): boolean {
  return b.x >= outer.x - 0.5 && b.y >= outer.y - 0.5 && b.x + b.width <= outer.x + outer.width + 0.5 && b.y + b.height <= outer.y + outer.height + 0.5;
}

function overlap(a: Box, b: Box, tolerance: number): boolean {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > tolerance && h > tolerance;
}

function shrink(b: Box, by: number): Box {
  return { x: b.x + by, y: b.y + by, width: Math.max(0, b.width - 2 * by), height: Math.max(0, b.height - 2 * by) };
}

/** Points along a path on screen, about `step` pixels apart. */
function sample(path: SVGPathElement, step: number): { x: number; y: number }[] {
  const ctm = path.getScreenCTM();
  if (!ctm) return [];
  const length = path.getTotalLength();
  const unit = Math.hypot(ctm.a, ctm.b) || 1;
  const n = Math.max(2, Math.ceil((length * unit) / step));
  const points: { x: number; y: number }[] = [];
  for (let i = 0; i <= n; i++) {
    const p = path.getPointAtLength((length * i) / n);
    points.push({ x: ctm.a * p.x + ctm.c * p.y + ctm.e, y: ctm.b * p.x + ctm.d * p.y + ctm.f });
  }
  return points;
}

/** A square of `size` around the arrowhead at the end `at` (0 or last) of a line: its tip and the part just behind it. */
function around(points: { x: number; y: number }[], at: number, size: number): Box {
  const tip = points[at]!;
  const back = points[at === 0 ? Math.min(points.length - 1, 2) : Math.max(0, points.length - 3)]!;
  const d = Math.hypot(tip.x - back.x, tip.y - back.y) || 1;
  const cx = tip.x + ((back.x - tip.x) / d) * (size / 2);
  const cy = tip.y + ((back.y - tip.y) / d) * (size / 2);
  return { x: cx - size / 2, y: cy - size / 2, width: size, height: size };
}

/** Whether the polyline passes through the box. */
function crosses(points: { x: number; y: number }[], b: Box): boolean {
  for (let i = 0; i + 1 < points.length; i++) {
    const p = points[i]!;
    const q = points[i + 1]!;
    // Points are close together: a segment inside the box has an end or its middle inside.
    const mx = (p.x + q.x) / 2;
    const my = (p.y + q.y) / 2;
    for (const c of [p, q, { x: mx, y: my }]) if (c.x > b.x && c.x < b.x + b.width && c.y > b.y && c.y < b.y + b.height) return true;
  }
  return false;
}

/** Crossing points between lines of different edges, away from the lines' ends (where edges meet at a node). */
function crossings(lines: { id: string; coarse: { x: number; y: number }[] }[], scale: number): number {
  const END = 12 * scale;
  const found: { x: number; y: number }[] = [];
  for (let i = 0; i < lines.length; i++) {
    for (let j = i + 1; j < lines.length; j++) {
      const a = lines[i]!.coarse;
      const b = lines[j]!.coarse;
      if (!boxesMeet(a, b)) continue;
      for (let s = 0; s + 1 < a.length; s++) {
        for (let t = 0; t + 1 < b.length; t++) {
          const x = segmentIntersection(a[s]!, a[s + 1]!, b[t]!, b[t + 1]!);
          if (!x) continue;
          if ([a[0]!, a[a.length - 1]!, b[0]!, b[b.length - 1]!].some((e) => Math.hypot(e.x - x.x, e.y - x.y) < END)) continue;
          if (found.some((f) => Math.hypot(f.x - x.x, f.y - x.y) < 6 * scale)) continue;
          found.push(x);
        }
      }
    }
  }
  return found.length;
}

function boxesMeet(a: { x: number; y: number }[], b: { x: number; y: number }[]): boolean {
  const box = (ps: { x: number; y: number }[]) => ({ x0: Math.min(...ps.map((p) => p.x)), x1: Math.max(...ps.map((p) => p.x)), y0: Math.min(...ps.map((p) => p.y)), y1: Math.max(...ps.map((p) => p.y)) });
  const p = box(a);
  const q = box(b);
  return p.x0 <= q.x1 && q.x0 <= p.x1 && p.y0 <= q.y1 && q.y0 <= p.y1;
}

function segmentIntersection(p: { x: number; y: number }, p2: { x: number; y: number }, q: { x: number; y: number }, q2: { x: number; y: number }): { x: number; y: number } | undefined {
  const r = { x: p2.x - p.x, y: p2.y - p.y };
  const s = { x: q2.x - q.x, y: q2.y - q.y };
  const d = r.x * s.y - r.y * s.x;
  if (Math.abs(d) < 1e-9) return undefined;
  const t = ((q.x - p.x) * s.y - (q.y - p.y) * s.x) / d;
  const u = ((q.x - p.x) * r.y - (q.y - p.y) * r.x) / d;
  if (t < 0 || t > 1 || u < 0 || u > 1) return undefined;
  return { x: p.x + t * r.x, y: p.y + t * r.y };
}
