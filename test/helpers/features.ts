/** Asks a language service for every feature that reads a position, as the editor does while the user moves around. */
import type { Position } from 'vscode-languageserver';
import type { LanguageService } from '../../server/src/languageService';

/** Hover, completion, definition, references, highlights and rename's first step at `at`; what they answer is not checked here. */
export function askAt(service: LanguageService, uri: string, at: Position): void {
  service.hover(uri, at);
  service.completion(uri, at);
  service.definition(uri, at);
  service.references(uri, at, true);
  service.documentHighlights(uri, at);
  service.prepareRename(uri, at);
}
