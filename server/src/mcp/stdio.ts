/**
 * `integration-manifests mcp [--root <dir>]`: the MCP server over stdio, for AI agents (SPEC 15).
 * JSON-RPC goes on stdin and stdout, straight through the SDK's transport (not through the
 * CLI's output guard, which escapes text for a terminal); what the server has to say to a
 * person goes to stderr, which MCP clients keep in their logs. It serves until stdin ends.
 */
import { resolve } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { realRoot } from './paths';
import { createMcpServer } from './tools';

/** What the command needs from the command line around it (a subset of the CLI's `CliIo`). */
export interface McpIo {
  cwd: string;
  stderr(text: string): void;
}

/** The streams JSON-RPC flows over: the process's own unless a test passes others. */
export interface McpStreams {
  stdin: Readable;
  stdout: Writable;
}

const USAGE = 'Usage: integration-manifests mcp [--root <dir>]';

/**
 * Runs the MCP server until its input ends; returns the exit code: 0, or 2 when the arguments
 * or the root are wrong (said on stderr, before any JSON-RPC).
 */
export async function runMcpServer(args: readonly string[], io: McpIo, streams: McpStreams = { stdin: process.stdin, stdout: process.stdout }): Promise<number> {
  let rootArg: string | undefined;
  try {
    const { values } = parseArgs({ args: [...args], options: { root: { type: 'string' } }, allowPositionals: false, strict: true });
    rootArg = values.root;
  } catch (e) {
    io.stderr(`integration-manifests: ${(e as Error).message.replace(/\. To specify a positional argument.*$/s, '')}. ${USAGE}\n`);
    return 2;
  }
  let root: string;
  try {
    root = realRoot(resolve(io.cwd, rootArg ?? '.'));
  } catch (e) {
    io.stderr(`integration-manifests: ${(e as Error).message} ${USAGE}\n`);
    return 2;
  }

  const server = createMcpServer(root, (text) => io.stderr(text));
  server.server.onerror = (e) => io.stderr(`integration-manifests mcp: ${e.message}\n`);
  const ended = new Promise<void>((done) => {
    streams.stdin.once('end', done);
    streams.stdin.once('close', done);
  });
  await server.connect(new StdioServerTransport(streams.stdin, streams.stdout));
  io.stderr(`integration-manifests mcp: serving the manifests under ${root}, read-only, on stdio.\n`);
  await ended;
  await server.close();
  return 0;
}
