// PLACEHOLDER (owned by the diagram work): registers the diagram request on the server connection.
import type { Connection } from 'vscode-languageserver';
import type { Analysis } from '../analysis/analyze';

export function registerDiagramRequest(_connection: Connection, _analysisFor: (uri: string) => Analysis | undefined): void {}
