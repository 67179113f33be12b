/**
 * The diagram preview beside the editor: follows the active manifest, asks the language server
 * for its diagrams as the user types (debounced), posts them to the webview, and acts on what
 * the webview asks for (reveal an item, export a diagram, focus on a system).
 */
import * as vscode from 'vscode';
import { State, type BaseLanguageClient } from 'vscode-languageclient';
import { isApplicationPart, type DiagramsParams } from '../../../shared/src/diagrams';
import type { LandscapeRequest } from '../../../shared/src/landscape';
import { ChangesRequest, DiagramsRequest } from '../../../shared/src/requests';
import { CompareUnavailable, textAtHead } from './compare';
import type { ChangeView } from '../../../shared/src/changes';
import { LANGUAGE_ID, SETTINGS_SECTION } from '../../../shared/src/names';
import { DEFAULT_PREVIEW_DEBOUNCE_MS } from '../../../shared/src/settings';
import { newNonce, previewHtml } from './html';
import { directionSetting, parseWebviewMessage, revealSelection, type FromWebview, type ToWebview } from '../../../shared/src/webviewMessages';


export function isManifest(document: vscode.TextDocument | undefined): document is vscode.TextDocument {
  return document?.languageId === LANGUAGE_ID;
}

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return {
    enableScripts: true,
    retainContextWhenHidden: false,
    enableFindWidget: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media', 'dist')],
  };
}

export class PreviewPanel implements vscode.Disposable {
  private document: vscode.TextDocument | undefined;
  private focus: string | undefined;
  /** What the application tab asks for beyond the focus: expanded domains, filters, impact (SPEC 11). */
  private landscape: LandscapeRequest | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private request = 0;
  /** The request for a whole set on its way, if any (its id). */
  private wholeRequest: number | undefined;
  /** The document and version of the last whole set posted to the webview: a change of focus or landscape of it needs only the application diagram. */
  private posted: { uri: string; version: number } | undefined;
  private ready = false;
  /** While the change view is open: the committed text it compares with (null: the file is new), for the document it was read for. */
  private comparing: { document: vscode.TextDocument; baseText: string | null } | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly disposeEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposeEmitter.event;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly client: BaseLanguageClient,
    private readonly extensionUri: vscode.Uri,
    initial: { uri?: string; focus?: string | null; landscape?: LandscapeRequest } = {},
  ) {
    panel.webview.options = webviewOptions(extensionUri);
    panel.webview.html = this.html();
    this.focus = initial.focus ?? undefined;
    this.landscape = initial.landscape;
    const restored = initial.uri ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === initial.uri) : undefined;
    this.document = isManifest(restored) ? restored : isManifest(vscode.window.activeTextEditor?.document) ? vscode.window.activeTextEditor.document : undefined;
    this.updateTitle();

    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((data: unknown) => this.onMessage(data)),
      panel.onDidChangeViewState(() => {
        if (panel.visible) this.schedule(0);
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (isManifest(editor?.document) && editor.document !== this.document) this.follow(editor.document);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === this.document && e.contentChanges.length) this.schedule(this.debounceMs());
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (e.textEditor.document === this.document) this.postCursor(e.textEditor);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (d === this.document) {
          this.document = undefined;
          this.post({ type: 'status', message: 'The manifest was closed. Open an integration manifest to see its diagrams.', severity: 'info' });
        }
      }),
      client.onDidChangeState((e) => {
        if (e.newState === State.Running) this.schedule(0);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${SETTINGS_SECTION}.preview.direction`)) this.postOptions();
      }),
    );
  }

  /**
   * "Compare with HEAD": reads the followed manifest's committed text through the Git extension
   * and shows what the editor's text changes against it; the view follows the typing until it is
   * closed. When the comparison cannot be made, a message says why. Returns the view shown, or
   * the message (for the command's caller: the end-to-end tests).
   */
  async compareWithHead(): Promise<ChangeView | string | undefined> {
    const document = this.document;
    if (!document) return this.unavailable('Open an integration manifest first, then compare it with HEAD.');
    try {
      this.comparing = { document, baseText: await textAtHead(document.uri) };
    } catch (e) {
      if (!(e instanceof CompareUnavailable)) throw e;
      this.comparing = undefined;
      return this.unavailable(e.message);
    }
    return this.refreshChanges();
  }

  private unavailable(message: string): string {
    void vscode.window.showWarningMessage(message);
    return message;
  }

  /** Asks the server what the document changes against the committed text, and posts the view. */
  private async refreshChanges(): Promise<ChangeView | undefined> {
    const comparing = this.comparing;
    if (!comparing || comparing.document !== this.document || this.client.state !== State.Running) return undefined;
    const uri = this.client.code2ProtocolConverter.asUri(comparing.document.uri);
    try {
      const view = await this.client.sendRequest(ChangesRequest, { uri, baseText: comparing.baseText, baseLabel: 'HEAD' });
      if (!view || this.comparing !== comparing) return undefined;
      this.post({ type: 'changes', view });
      return view;
    } catch (e) {
      void vscode.window.showWarningMessage(`The changes could not be compared: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
  }

  /** Shows the diagrams of `document` (a manifest) from now on. */
  follow(document: vscode.TextDocument): void {
    if (document !== this.document) {
      this.focus = undefined;
      // The filters stay with the panel; the expanded domains and the impact belong to the manifest left.
      this.landscape = this.landscape?.filter ? { filter: this.landscape.filter } : undefined;
    }
    this.document = document;
    this.updateTitle();
    this.schedule(0);
    // The change view follows the manifest too: compared with its own HEAD.
    if (this.comparing && this.comparing.document !== document) void this.compareWithHead();
  }

  reveal(): void {
    this.panel.reveal(this.panel.viewColumn ?? vscode.ViewColumn.Beside, true);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.request++;
    while (this.disposables.length) this.disposables.pop()!.dispose();
    this.panel.dispose();
    this.disposeEmitter.fire();
    this.disposeEmitter.dispose();
  }

  private html(): string {
    const webview = this.panel.webview;
    const media = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', 'dist', file)).toString();
    return previewHtml({ cspSource: webview.cspSource, scriptUri: media('preview.js'), styleUri: media('preview.css'), nonce: newNonce() });
  }

  /** The preview's settings, for the webview: which way the application diagram flows. */
  private postOptions(): void {
    const value = vscode.workspace.getConfiguration(SETTINGS_SECTION).get<unknown>('preview.direction', 'auto');
    this.post({ type: 'options', direction: directionSetting(value) ?? 'auto' });
  }

  private debounceMs(): number {
    const value = vscode.workspace.getConfiguration(SETTINGS_SECTION).get<number>('preview.debounceMs', DEFAULT_PREVIEW_DEBOUNCE_MS);
    return typeof value === 'number' && value >= 0 ? value : DEFAULT_PREVIEW_DEBOUNCE_MS;
  }

  private updateTitle(): void {
    const name = this.document ? this.document.uri.path.split('/').pop() : undefined;
    this.panel.title = name ? `Diagrams: ${name}` : 'Integration diagrams';
  }

  private schedule(delay: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refresh();
    }, delay);
  }

  /**
   * Asks the server for the followed document's diagrams and posts them; a newer request makes
   * an older answer moot. `application`: only the focus or the landscape changed, so only the
   * application diagram is asked for and posted (the webview keeps its other tabs), unless the
   * webview's set is of another text or a whole set is on its way (then the whole set again).
   */
  private async refresh(part?: 'application'): Promise<void> {
    if (!this.ready) return;
    const document = this.document;
    if (!document) {
      this.post({ type: 'status', message: 'Open an integration manifest (*.integration.yaml) to see its diagrams.', severity: 'info' });
      return;
    }
    if (this.client.state !== State.Running) {
      this.post({ type: 'status', message: 'Waiting for the Integration Manifests language server to start…', severity: 'info' });
      return;
    }
    const id = ++this.request;
    const uri = this.client.code2ProtocolConverter.asUri(document.uri);
    const only = part === 'application' && this.wholeRequest === undefined && this.posted?.uri === uri && this.posted.version === document.version;
    if (!only) this.wholeRequest = id;
    const params: DiagramsParams = {
      uri,
      ...(this.focus ? { focus: this.focus } : {}),
      ...(this.landscape ? { landscape: this.landscape } : {}),
      ...(only ? { only: 'application' } : {}),
    };
    try {
      const answer = await this.client.sendRequest(DiagramsRequest, params);
      if (id !== this.request) return;
      if (!answer) {
        this.post({ type: 'status', message: 'The language server has not read this manifest yet; the diagrams appear as soon as it has.', severity: 'info' });
        return;
      }
      if (isApplicationPart(answer)) {
        // The server already has a newer text than the webview's set: the whole set of it.
        if (answer.uri !== this.posted?.uri || answer.version !== this.posted.version) return await this.refresh();
        this.post({ type: 'application', part: answer });
      } else {
        this.post({ type: 'diagrams', set: answer });
        this.posted = { uri: answer.uri, version: answer.version };
        void this.refreshChanges();
      }
      const editor = vscode.window.visibleTextEditors.find((e) => e.document === document);
      if (editor) this.postCursor(editor);
    } catch (e) {
      if (id === this.request) this.post({ type: 'status', message: `The diagrams could not be made: ${e instanceof Error ? e.message : String(e)}`, severity: 'error' });
    } finally {
      if (this.wholeRequest === id) this.wholeRequest = undefined;
    }
  }

  private postCursor(editor: vscode.TextEditor): void {
    const document = editor.document;
    this.post({ type: 'cursor', uri: this.client.code2ProtocolConverter.asUri(document.uri), version: document.version, offset: document.offsetAt(editor.selection.active) });
  }

  private post(message: ToWebview): void {
    if (this.ready) void this.panel.webview.postMessage(message);
  }

  private async onMessage(data: unknown): Promise<void> {
    const message = parseWebviewMessage(data);
    if (!message) return;
    switch (message.type) {
      case 'ready':
        // A new page (opened, or shown again): it has no set from us yet.
        this.ready = true;
        this.posted = undefined;
        this.postOptions();
        return this.refresh();
      case 'reveal':
        return this.revealInEditor(message);
      case 'focus':
        if (!this.isFollowed(message.uri)) return;
        this.focus = message.systemId ?? undefined;
        return this.refresh('application');
      case 'landscape':
        if (!this.isFollowed(message.uri)) return;
        this.landscape = message.request;
        return this.refresh('application');
      case 'export':
        return this.export(message);
      case 'compare':
        await this.compareWithHead();
        return;
      case 'closeChanges':
        this.comparing = undefined;
        return;
    }
  }

  private isFollowed(uri: string): boolean {
    return !!this.document && this.client.code2ProtocolConverter.asUri(this.document.uri) === uri;
  }

  /** Selects the clicked item in the editor: only in the followed document, at the version the diagram was drawn from. */
  private async revealInEditor(message: Extract<FromWebview, { type: 'reveal' }>): Promise<void> {
    const document = this.document;
    const followed = document && { uri: this.client.code2ProtocolConverter.asUri(document.uri), version: document.version, length: document.getText().length };
    const selection = revealSelection(message, followed);
    if (!document || !selection) return;
    const range = new vscode.Range(document.positionAt(selection.start), document.positionAt(selection.end));
    const existing = vscode.window.visibleTextEditors.find((e) => e.document === document);
    const editor = await vscode.window.showTextDocument(document, { viewColumn: existing?.viewColumn ?? vscode.ViewColumn.One, preserveFocus: false });
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private async export(message: Extract<FromWebview, { type: 'export' }>): Promise<void> {
    const document = this.document;
    if (!document || !this.isFollowed(message.uri)) return;
    const extension = message.format === 'mermaid' ? 'mmd' : message.format;
    const base = document.uri.path.split('/').pop()!.replace(/\.(integration\.)?ya?ml$/i, '');
    const defaultUri = vscode.Uri.joinPath(document.uri, '..', `${base}.${message.name}.${extension}`);
    const filters: Record<string, string[]> = { svg: { SVG: ['svg'] }, png: { PNG: ['png'] }, mermaid: { Mermaid: ['mmd', 'md'] } }[message.format];
    const target = await vscode.window.showSaveDialog({ ...(document.uri.scheme === 'untitled' ? {} : { defaultUri }), filters, saveLabel: 'Export diagram' });
    if (!target) return;
    const bytes = message.format === 'png' ? base64Bytes(message.data.slice('data:image/png;base64,'.length)) : new TextEncoder().encode(message.data);
    try {
      await vscode.workspace.fs.writeFile(target, bytes);
      void vscode.window.showInformationMessage(`Diagram saved to ${vscode.workspace.asRelativePath(target)}.`);
    } catch (e) {
      void vscode.window.showErrorMessage(`The diagram could not be saved: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}

/** The bytes of base64 text (as in a data: URL), with what both VS Code desktop and the web have. */
function base64Bytes(base64: string): Uint8Array {
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}
