/// <reference lib="dom" />
/**
 * The web build's language server (`dist/browser/server.js`) in a Web Worker of headless
 * Chromium, as vscode.dev starts it: a page of a made-up origin creates the worker from the
 * bundle, and the LSP messages go to it and come back with `postMessage`. The test process's
 * side is a reader and a writer for the protocol harness (test/protocol/harness.ts), so the
 * same client that tests the Node server speaks to this one.
 *
 * Every request but the page and the bundle is recorded and refused: the server must load
 * nothing from the network.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { AbstractMessageReader, AbstractMessageWriter, Disposable, type DataCallback, type Message, type MessageReader, type MessageWriter } from 'vscode-languageserver/node';
import type { ServerTransport } from '../protocol/harness';
import { ROOT } from './harness';

const ORIGIN = 'https://web-extension.test';
export const WEB_SERVER = join(ROOT, 'dist/browser/server.js');

export interface WorkerServer extends ServerTransport {
  page: Page;
  /** Requests to anything but the page and the bundle (each was refused). */
  external: string[];
  /** Errors thrown in the page or the worker, and console errors. */
  errors: string[];
}

declare global {
  interface Window {
    /** The worker running the language server (set by the page). */
    languageServer: Worker;
    toClient(message: unknown): void;
    workerError(text: string): void;
  }
}

/** Messages from the page, handed to the connection once it listens. */
class PageReader extends AbstractMessageReader implements MessageReader {
  private callback: DataCallback | undefined;
  private readonly early: Message[] = [];

  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    for (const message of this.early.splice(0)) callback(message);
    return Disposable.create(() => (this.callback = undefined));
  }

  deliver(message: Message): void {
    if (this.callback) this.callback(message);
    else this.early.push(message);
  }
}

/** Messages to the worker, posted by the page in the order they were written. */
class PageWriter extends AbstractMessageWriter implements MessageWriter {
  private queue: Promise<void> = Promise.resolve();
  private count = 0;

  constructor(private readonly page: Page) {
    super();
  }

  write(message: Message): Promise<void> {
    const sent = this.queue.then(() => this.page.evaluate((m) => window.languageServer.postMessage(m), message));
    this.queue = sent.catch(() => undefined);
    return sent.catch((e: unknown) => {
      this.fireError(e, message, ++this.count);
      throw e;
    });
  }

  end(): void {}
}

/** Starts `dist/browser/server.js` in a Web Worker of a new page of `browser`. */
export async function webWorkerServer(browser: Browser): Promise<WorkerServer> {
  if (!existsSync(WEB_SERVER)) throw new Error('dist/browser/server.js is missing: run `npm run build` first.');
  const bundle = readFileSync(WEB_SERVER, 'utf8');
  const context = await browser.newContext();
  const page = await context.newPage();
  const external: string[] = [];
  const errors: string[] = [];
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url === `${ORIGIN}/`) await route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>web extension server</title>' });
    else if (url === `${ORIGIN}/server.js`) await route.fulfill({ contentType: 'text/javascript', body: bundle });
    else {
      external.push(url);
      await route.abort();
    }
  });
  const reader = new PageReader();
  await page.exposeBinding('toClient', (_source, message: Message) => reader.deliver(message));
  await page.exposeBinding('workerError', (_source, text: string) => errors.push(`worker: ${text}`));
  page.on('pageerror', (e) => errors.push(`page: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  await page.goto(`${ORIGIN}/`);
  await page.evaluate(() => {
    const worker = new Worker('/server.js');
    worker.onmessage = (event: MessageEvent) => window.toClient(event.data);
    worker.onerror = (event: ErrorEvent) => window.workerError(`${event.message} (${event.filename}:${event.lineno})`);
    window.languageServer = worker;
  });
  return {
    page,
    external,
    errors,
    reader,
    writer: new PageWriter(page),
    async dispose() {
      await context.close();
    },
  };
}
