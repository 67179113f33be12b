/**
 * Where the engine and the language service report what went wrong without stopping: a rule
 * or fix that threw, the rules' worker thread that died. The language server passes a logger
 * that writes to the connection's log (the Output panel in VS Code); tests and the command
 * line pass `NULL_LOGGER` or their own.
 *
 * Architecture Invariant: a log line never holds manifest text: an error is logged by its name
 * and stack frames, not its message (a YAML or rule error message may quote the manifest).
 */
export interface Logger {
  /** Something failed and was worked around; `error` adds the error's name and stack frames. */
  error(message: string, error?: unknown): void;
  warn(message: string): void;
  info(message: string): void;
}

export const NULL_LOGGER: Logger = { error: () => undefined, warn: () => undefined, info: () => undefined };

/** An error as one log entry: its name and stack frames, without its message. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return `a thrown ${error === null ? 'null' : typeof error}`;
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .join('\n');
  return frames ? `${error.name}\n${frames}` : error.name;
}

/** A logger that writes each entry through `write`, errors with `describeError`. */
export function lineLogger(write: { error(line: string): void; warn(line: string): void; info(line: string): void }): Logger {
  return {
    error: (message, error) => write.error(error === undefined ? message : `${message}: ${describeError(error)}`),
    warn: (message) => write.warn(message),
    info: (message) => write.info(message),
  };
}
