/** Names both e2e suites (extension API and UI) share. */

/** The extension's id: `publisher.name` from package.json. */
export const EXTENSION_ID = 'integration-manifests.integration-manifests';
export const LANGUAGE_ID = 'integration-manifest';
/** The e2e fixture (test/e2e/fixtures/workspace), copied to the top of the test workspace. */
export const FIXTURE = 'e2e-orders.integration.yaml';
