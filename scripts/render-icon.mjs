// Draws the extension's icon, media/icon.png (128x128): three systems joined by integrations,
// one of them through a middleware hub. Rendered from SVG by headless Chromium.
// Usage: node scripts/render-icon.mjs
import { chromium } from 'playwright-core';
import { fileURLToPath } from 'node:url';

const out = fileURLToPath(new URL('../media/icon.png', import.meta.url));

const svg = `
<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128" viewBox="0 0 128 128">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#0b5cab"/>
      <stop offset="1" stop-color="#4b2a91"/>
    </linearGradient>
    <marker id="arrow" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="5" markerHeight="5" orient="auto-start-reverse">
      <path d="M0,0 L10,5 L0,10 z" fill="#ffffff"/>
    </marker>
  </defs>
  <rect x="4" y="4" width="120" height="120" rx="24" fill="url(#bg)"/>
  <g stroke="#ffffff" stroke-width="5" fill="none" stroke-linecap="round">
    <path d="M41 38 L57 54" marker-end="url(#arrow)"/>
    <path d="M87 38 L71 54" marker-end="url(#arrow)" stroke-dasharray="7 6"/>
    <path d="M64 76 L64 86" marker-end="url(#arrow)"/>
  </g>
  <rect x="14" y="16" width="32" height="24" rx="5" fill="#ffffff"/>
  <rect x="82" y="16" width="32" height="24" rx="5" fill="#ffffff"/>
  <circle cx="64" cy="65" r="12" fill="#ffd24a"/>
  <rect x="44" y="90" width="40" height="24" rx="5" fill="#ffffff"/>
  <g fill="#0b5cab">
    <rect x="20" y="23" width="20" height="3" rx="1.5"/><rect x="20" y="30" width="13" height="3" rx="1.5"/>
    <rect x="88" y="23" width="20" height="3" rx="1.5"/><rect x="88" y="30" width="13" height="3" rx="1.5"/>
    <rect x="50" y="97" width="28" height="3" rx="1.5"/><rect x="50" y="104" width="18" height="3" rx="1.5"/>
  </g>
</svg>`;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 128, height: 128 } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.screenshot({ path: out, omitBackground: true, clip: { x: 0, y: 0, width: 128, height: 128 } });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
}
