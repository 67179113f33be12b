/**
 * Names the extension, the language server and package.json all use. package.json cannot
 * import them; `test/protocol/contributes.test.ts` checks that its contributions agree.
 */

/** The language id of manifests, and the `source` of every diagnostic. */
export const LANGUAGE_ID = 'integration-manifest';

/** The settings section (`integrationManifests.rules`, ...), also the language client's id (VS Code reads `integrationManifests.trace.server`). */
export const SETTINGS_SECTION = 'integrationManifests';

/** Command ids contributed in package.json. */
export const COMMANDS = {
  openPreview: 'integrationManifests.openPreview',
  compareWithHead: 'integrationManifests.compareWithHead',
  restartServer: 'integrationManifests.restartServer',
  showOutput: 'integrationManifests.showOutput',
} as const;

/** The webview panel type of the diagram preview (and its serializer). */
export const PREVIEW_VIEW_TYPE = 'integrationManifests.preview';

/** The status bar item of the language server's state. */
export const STATUS_ITEM_ID = 'integrationManifests.status';
