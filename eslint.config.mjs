// Lint: typescript-eslint's type-checked recommended rules with no warnings allowed
// (`npm run lint` passes --max-warnings 0), and the layer boundaries of ARCHITECTURE.md as
// import restrictions: a layer imports only what lies below it.
import { builtinModules } from 'node:module';
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

/** The language server protocol packages: only the server and its features speak LSP. */
const LSP = { group: ['vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageserver-protocol', 'vscode-languageserver-protocol/*', 'vscode-jsonrpc', 'vscode-jsonrpc/*'], message: 'The engine knows no LSP: speak it in server/src/features or server.ts (see ARCHITECTURE.md).' };
const EDITOR = { group: ['vscode', 'vscode-languageclient', 'vscode-languageclient/*'], message: 'Only client/src talks to VS Code.' };
const SERVER_FEATURES = {
  group: ['**/features/*', '**/features/**', '**/languageService', '**/server', '**/cli/*', '**/cli', '**/node/*'],
  message: 'The engine does not import the features, the language service, the server, the CLI or the Node code built on it (see ARCHITECTURE.md).',
};
const CLIENT = { group: ['**/server/src/**', '**/media/src/**'], message: 'The client reaches the server through the protocol and shared/src only.' };
const NOT_CLIENT = { group: ['**/client/src/**', '**/media/src/**'], message: 'The server shares code with the client only through shared/src.' };
/**
 * Node itself: its built-in modules, and the Node flavours of the LSP packages. The engine, the
 * server's features and the client's common code run in a web worker too (vscode.dev, the
 * web build); Node-specific code lives in server/src/node, client/src/node, the CLI and the MCP server.
 */
const NODE_MESSAGE = 'This code also runs in the browser (the web extension): Node-specific code goes in server/src/node or client/src/node, behind an interface (see ARCHITECTURE.md).';
const NODE = {
  paths: [...builtinModules, 'vscode-languageserver/node', 'vscode-languageclient/node', 'vscode-languageserver-protocol/node', 'vscode-jsonrpc/node'].map((name) => ({ name, message: NODE_MESSAGE })),
  patterns: [{ group: ['node:*'], message: NODE_MESSAGE }],
  globals: ['process', 'Buffer', 'setImmediate', 'clearImmediate', '__dirname', '__filename', 'require', 'module', 'global'].map((name) => ({ name, message: NODE_MESSAGE })),
};
const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
/** `restrict`, and nothing of Node: neither its modules nor its globals. */
const restrictWithoutNode = (...patterns) => ({
  'no-restricted-imports': ['error', { paths: NODE.paths, patterns: [...patterns, ...NODE.patterns] }],
  'no-restricted-globals': ['error', ...NODE.globals],
});
/** The server's Node-specific folders: the Node entry and the rules' worker thread, the command line, the MCP server. */
const SERVER_NODE = ['server/src/node/**/*.ts', 'server/src/cli/**/*.ts', 'server/src/mcp/**/*.ts', 'server/src/cli.ts'];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.e2e/**', '.vscode-test/**', 'media/dist/**', '**/*.mjs', '**/*.cjs', '**/*.js', '**/*.d.cts', '**/*.d.mts', 'server/src/schema/validators.generated.ts'] },
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
  // The engine: document, model, rules, analysis, incremental, schema, diff, landscape, estate, checklist, diagram. No LSP, no editor, no Node
  // (the estate reads files only through the EstateFiles its caller passes; the Node one is server/src/node/estateFiles.ts).
  { files: ['server/src/{document,model,rules,analysis,incremental,schema,diff,landscape,estate,checklist}/**/*.ts'], rules: restrictWithoutNode(LSP, EDITOR, SERVER_FEATURES) },
  // The diagram generator is engine too; only its request handler (register.ts) meets the connection.
  { files: ['server/src/diagram/**/*.ts'], ignores: ['server/src/diagram/register.ts'], rules: restrictWithoutNode(LSP, EDITOR, SERVER_FEATURES) },
  // The rest of the server side (features, language service, server, the diagram request, the web worker's entry) never reaches VS Code's API or the client, nor Node.
  { files: ['server/src/**/*.ts'], ignores: ['server/src/{document,model,rules,analysis,incremental,schema,diff,landscape,estate,checklist,diagram}/**/*.ts', ...SERVER_NODE], rules: restrictWithoutNode(EDITOR, NOT_CLIENT) },
  { files: ['server/src/diagram/register.ts'], rules: restrictWithoutNode(EDITOR, NOT_CLIENT) },
  // The Node entry and worker thread, the CLI and the MCP server: Node, but still no VS Code API or client.
  { files: SERVER_NODE, rules: restrict(EDITOR, NOT_CLIENT) },
  // The workspace index and the estates read files only through interfaces (ManifestFiles, EstateAccess): no Node, no LSP
  // (the web build runs them too; Node's side is server/src/node/workspaceFiles.ts). register.ts meets the connection.
  { files: ['server/src/workspace/**/*.ts'], ignores: ['server/src/workspace/register.ts'], rules: restrictWithoutNode(LSP, EDITOR, NOT_CLIENT, SERVER_FEATURES) },
  // What both sides share imports neither side, nor Node.
  {
    files: ['shared/src/**/*.ts'],
    rules: restrictWithoutNode(EDITOR, { group: ['vscode-languageserver', 'vscode-languageserver/*', '**/server/src/**', '**/client/src/**', '**/media/src/**'], message: 'shared/src imports neither side (only the protocol package, for RequestType).' }),
  },
  // The webview: the DOM, Mermaid and shared/src (all but the LSP request types and package.json's
  // fields); nothing of the server, the client or Node.
  {
    files: ['media/src/**/*.ts'],
    rules: restrictWithoutNode(LSP, EDITOR, { group: ['**/server/src/**', '**/client/src/**'], message: 'The webview imports nothing from the server or the extension, only shared/src.' }, { group: ['**/shared/src/requests', '**/shared/src/product'], message: 'The webview does not send LSP requests.' }),
  },
  // The extension reaches the server only through the protocol and shared/src; all of it but the desktop's entry (client/src/node) runs on the web too.
  { files: ['client/src/**/*.ts'], ignores: ['client/src/node/**/*.ts'], rules: restrictWithoutNode(CLIENT) },
  { files: ['client/src/node/**/*.ts'], rules: restrict(CLIENT) },
);
