/**
 * Zoom and pan of the drawn diagram: a CSS transform on the canvas. A fit keeps the drawing
 * legible (`legibility.ts`): it scales the drawing to the panel, but never below the zoom at
 * which a label line is MIN_LINE_PX high on screen; a drawing that does not fit at that zoom
 * is shown at it, centred on its busiest part, and the user pans.
 */
import { busiestCentre, legibleScale, type Legibility } from './legibility';

export interface View {
  scale: number;
  x: number;
  y: number;
}

const MIN_SCALE = 0.05;
/** The room a fit leaves around the drawing, in pixels. */
const MARGIN = 16;
const MAX_SCALE = 8;

export class Viewport {
  view: View = { scale: 1, x: 0, y: 0 };
  /** Called after every change, to save the view: made by the user (zoom, pan), by a fit, or set back (a saved view). */
  onChange: (view: View, cause: 'user' | 'fit' | 'set') => void = () => {};
  /** What the drawing shown needs to stay legible, set after each drawing; none: fit it whole. */
  legibility: Legibility | undefined;
  /** True while (and just after) the pointer drags: the click that ends a drag is not a click on the diagram. */
  dragged = false;

  constructor(
    private readonly viewport: HTMLElement,
    private readonly canvas: HTMLElement,
  ) {
    viewport.addEventListener('wheel', (e) => this.onWheel(e), { passive: false });
    viewport.addEventListener('pointerdown', (e) => this.onPointerDown(e));
    viewport.addEventListener('keydown', (e) => this.onKey(e));
  }

  set(view: View): void {
    this.view = { ...view };
    this.apply('set');
  }

  /**
   * Scales the content to fit the panel (never above 1.5×, never below the legible zoom) and
   * centres it; when it does not fit at the legible zoom, centres the busiest part instead,
   * with no blank margin wider than `MARGIN` where there is more drawing to show.
   */
  fit(): void {
    const size = this.contentSize();
    const box = this.viewport.getBoundingClientRect();
    if (!size || box.width === 0 || box.height === 0) return;
    const room = { width: Math.max(1, box.width - 2 * MARGIN), height: Math.max(1, box.height - 2 * MARGIN) };
    const whole = Math.min(room.width / size.width, room.height / size.height, 1.5);
    // A hair above the limit, so that rounding never puts a line a fraction below it.
    const legible = this.legibility ? legibleScale(this.legibility) * 1.001 : 0;
    const scale = clamp(Math.max(whole, legible));
    // Too large to show whole: its busiest part, or (a drawing with no nodes, a sequence) its start, top left.
    const window = { width: room.width / scale, height: room.height / scale };
    const centre = (whole < legible && this.legibility ? busiestCentre(this.legibility.items, size, window.width, window.height) : undefined) ?? { x: Math.min(size.width, window.width) / 2, y: Math.min(size.height, window.height) / 2 };
    const axis = (extent: number, panel: number, c: number) => {
      const drawn = extent * scale;
      if (drawn <= panel - 2 * MARGIN) return (panel - drawn) / 2;
      return Math.min(MARGIN, Math.max(panel - MARGIN - drawn, panel / 2 - c * scale));
    };
    this.view = { scale, x: axis(size.width, box.width, centre.x), y: axis(size.height, box.height, centre.y) };
    this.apply('fit');
  }

  zoomBy(factor: number, atX?: number, atY?: number): void {
    const box = this.viewport.getBoundingClientRect();
    const cx = atX ?? box.width / 2;
    const cy = atY ?? box.height / 2;
    const scale = clamp(this.view.scale * factor);
    const k = scale / this.view.scale;
    this.view = { scale, x: cx - (cx - this.view.x) * k, y: cy - (cy - this.view.y) * k };
    this.apply('user');
  }

  panBy(dx: number, dy: number): void {
    this.view = { ...this.view, x: this.view.x + dx, y: this.view.y + dy };
    this.apply('user');
  }

  private apply(cause: 'user' | 'fit' | 'set'): void {
    const { scale, x, y } = this.view;
    this.canvas.style.transform = `translate(${x}px, ${y}px) scale(${scale})`;
    this.onChange(this.view, cause);
  }

  private contentSize(): { width: number; height: number } | undefined {
    const svg = this.canvas.querySelector('svg');
    if (!svg) return undefined;
    const vb = svg.viewBox.baseVal;
    if (vb && vb.width > 0 && vb.height > 0) return { width: vb.width, height: vb.height };
    const r = svg.getBoundingClientRect();
    return { width: r.width / this.view.scale, height: r.height / this.view.scale };
  }

  private onWheel(e: WheelEvent): void {
    e.preventDefault();
    if (e.ctrlKey || e.metaKey) {
      const box = this.viewport.getBoundingClientRect();
      this.zoomBy(Math.exp(-e.deltaY * 0.002), e.clientX - box.left, e.clientY - box.top);
    } else {
      this.panBy(-e.deltaX, -e.deltaY);
    }
  }

  private onPointerDown(e: PointerEvent): void {
    if (e.button !== 0) return;
    const startX = e.clientX;
    const startY = e.clientY;
    let lastX = startX;
    let lastY = startY;
    this.dragged = false;
    const move = (m: PointerEvent) => {
      if (!this.dragged && Math.hypot(m.clientX - startX, m.clientY - startY) < 4) return;
      if (!this.dragged) {
        this.dragged = true;
        this.viewport.setPointerCapture(e.pointerId);
        this.viewport.classList.add('dragging');
      }
      this.panBy(m.clientX - lastX, m.clientY - lastY);
      lastX = m.clientX;
      lastY = m.clientY;
    };
    const up = () => {
      this.viewport.removeEventListener('pointermove', move);
      this.viewport.removeEventListener('pointerup', up);
      this.viewport.removeEventListener('pointercancel', up);
      this.viewport.classList.remove('dragging');
      // The click event follows pointerup; let it see `dragged`, then reset.
      setTimeout(() => (this.dragged = false), 0);
    };
    this.viewport.addEventListener('pointermove', move);
    this.viewport.addEventListener('pointerup', up);
    this.viewport.addEventListener('pointercancel', up);
  }

  private onKey(e: KeyboardEvent): void {
    const step = 40;
    if ((e.ctrlKey || e.metaKey) && (e.key === '=' || e.key === '+')) this.zoomBy(1.2);
    else if ((e.ctrlKey || e.metaKey) && e.key === '-') this.zoomBy(1 / 1.2);
    else if ((e.ctrlKey || e.metaKey) && e.key === '0') this.fit();
    else if (e.key === 'ArrowLeft') this.panBy(step, 0);
    else if (e.key === 'ArrowRight') this.panBy(-step, 0);
    else if (e.key === 'ArrowUp') this.panBy(0, step);
    else if (e.key === 'ArrowDown') this.panBy(0, -step);
    else return;
    e.preventDefault();
  }
}

function clamp(scale: number): number {
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));
}
