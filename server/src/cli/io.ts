/** What the command line needs from its surroundings, so tests can run it in process. */
export interface CliIo {
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  resolve(file: string): string;
  color: boolean;
  version: string;
}

/** A problem with how the command was called or what it was given: printed without a stack, exit code 2. */
export class CliError extends Error {}
