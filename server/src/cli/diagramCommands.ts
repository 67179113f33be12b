// PLACEHOLDER until the diagram generators land: `diagram` and `docs` commands.
import { CliError, type CliIo } from './io';

export async function runDiagramCommand(command: string, _args: string[], _io: CliIo): Promise<number> {
  throw new CliError(`\`${command}\` is not available yet.`);
}
