/** Zoom and pan of the drawn diagram: a CSS transform on the canvas, kept per tab across updates. */

export interface View {
  scale: number;
  x: number;
  y: number;
}

const MIN_SCALE = 0.05;
const MAX_SCALE = 8;

export class Viewport {
  view: View = { scale: 1, x: 0, y: 0 };
  /** Called after every change, to save the view. */
  onChange: (view: View) => void = () => {};
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
    this.apply();
  }

  /** Scales the content to fit the panel (never above 1.5×) and centres it. */
  fit(): void {
    const size = this.contentSize();
    const box = this.viewport.getBoundingClientRect();
    if (!size || box.width === 0 || box.height === 0) return;
    const margin = 16;
    const scale = clamp(Math.min((box.width - 2 * margin) / size.width, (box.height - 2 * margin) / size.height, 1.5));
    this.view = { scale, x: (box.width - size.width * scale) / 2, y: Math.max(margin, (box.height - size.height * scale) / 2) };
    this.apply();
  }

  zoomBy(factor: number, atX?: number, atY?: number): void {
    const box = this.viewport.getBoundingClientRect();
    const cx = atX ?? box.width / 2;
    const cy = atY ?? box.height / 2;
    const scale = clamp(this.view.scale * factor);
    const k = scale / this.view.scale;
    this.view = { scale, x: cx - (cx - this.view.x) * k, y: cy - (cy - this.view.y) * k };
    this.apply();
  }

  panBy(dx: number, dy: number): void {
    this.view = { ...this.view, x: this.view.x + dx, y: this.view.y + dy };
    this.apply();
  }

  private apply(): void {
    const { scale, x, y } = this.view;
    this.canvas.style.transform = `translate(${x}px, ${y}px) scale(${scale})`;
    this.onChange(this.view);
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
