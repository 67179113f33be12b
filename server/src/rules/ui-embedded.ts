import { at } from './helpers';
import { defineRule } from './types';

export default defineRule({
  id: 'ui-embedded',
  severity: 'warning',
  category: 'guidance',
  summary: 'A UI integration shows data from another system where the user works; it declares no field mapping or system of record (its `volume` is the load of the view).',
  perIntegration: true,
  *check({ manifest }) {
    for (const integration of manifest.integrations) {
      if (integration.type !== 'ui') continue;
      // `volume` is not among them: on a UI integration it is the load (views, calls), which the guidance wants declared.
      const copies: { path: string[]; key: string; present: boolean }[] = [
        { path: ['data', 'mapping'], key: 'a field mapping (`data.mapping`)', present: integration.data.mapping.length > 0 },
        { path: ['systemOfRecord'], key: 'a `systemOfRecord`', present: integration.systemOfRecord !== undefined },
      ];
      for (const { path, key, present } of copies) {
        if (!present) continue;
        yield {
          span: at(integration, path, 'key'),
          item: integration,
          message: `UI integration \`${integration.id}\` declares ${key}, which describes copying data. A UI integration embeds a view of the other system (a widget, canvas app or dashboard) and leaves the data where it is. Remove it, or, if rows really are copied between the systems, make this a \`type: data\` integration.`,
        };
      }
    }
  },
});
