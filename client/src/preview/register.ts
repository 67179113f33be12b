/**
 * The diagram preview's entry points: the "Open Diagram to the Side" command (editor title
 * button and code lens call it too) and the serializer that brings the panel back after a reload.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import type { WebviewState } from '../../../shared/src/webviewMessages';
import { landscapeRequest, type LandscapeRequest } from '../../../shared/src/landscape';
import { COMMANDS, PREVIEW_VIEW_TYPE } from '../../../shared/src/names';
import { isManifest, PreviewPanel, webviewOptions } from './panel';

export function registerPreview(context: vscode.ExtensionContext, client: BaseLanguageClient): void {
  let current: PreviewPanel | undefined;
  const adopt = (panel: PreviewPanel) => {
    current?.dispose();
    current = panel;
    panel.onDidDispose(() => {
      if (current === panel) current = undefined;
    });
    return panel;
  };

  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.openPreview, (uri?: unknown) => {
      // From the editor title or a code lens the command gets the manifest's URI; from the palette, nothing.
      const wanted = uri instanceof vscode.Uri ? uri.toString() : typeof uri === 'string' ? uri : undefined;
      const fromArg = wanted ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === wanted) : undefined;
      const document = isManifest(fromArg) ? fromArg : vscode.window.activeTextEditor?.document;
      if (!isManifest(document)) {
        void vscode.window.showInformationMessage('Open an integration manifest (*.integration.yaml) first, then open its diagram.');
        return;
      }
      if (current) {
        current.follow(document);
        current.reveal();
        return;
      }
      const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, 'Integration diagrams', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, webviewOptions(context.extensionUri));
      adopt(new PreviewPanel(panel, client, context.extensionUri, { uri: document.uri.toString() }));
    }),
    // Returns the change view, or the message that said why there is none (for tests).
    vscode.commands.registerCommand(COMMANDS.compareWithHead, async () => {
      await vscode.commands.executeCommand(COMMANDS.openPreview);
      return current?.compareWithHead();
    }),
    vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
      deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Thenable<void> {
        const saved = (typeof state === 'object' && state !== null ? state : {}) as WebviewState;
        adopt(
          new PreviewPanel(panel, client, context.extensionUri, {
            ...(typeof saved.uri === 'string' ? { uri: saved.uri } : {}),
            ...(typeof saved.focus === 'string' ? { focus: saved.focus } : {}),
            ...(restoredLandscape(saved.landscape) ?? {}),
          }),
        );
        return Promise.resolve();
      },
    }),
    { dispose: () => current?.dispose() },
  );
}

/** The landscape request a restored panel saved, when it still has the expected shape. */
function restoredLandscape(saved: unknown): { landscape: LandscapeRequest } | undefined {
  const landscape = landscapeRequest(saved);
  return landscape ? { landscape } : undefined;
}
