import { topLevelSpan } from '../model/manifest';
import { isCrossBoundary } from './helpers';
import { defineRule } from './types';

export default defineRule({
  id: 'resilience-declared',
  severity: 'info',
  category: 'guidance',
  summary: 'A manifest with integrations that cross the cloud boundary or wait for an answer says what availability and disaster recovery they need.',
  *check({ manifest }) {
    if (!manifest.root) return;
    const { availability, disasterRecovery } = manifest.governance;
    if (availability && disasterRecovery) return;
    const exposed = manifest.integrations.filter((i) => i.id && (i.mode === 'sync' || isCrossBoundary(manifest, i)));
    if (exposed.length === 0) return;
    const sync = exposed.filter((i) => i.mode === 'sync').length;
    const missing = [availability ? undefined : '`availability` (such as `99.9%`)', disasterRecovery ? undefined : '`disasterRecovery` (how the integrations recover from an outage, with recovery objectives)'].filter(Boolean);
    yield {
      span: topLevelSpan(manifest, 'governance'),
      // Counts, not names: the message stays the same while a fix changes which integration comes first.
      message: `Integrations that wait for an answer from another system (${sync} here) or cross the cloud / on-premises boundary (${exposed.length - sync} more) stop when either side stops, but \`governance\` does not state ${missing.join(' or ')}. Say what the integration platform must deliver, so the architecture can be checked against it and recovery is planned before it is needed.`,
    };
  },
});
