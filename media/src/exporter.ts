/** Export of the drawn diagram: standalone SVG text, or a PNG drawn through a canvas. */

/** The SVG as a standalone file: without the preview's highlight and click areas, with its size set. */
export function svgText(svg: SVGSVGElement, background: string): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  for (const el of Array.from(copy.querySelectorAll('.im-hit'))) el.remove();
  for (const el of Array.from(copy.querySelectorAll('.im-active'))) el.classList.remove('im-active');
  for (const el of Array.from(copy.querySelectorAll('[data-im]'))) el.removeAttribute('data-im');
  const { width, height } = sizeOf(svg);
  copy.setAttribute('width', String(Math.ceil(width)));
  copy.setAttribute('height', String(Math.ceil(height)));
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.style.removeProperty('max-width');
  copy.style.setProperty('background-color', background);
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(copy);
}

/** A PNG data URL of the SVG at `scale`× its size, on `background`. */
export async function pngDataUrl(svg: SVGSVGElement, background: string, scale = 2): Promise<string> {
  const text = svgText(svg, background);
  const { width, height } = sizeOf(svg);
  const image = new Image();
  image.src = 'data:image/svg+xml;base64,' + base64(text);
  await image.decode();
  const canvas = document.createElement('canvas');
  const limit = 16_000;
  const s = Math.min(scale, limit / Math.max(width, 1), limit / Math.max(height, 1));
  canvas.width = Math.max(1, Math.round(width * s));
  canvas.height = Math.max(1, Math.round(height * s));
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This webview cannot draw on a canvas.');
  ctx.fillStyle = background;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL('image/png');
}

function sizeOf(svg: SVGSVGElement): { width: number; height: number } {
  const vb = svg.viewBox.baseVal;
  if (vb && vb.width > 0 && vb.height > 0) return { width: vb.width, height: vb.height };
  return { width: svg.width.baseVal.value || 800, height: svg.height.baseVal.value || 600 };
}

function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
