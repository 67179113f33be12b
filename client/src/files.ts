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
  client.onRequest(ReadFileRequest, ({ uri }) => readForServer(vscode.Uri.parse(uri, true)));
  client.onRequest(ListManifestsRequest, async ({ folder }) => {
    const root = vscode.Uri.parse(folder, true);
    if (!vscode.workspace.getWorkspaceFolder(root)) return [];
    const found = await vscode.workspace.findFiles(new vscode.RelativePattern(root, '**/*.integration.{yaml,yml}'));
    return found.map((uri) => uri.toString());
  });
}

export async function readForServer(uri: vscode.Uri): Promise<ReadFileResult> {
  if (!vscode.workspace.getWorkspaceFolder(uri)) return { kind: 'outside' };
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
  if (open) return { kind: 'text', text: open.getText() };
  let stat: vscode.FileStat;
  try {
    stat = await vscode.workspace.fs.stat(uri);
  } catch (e) {
    return e instanceof vscode.FileSystemError && e.code === 'FileNotFound' ? { kind: 'missing' } : { kind: 'unreadable', reason: 'it cannot be opened' };
  }
  if ((stat.type & vscode.FileType.File) === 0) return { kind: 'not-a-file' };
  if (stat.size > MAX_READ_BYTES) return { kind: 'unreadable', reason: `it is larger than ${MAX_READ_BYTES / 1024 / 1024} MB` };
  try {
    return { kind: 'text', text: new TextDecoder('utf-8', { fatal: true }).decode(await vscode.workspace.fs.readFile(uri)) };
  } catch {
    return { kind: 'unreadable', reason: 'it is not UTF-8 text' };
  }
}
