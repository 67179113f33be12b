import { runMcpServer } from '../mcp/stdio';
import { runDiagramCommand } from './diagramCommands';
import { runImpact } from './impact';
import { plainText } from '../analysis/plainText';
import { runDiff } from './diff';
import { CliError, parseCount, parseOptions, type CliIo } from './io';
import { FORMATS, lint, type Format } from './lint';
import { visibleMessage, visibleOutput } from './safeText';

export const USAGE = `Usage: integration-manifests <command> [options]

Commands:
  lint <files|globs...>      Check manifests against the integration guidance
      --format <f>           stylish (default), json or sarif
      --max-warnings <n>     Exit with 1 when there are more than n warnings
                             (the manifests they import are checked too, each once)
      --fix                  Apply every recommended fix first and write the files
                             (the files given; what they import is not rewritten)
  diff <base> <head>         What a change does: systems and integrations added, removed,
                             renamed and changed, findings introduced and resolved
  diff --git <ref> <file>    The same, against the file's text at a git ref (HEAD, main...)
      --format <f>           markdown (default), json or sarif (the introduced findings)
      --fail-on <s>          Exit with 1 when an introduced finding is at least error
                             (default), warning, or never (none)
  diagram <file>             Print a diagram as Mermaid (with what the manifest imports)
      --type <t>             application (default) or interaction
      --integration <id>     The integration of an interaction diagram
      --view <id>            A saved view (views:) instead of the whole diagram
      --direction <d>        auto (default: top to bottom), LR or TB
  impact <file> <system>     What lies upstream and downstream of a system, through via
                             and onward, and its integrations in and out
      --format <f>           markdown (default) or json
  docs <file>                Print Markdown documentation with diagrams and the integration inventory
                             (with what the manifest imports)
      --output <file>        Write it to a file instead
      --direction <d>        auto (default: top to bottom), LR or TB
  mcp                        Serve the manifests to AI agents over MCP (stdio), read-only
      --root <dir>           The folder whose manifests it serves (default: the current folder)

Options:
  -h, --help                 Show this help
  -v, --version              Show the version
`;

/**
 * Parses the arguments and runs the command; returns the exit code (2 for a usage problem).
 * Whatever the commands write passes `guarded` on its way out.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const safe = guarded(io);
  try {
    return await dispatch(argv, safe);
  } catch (e) {
    if (e instanceof CliError) {
      // Written once with backticks around names; the terminal reads them plain (see plainText).
      safe.stderr(`integration-manifests: ${plainText(e.message)}\n`);
      return 2;
    }
    throw e;
  }
}

/**
 * The io with a last guard on its output: no control character or bidirectional control of a
 * manifest, a file name or an argument reaches the terminal raw (see `safeText.ts`). The
 * commands escape their output for its format first; this catches what a command forgets.
 */
function guarded(io: CliIo): CliIo {
  return {
    ...io,
    stdout: (t) => io.stdout(visibleOutput(t, io.color)),
    stderr: (t) => io.stderr(visibleMessage(t)),
  };
}

async function dispatch(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '-h' || command === '--help' || command === 'help') {
    io.stdout(USAGE);
    return command ? 0 : 2;
  }
  if (rest.includes('-h') || rest.includes('--help')) {
    io.stdout(USAGE);
    return 0;
  }
  if (command === '-v' || command === '--version') {
    io.stdout(io.version + '\n');
    return 0;
  }
  if (command === 'lint') {
    const { values, positionals } = parseOptions(rest, { format: { type: 'string' }, 'max-warnings': { type: 'string' }, fix: { type: 'boolean' } });
    const format = (values['format'] as string | undefined) ?? 'stylish';
    if (!FORMATS.includes(format as Format)) throw new CliError(`Unknown format \`${format}\`: use stylish, json or sarif.`);
    const maxRaw = values['max-warnings'] as string | undefined;
    const maxWarnings = maxRaw === undefined ? undefined : parseCount('--max-warnings', maxRaw);
    if (!positionals.length) throw new CliError('lint needs at least one file or glob, such as `examples/*.integration.yaml`.');
    return lint({ patterns: positionals, format: format as Format, maxWarnings, fix: values['fix'] === true }, io);
  }
  if (command === 'diff') return runDiff(rest, io);
  if (command === 'diagram' || command === 'docs') {
    return runDiagramCommand(command, rest, io);
  }
  if (command === 'impact') return runImpact(rest, io);
  if (command === 'mcp') return runMcpServer(rest, io);
  throw new CliError(`Unknown command \`${command}\`. Run \`integration-manifests --help\` for the commands.`);
}
