import { forEveryUser, setIn } from '../document/edits';
import { at, integrationAt } from './helpers';
import { defineRule } from './types';

/** Transports that leave data in transit unprotected or rely on retired TLS versions. */
const WEAK_TRANSPORTS: readonly string[] = ['http', 'tls1.0', 'tls1.1'];

export default defineRule({
  id: 'transport-tls',
  severity: 'error',
  category: 'guidance',
  summary: 'Data in transit is encrypted with TLS 1.2 or later.',
  perIntegration: true,
  *check({ manifest }) {
    for (const integration of manifest.integrations) {
      const transport = integration.security.transport;
      if (transport === undefined || !WEAK_TRANSPORTS.includes(transport)) continue;
      yield {
        span: at(integration, ['security', 'transport']),
        item: integration,
        message:
          transport === 'http'
            ? `Integration \`${integration.id}\` sends its data over plain HTTP. Encrypt it in transit: use HTTPS with TLS 1.2 or later (\`transport: tls1.2\`).`
            : `Integration \`${integration.id}\` uses ${transport === 'tls1.0' ? 'TLS 1.0' : 'TLS 1.1'}, a retired protocol version. Use TLS 1.2 or later (\`transport: tls1.2\`).`,
      };
    }
  },
  fixes(manifest, { span }) {
    const integration = integrationAt(manifest, span.start);
    if (!integration) return [];
    return [
      {
        title: 'Set `transport: tls1.2`',
        preferred: true,
        // TLS 1.2 is right for every integration: a shared security block may take it.
        edits: forEveryUser(setIn(manifest.document, integration.node, ['security', 'transport'], 'tls1.2')),
      },
    ];
  },
});
