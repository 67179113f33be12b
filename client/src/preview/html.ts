/**
 * The preview webview's HTML and its Content Security Policy. Pure (no `vscode` import), so the
 * browser tests load exactly this page.
 *
 * The policy starts from `default-src 'none'`: no network, no frames, no fetch. The only script
 * is the bundled preview.js, allowed by a nonce made fresh for every page. Styles come from
 * the bundled stylesheet (the webview's own source) and, inline, from Mermaid: it writes a
 * `<style>` element and `style` attributes into every SVG it draws and offers no way to put a
 * nonce on them, so styles keep 'unsafe-inline' (a nonce in style-src would switch it off).
 * Inline styles cannot load anything: images only from the webview's own source or `data:`
 * URLs, fonts only from the webview's own source.
 */
export interface PreviewHtmlOptions {
  /** `webview.cspSource`: the origin the webview serves local resources from. */
  cspSource: string;
  /** The URIs of media/dist/preview.js and preview.css, as the webview sees them. */
  scriptUri: string;
  styleUri: string;
  nonce: string;
}

/** A fresh nonce: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource} 'unsafe-inline'`,
    `img-src ${cspSource} data:`,
    `font-src ${cspSource}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export function previewHtml(o: PreviewHtmlOptions): string {
  const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(o.cspSource, o.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attr(o.styleUri)}">
<title>Integration diagrams</title>
</head>
<body>
<header class="toolbar">
  <nav id="tabs" class="tabs" role="tablist" aria-label="Diagrams"></nav>
  <div class="actions">
    <label id="focus-label" class="focus" hidden>Focus <select id="focus" aria-label="Focus on a system"></select></label>
    <button type="button" id="zoom-out" title="Zoom out (Ctrl+-)" aria-label="Zoom out">−</button>
    <button type="button" id="zoom-in" title="Zoom in (Ctrl+=)" aria-label="Zoom in">+</button>
    <button type="button" id="fit" title="Fit to the panel (Ctrl+0)">Fit</button>
    <span class="separator" aria-hidden="true"></span>
    <span class="menu">
      <button type="button" id="export" aria-haspopup="menu" aria-expanded="false" aria-controls="export-menu" title="Save this diagram as SVG, PNG or Mermaid source">Export ▾</button>
      <span id="export-menu" class="menu-items" role="menu" aria-label="Export" hidden>
        <button type="button" role="menuitem" id="export-svg" title="Save this diagram as SVG">SVG</button>
        <button type="button" role="menuitem" id="export-png" title="Save this diagram as PNG at twice its size">PNG (2×)</button>
        <button type="button" role="menuitem" id="export-mermaid" title="Save this diagram's Mermaid source">Mermaid source</button>
      </span>
    </span>
  </div>
</header>
<div id="banner" class="banner" role="status" hidden></div>
<main id="viewport" class="viewport" tabindex="0" aria-label="Diagram: drag to pan, Ctrl+wheel to zoom">
  <div id="canvas" class="canvas"></div>
  <p id="placeholder" class="placeholder">Waiting for the diagrams of the active manifest…</p>
</main>
<section id="details" class="details"></section>
<section id="checklist" class="checklist" aria-label="Integration strategy checklist" hidden></section>
<div id="offscreen" class="offscreen" aria-hidden="true"></div>
<script nonce="${attr(o.nonce)}" src="${attr(o.scriptUri)}"></script>
</body>
</html>
`;
}
