/**
 * Mermaid, bundled: configuration from the VS Code theme, and rendering offscreen so the
 * panel swaps a finished drawing in (no flicker) or keeps the last one and shows the error.
 */
import mermaid from 'mermaid';
import { decodeEntityCodes, toPrivateUse } from '../../shared/src/mermaidText';
import { tidyFlowchart } from './tidy';

export type Theme = 'light' | 'dark' | 'high-contrast' | 'high-contrast-light';

/** The theme VS Code puts on the webview's body (`vscode-light`, `vscode-dark`, `vscode-high-contrast`, `vscode-high-contrast-light`). */
export function currentTheme(): Theme {
  const c = document.body.classList;
  if (c.contains('vscode-high-contrast-light')) return 'high-contrast-light';
  if (c.contains('vscode-high-contrast')) return 'high-contrast';
  if (c.contains('vscode-dark')) return 'dark';
  return 'light';
}

const MERMAID_THEME: Record<Theme, 'default' | 'dark' | 'neutral'> = {
  light: 'default',
  dark: 'dark',
  'high-contrast': 'dark',
  'high-contrast-light': 'neutral',
};

export function configureMermaid(theme: Theme): void {
  mermaid.initialize({
    startOnLoad: false,
    // Strict: Mermaid sanitizes labels and ignores `click` callbacks and links.
    securityLevel: 'strict',
    theme: MERMAID_THEME[theme],
    // Text 18 px high in the drawing (Mermaid's default is 16): the layout's spacing is fixed in
    // pixels, so at the zoom that keeps label lines 12 px high on screen (viewport.ts) the same
    // diagram takes about 10% less room, and an example with a system more still fits a side panel.
    themeVariables: { fontSize: '18px' },
    // ELK (bundled with Mermaid 12) lays the application diagram out with no label over a node,
    // a label or another line, where dagre does not (BENCHMARKS.md, "Layout"). The classic look
    // keeps the colours of a link's label and of both its arrowheads, which the neo look drops.
    layout: 'elk',
    look: 'classic',
    // SVG text labels, not HTML in foreignObject: no markup path at all, and PNG export works
    // (a canvas that draws a foreignObject is tainted and cannot be read back).
    htmlLabels: false,
    flowchart: { htmlLabels: false, useMaxWidth: false, curve: 'basis', padding: 12, nodeSpacing: 40, rankSpacing: 70, wrappingWidth: 260 },
    sequence: { useMaxWidth: false, mirrorActors: true, showSequenceNumbers: false },
    // The generator keeps diagrams legible (the focus view); these only stop runaway input.
    maxTextSize: 1_000_000,
    maxEdges: 5_000,
    // Errors are shown by the panel; Mermaid must not insert its own error drawing into the page.
    suppressErrorRendering: true,
    // Edge labels on a nearly opaque background, so lines that cross them do not strike the text through.
    themeCSS: '.edgeLabel rect, .edgeLabel .background, .labelBkg { opacity: 0.92 !important; }',
    // Directives in the text cannot change these.
    secure: ['secure', 'securityLevel', 'startOnLoad', 'maxTextSize', 'maxEdges', 'htmlLabels', 'flowchart', 'sequence', 'dompurifyConfig', 'theme', 'themeVariables', 'fontFamily', 'themeCSS', 'suppressErrorRendering', 'layout', 'look', 'elk'],
  });
}

let counter = 0;

export type RenderResult = { svg: SVGSVGElement } | { error: string };

/**
 * Renders in `offscreen`; returns the SVG element (detached) or the error message. Mermaid's
 * render parses the text itself and throws its parse errors (no error drawing:
 * `suppressErrorRendering`), so the text is not parsed first on its own (that was some 65 ms of
 * a 63-system drawing, BENCHMARKS.md "Landscape").
 */
export async function renderDiagram(source: string, offscreen: HTMLElement): Promise<RenderResult> {
  const flowchart = /^\s*(flowchart|graph)\b/.test(source);
  const text = flowchart ? toPrivateUse(source) : source;
  const id = `im-diagram-${++counter}`;
  try {
    const { svg } = await mermaid.render(id, text, offscreen);
    const svgElement = toElement(svg);
    if (!svgElement) return { error: 'Mermaid returned no drawing.' };
    if (flowchart) {
      decodeLabels(svgElement);
      // Measured in the page, offscreen, then handed back detached.
      offscreen.replaceChildren(svgElement);
      tidyFlowchart(svgElement);
      svgElement.remove();
    }
    return { svg: svgElement };
  } catch (e) {
    return { error: messageOf(e) };
  } finally {
    offscreen.replaceChildren();
    document.getElementById(id)?.remove();
    document.getElementById(`d${id}`)?.remove();
  }
}

/**
 * Draws a two-node flowchart in a container of its own and throws it away, so that Mermaid's
 * and ELK's first use (some hundreds of milliseconds: BENCHMARKS.md, "Landscape") is paid
 * while the extension is still making the diagrams, not after they arrive. Mermaid renders one
 * diagram at a time, so a set that arrives meanwhile waits only for the rest of it.
 */
export async function warmUp(): Promise<void> {
  const scratch = document.createElement('div');
  scratch.className = 'offscreen';
  scratch.setAttribute('aria-hidden', 'true');
  document.body.append(scratch);
  try {
    await renderDiagram('flowchart LR\n  a --> b', scratch);
  } finally {
    scratch.remove();
  }
}

function toElement(svg: string): SVGSVGElement | undefined {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const root = doc.documentElement;
  if (root.nodeName !== 'svg' || doc.querySelector('parsererror')) return undefined;
  // Mermaid has already sanitized its output; this is a second fence.
  for (const el of Array.from(root.querySelectorAll('script, iframe, object, embed, foreignObject'))) el.remove();
  for (const el of Array.from(root.querySelectorAll('*'))) {
    for (const attr of Array.from(el.attributes)) {
      const value = attr.value.trim().toLowerCase();
      if (attr.name.toLowerCase().startsWith('on') || ((attr.name === 'href' || attr.name === 'xlink:href') && !value.startsWith('#'))) el.removeAttribute(attr.name);
    }
  }
  return document.importNode(root, true) as unknown as SVGSVGElement;
}

/**
 * Flowchart SVG labels hold the stand-ins of `toPrivateUse` (and `&#NNN;` for other codes):
 * turn them back into the characters, as plain text (never markup). Sequence diagrams
 * decode entity codes themselves.
 */
function decodeLabels(svg: SVGSVGElement): void {
  const walker = document.createTreeWalker(svg, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement?.nodeName;
    if (parent === 'style') continue;
    const text = node.nodeValue ?? '';
    if (/&#|[\ue000-\ue07f]/.test(text)) node.nodeValue = decodeEntityCodes(text);
  }
}

function messageOf(e: unknown): string {
  const raw = e instanceof Error ? e.message : typeof e === 'string' ? e : JSON.stringify(e);
  return raw.length > 2000 ? raw.slice(0, 2000) + '…' : raw;
}
