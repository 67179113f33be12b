/** The VS Code webview API, acquired once. */
import type { FromWebview, WebviewState } from '../../shared/src/webviewMessages';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): unknown;
  setState(state: WebviewState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

export const vscode: VsCodeApi = acquireVsCodeApi();

/** The saved state, when it looks like ours (a restored panel hands back whatever was saved). */
export function savedState(): WebviewState {
  const s = vscode.getState();
  return typeof s === 'object' && s !== null ? (s) : {};
}
