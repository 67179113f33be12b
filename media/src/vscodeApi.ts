/** The VS Code webview API (typed by @types/vscode-webview), acquired once, with our message and state types. */
import type { WebviewApi } from 'vscode-webview';
import type { FromWebview, WebviewState } from '../../shared/src/webviewMessages';

/** The saved state is read as unknown: a restored panel hands back whatever an earlier version saved. */
const api: WebviewApi<unknown> = acquireVsCodeApi<unknown>();

export const vscode = {
  postMessage: (message: FromWebview): void => api.postMessage(message),
  setState: (state: WebviewState): void => void api.setState(state),
};

/** The saved state, when it looks like ours. */
export function savedState(): WebviewState {
  const s = api.getState();
  return typeof s === 'object' && s !== null ? s : {};
}
