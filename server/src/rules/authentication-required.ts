import { forEveryUser, setIn } from '../document/edits';
import type { Integration, Manifest } from '../model/manifest';
import { at, ends, integrationAt, isCrossBoundary } from './helpers';
import { defineRule } from './types';

/** System kinds run by another organization: calls to and from them always cross a trust boundary. */
const EXTERNAL_KINDS: readonly string[] = ['partner', 'saas'];

/** Why this integration must say how it authenticates, or undefined when it need not. */
function exposure(manifest: Manifest, integration: Integration): string | undefined {
  if (isCrossBoundary(manifest, integration)) return 'crosses the boundary between on-premises and the cloud';
  const external = Object.values(ends(manifest, integration)).find((s) => s?.systemKind !== undefined && EXTERNAL_KINDS.includes(s.systemKind));
  return external ? `connects to \`${external.id}\`, a ${external.systemKind === 'partner' ? 'partner' : 'SaaS'} system outside your organization` : undefined;
}

export default defineRule({
  id: 'authentication-required',
  severity: 'error',
  category: 'guidance',
  summary: 'An integration authenticates its calls; it must say how whenever it crosses the on-premises/cloud boundary or reaches a partner or SaaS system.',
  perIntegration: true,
  *check({ manifest }) {
    for (const integration of manifest.integrations) {
      const authentication = integration.security.authentication;
      if (authentication === 'none') {
        yield {
          span: at(integration, ['security', 'authentication']),
          item: integration,
          message: `Integration \`${integration.id}\` calls without authentication. Make each side prove its identity: use Microsoft Entra ID (or OAuth, a managed identity or a certificate).`,
        };
        continue;
      }
      if (authentication !== undefined) continue;
      const why = exposure(manifest, integration);
      if (!why) continue;
      yield {
        span: at(integration, ['security', 'authentication']),
        item: integration,
        message: `Integration \`${integration.id}\` ${why}, and declares no authentication. Set \`security.authentication\`, preferably to Microsoft Entra ID (or OAuth, a managed identity or a certificate).`,
      };
    }
  },
  fixes(manifest, { span }) {
    const integration = integrationAt(manifest, span.start);
    if (!integration) return [];
    return [
      {
        title: 'Authenticate with Microsoft Entra ID (`authentication: entra-id`)',
        preferred: true,
        // Authenticating is right for every integration: a shared security block may take it.
        edits: forEveryUser(setIn(manifest.document, integration.node, ['security', 'authentication'], 'entra-id')),
      },
    ];
  },
});
