/**
 * The peer a user would otherwise pick: Red Hat's yaml-language-server (a dev dependency),
 * given our JSON Schema through `yaml.schemas` for `*.integration.yaml`, as the YAML
 * extension would be set up. It is driven by the same client as our server (lspClient.ts);
 * it pushes its diagnostics (`publishDiagnostics`, 200 ms after the last change: its
 * built-in validation delay), where ours are pulled.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer, type ServerProcess } from './lspClient';

export const PEER_NAME = 'yaml-language-server';

export function peerVersion(root: string): string {
  return (JSON.parse(readFileSync(join(root, 'node_modules/yaml-language-server/package.json'), 'utf8')) as { version: string }).version;
}

/** The peer over stdio, configured with our schema, once it has read its settings. */
export async function startPeer(root: string): Promise<ServerProcess> {
  const schema = pathToFileURL(join(root, 'schemas/integration-manifest.schema.json')).href;
  let configured!: () => void;
  const read = new Promise<void>((resolve) => (configured = resolve));
  const yaml = { validate: true, hover: true, completion: true, format: { enable: false }, schemaStore: { enable: false }, schemas: { [schema]: '*.integration.yaml' } };
  const srv = await startServer(join(root, 'node_modules/yaml-language-server/bin/yaml-language-server'), root, {
    workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
    configuration: (section) => {
      if (section === 'yaml') {
        configured();
        return yaml;
      }
      return {};
    },
  });
  await read;
  // Its settings are applied (the schema associated) a moment after they are read.
  await new Promise((resolve) => setTimeout(resolve, 100));
  return srv;
}
