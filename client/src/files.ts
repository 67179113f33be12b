/**
 * The editor's side of file access for a language server without a file system (the web
 * build's, in vscode.dev and github.dev): it reads the manifests an import names, and lists
 * the manifests of a workspace folder, with `vscode.workspace.fs`, which reaches whatever the
 * workspace is (a GitHub repository in github.dev, a folder on disk on the desktop). Only files
 * inside a workspace folder are read.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { ListManifestsRequest, ReadFileRequest, type ReadFileResult } from '../../shared/src/requests';

/** The largest file read for the server, as on the desktop. */
export const MAX_READ_BYTES = 64 * 1024 * 1024;

export function registerFileAccess(client: BaseLanguageClient): void {
  client.onRequest(ReadFileRequest, ({ uri, maxBytes }) => readForServer(vscode.Uri.parse(uri, true), typeof maxBytes === 'number' && maxBytes > 0 ? Math.min(maxBytes, MAX_READ_BYTES) : MAX_READ_BYTES));
  client.onRequest(ListManifestsRequest, async ({ folder }) => {
    const root = vscode.Uri.parse(folder, true);
    if (!vscode.workspace.getWorkspaceFolder(root)) return [];
    // As on the desktop, dependencies' folders are not searched (nor what `files.exclude` hides).
    const found = await vscode.workspace.findFiles(new vscode.RelativePattern(root, '**/*.integration.{yaml,yml}'), '**/node_modules/**');
    return found.map((uri) => uri.toString());
  });
}

/** A file larger than `maxBytes` is not read. */
export async function readForServer(uri: vscode.Uri, maxBytes = MAX_READ_BYTES): Promise<ReadFileResult> {
  if (!vscode.workspace.getWorkspaceFolder(uri)) return { kind: 'outside' };
  const tooLarge: ReadFileResult = { kind: 'unreadable', reason: `it is larger than ${megabytes(maxBytes)} MB` };
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
  if (open) return open.getText().length > maxBytes ? tooLarge : { kind: 'text', text: open.getText() };
  let stat: vscode.FileStat;
  try {
    stat = await vscode.workspace.fs.stat(uri);
  } catch (e) {
    return e instanceof vscode.FileSystemError && e.code === 'FileNotFound' ? { kind: 'missing' } : { kind: 'unreadable', reason: 'it cannot be opened' };
  }
  if ((stat.type & vscode.FileType.File) === 0) return { kind: 'not-a-file' };
  if (stat.size > maxBytes) return tooLarge;
  try {
    return { kind: 'text', text: new TextDecoder('utf-8', { fatal: true }).decode(await vscode.workspace.fs.readFile(uri)) };
  } catch {
    return { kind: 'unreadable', reason: 'it is not UTF-8 text' };
  }
}

/** A bound in MB as the server's messages write it: 64 for 64 × 1024 × 1024 bytes, 1 for 1,000,000. */
function megabytes(bytes: number): number {
  return bytes % (1024 * 1024) === 0 ? bytes / 1024 / 1024 : Math.round(bytes / 1_000_000);
}
