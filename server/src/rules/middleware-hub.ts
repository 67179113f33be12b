import type { Integration } from '../model/manifest';
import { defineRule } from './types';

/** How many point-to-point integrations make a system a hub that middleware should serve. */
export const HUB_SIZE = 4;
const NAMES_SHOWN = 5;

export default defineRule({
  id: 'middleware-hub',
  severity: 'info',
  category: 'guidance',
  summary: `A system that ${HUB_SIZE} or more integrations reach point to point is connected through middleware instead.`,
  *check({ manifest }) {
    const direct = new Map<string, Integration[]>();
    for (const integration of manifest.integrations) {
      if (integration.via.length > 0) continue;
      for (const id of new Set([integration.from?.id, integration.to?.id])) {
        if (id === undefined) continue;
        const list = direct.get(id);
        if (list) list.push(integration);
        else direct.set(id, [integration]);
      }
    }
    // Integrations of the other manifests of the estate count too, named with their file.
    const elsewhere = manifest.estate?.elsewhere.direct ?? {};
    for (const system of manifest.systems) {
      const integrations = [...(direct.get(system.id) ?? []).map((i) => i.id), ...(Object.hasOwn(elsewhere, system.id) ? elsewhere[system.id]! : [])];
      if (!system.id || system.family === 'middleware' || integrations.length < HUB_SIZE) continue;
      const shown = integrations.slice(0, NAMES_SHOWN).map((i) => `\`${i}\``).join(', ');
      const names = integrations.length > NAMES_SHOWN ? `${shown} and ${integrations.length - NAMES_SHOWN} more` : shown;
      yield {
        span: system.idSpan,
        item: system,
        message: `System \`${system.id}\` is an end of ${integrations.length} point-to-point integrations (${names}). Route them through middleware such as Service Bus or Logic Apps (\`via\`), which handles message routing and error notification in one place and keeps the landscape manageable as it grows.`,
      };
    }
  },
});
