/** A change that has every kind of change in it, for the tests that draw it: base → head. */
import { BASE, withIntegration } from './text';

const HR = '  - id: hr\n    name: HR system\n    kind: custom\n    hosting: cloud\n';
const FEED = '  - id: hr-feed\n    name: Workers to Sales\n    type: data\n    from: hr\n    to: sales\n    mode: batch\n';

/** base: BASE with an integration (its name with markup in it) that head removes. */
export const CHANGE_BASE = BASE.replace('integrations:\n', 'integrations:\n  - id: old-export\n    name: Old export <script>alert(1)</script>\n    type: data\n    from: sales\n    to: erp\n    mode: batch\n');

/** head: a system renamed (bus → hub), one added (HR) with a new integration, the order integration changed (`mode: asink`, an error), `old-export` removed. */
export const CHANGE_HEAD = withIntegration({ mode: 'asink' }, BASE.replace('  - id: bus\n', '  - id: hub\n').replace('[bus]', '[hub]')).replace('integrations:\n', `${HR}integrations:\n${FEED}`);

/** `#1a7f37` → `rgb(26, 127, 55)`, as computed styles give colours. */
export function rgb(hex: string): string {
  return `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
}
