// Lint: typescript-eslint's type-checked recommended rules with no warnings allowed
// (`npm run lint` passes --max-warnings 0), and the layer boundaries of ARCHITECTURE.md as
// import restrictions: a layer imports only what lies below it.
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

/** The language server protocol packages: only the server and its features speak LSP. */
const LSP = { group: ['vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageserver-protocol', 'vscode-languageserver-protocol/*', 'vscode-jsonrpc', 'vscode-jsonrpc/*'], message: 'The engine knows no LSP: speak it in server/src/features or server.ts (see ARCHITECTURE.md).' };
const EDITOR = { group: ['vscode', 'vscode-languageclient', 'vscode-languageclient/*'], message: 'Only client/src talks to VS Code.' };
const SERVER_FEATURES = {
  group: ['**/features/*', '**/features/**', '**/languageService', '**/server', '**/cli/*', '**/cli', '**/node/*'],
  message: 'The engine does not import the features, the language service, the server, the CLI or the Node file access built on it (see ARCHITECTURE.md).',
};
/** Node's own modules: the estate reads files only through the interface its caller passes (the web build has no file system). */
const NODE = { group: ['node:*', 'fs', 'fs/*', 'path', 'path/*', 'os', 'url', 'child_process', 'worker_threads'], message: 'The estate holds no Node API: read files through EstateFiles (server/src/estate/files.ts); the Node implementation is server/src/node/.' };
const NOT_CLIENT = { group: ['**/client/src/**', '**/media/src/**'], message: 'The server shares code with the client only through shared/src.' };
const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.e2e/**', '.vscode-test/**', 'media/dist/**', '**/*.mjs', '**/*.cjs', '**/*.js', '**/*.d.cts', '**/*.d.mts'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `_name` marks a parameter or a destructured property left out on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  // The engine: document, model, rules, analysis, incremental, schema, diff, landscape, diagram. No LSP, no editor.
  { files: ['server/src/{document,model,rules,analysis,incremental,schema,diff,landscape}/**/*.ts'], rules: restrict(LSP, EDITOR, SERVER_FEATURES) },
  // The estate (imports across manifests) is engine too, and reads files only through the interface it is given.
  { files: ['server/src/estate/**/*.ts'], rules: restrict(LSP, EDITOR, SERVER_FEATURES, NODE) },
  // The diagram generator is engine too; only its request handler (register.ts) meets the connection.
  { files: ['server/src/diagram/**/*.ts'], ignores: ['server/src/diagram/register.ts'], rules: restrict(LSP, EDITOR, SERVER_FEATURES) },
  // The rest of the server side (features, language service, server, CLI, the diagram request) never reaches VS Code's API or the client.
  { files: ['server/src/**/*.ts'], ignores: ['server/src/{document,model,rules,analysis,incremental,schema,diff,landscape,diagram,estate}/**/*.ts'], rules: restrict(EDITOR, NOT_CLIENT) },
  { files: ['server/src/diagram/register.ts'], rules: restrict(EDITOR, NOT_CLIENT) },
  // The workspace index reads files only through `ManifestFiles`: no Node, no LSP (the web build runs it too).
  // Node's file system is nodeFiles.ts; the connection (folders, file watcher) is register.ts.
  {
    files: ['server/src/workspace/**/*.ts'],
    ignores: ['server/src/workspace/nodeFiles.ts', 'server/src/workspace/register.ts'],
    rules: restrict(LSP, EDITOR, NOT_CLIENT, SERVER_FEATURES, { group: ['node:*'], message: 'The workspace index reads files through ManifestFiles (workspace/files.ts): Node APIs go in nodeFiles.ts.' }),
  },
  // What both sides share imports neither side.
  {
    files: ['shared/src/**/*.ts'],
    rules: restrict(EDITOR, { group: ['vscode-languageserver', 'vscode-languageserver/*', '**/server/src/**', '**/client/src/**', '**/media/src/**'], message: 'shared/src imports neither side (only the protocol package, for RequestType).' }),
  },
  // The webview: the DOM, Mermaid and shared/src (all but the LSP request types and package.json's
  // fields); nothing of the server, the client or Node.
  {
    files: ['media/src/**/*.ts'],
    rules: restrict(LSP, EDITOR, { group: ['**/server/src/**', '**/client/src/**', 'node:*'], message: 'The webview imports nothing from the server or the extension, only shared/src.' }, { group: ['**/shared/src/requests', '**/shared/src/product'], message: 'The webview does not send LSP requests.' }),
  },
  // The extension reaches the server only through the protocol and shared/src.
  { files: ['client/src/**/*.ts'], rules: restrict({ group: ['**/server/src/**', '**/media/src/**'], message: 'The client reaches the server through the protocol and shared/src only.' }) },
);
