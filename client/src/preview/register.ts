// PLACEHOLDER (owned by the diagram work): the preview panel, its command and its serializer.
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

export function registerPreview(_context: vscode.ExtensionContext, _client: LanguageClient): void {}
