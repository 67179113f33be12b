// Launches Debian's Chromium for driving the workbench, with the flags that keep it quiet and
// offline (no first-run, sync, component updates or QUIC) and its profile in a temp folder.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

function launchOptions() {
  const home = mkdtempSync(join(tmpdir(), 'im-chromium-'));
  return { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, env: { ...process.env, HOME: home } };
}

/** A browser for this process. */
export function launchChromium() {
  return chromium.launch(launchOptions());
}

/** A browser that other processes (the UI test run) connect to with chromium.connect(wsEndpoint). */
export function launchChromiumServer() {
  return chromium.launchServer(launchOptions());
}
