// Writes schemas/integration-manifest.schema.json. The schema is generated so that shared
// shapes (ids, rates, waivers) are written once; the JSON file is what ships and what the
// engine loads. Run: node scripts/schema-source.mjs
import { writeFileSync } from 'node:fs';

const idPattern = '^[A-Za-z][A-Za-z0-9_-]*$';
// A real calendar date, YYYY-MM-DD: months of 30 and 31 days, February of 28, and the 29th in leap years.
const datePattern =
  '^(?:\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2[0-8]))' +
  '|(?:\\d{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)$';
const ratePattern = '^\\s*\\d+(\\.\\d+)?\\s*[kKmM]?\\s*/\\s*(second|minute|hour|day|week|month)\\s*$';
const frequencyPattern = '^(real-time|near-real-time|on-demand|hourly|daily|weekly|monthly|every \\d+(\\.\\d+)?[smhd])$';

const systemKinds = [
  'dataverse', 'dynamics-365-sales', 'dynamics-365-customer-service', 'dynamics-365-field-service',
  'dynamics-365-customer-insights', 'power-apps',
  'dynamics-365-finance', 'dynamics-365-supply-chain', 'dynamics-365-commerce',
  'dynamics-365-human-resources', 'dynamics-365-project-operations',
  'dynamics-365-business-central',
  'power-bi', 'synapse', 'fabric', 'data-lake',
  'power-automate', 'logic-apps', 'azure-functions', 'service-bus', 'event-grid', 'event-hubs',
  'api-management', 'data-factory', 'on-premises-data-gateway',
  'erp', 'crm', 'e-commerce', 'database', 'file-store', 'saas', 'legacy', 'partner', 'custom',
];
const patterns = ['dual-write', 'virtual-tables', 'dmf', 'odata', 'web-api', 'business-events', 'synapse-link',
  'connector', 'embedded', 'messaging', 'file-transfer', 'custom'];
const severities = ['error', 'warning', 'info', 'hint', 'off'];

const id = (what) => ({
  type: 'string', pattern: idPattern,
  patternErrorMessage: 'An id starts with a letter and holds only letters, digits, `-` and `_`.',
  description: `Unique id of this ${what}, used to reference it elsewhere in the manifest. Ids are unique across systems, integrations, goals and actors.`,
});
const ref = (what) => ({ type: 'string', description: `Id of ${what}, declared in this manifest.` });
const rate = (what) => ({
  type: 'string', pattern: ratePattern,
  patternErrorMessage: 'A rate is a count per period, such as `500/hour`, `20k/day` or `1.5m/month` (suffix k or m; period second, minute, hour, day, week or month).',
  description: what,
});
const common = {
  description: { type: 'string', description: 'Free text describing this item.' },
  tags: { type: 'array', items: { type: 'string' }, description: 'Labels to group and filter items.' },
};
const waivers = {
  type: 'array',
  description: 'Accepted deviations from a rule for this item and its children, each with a reason and, ideally, an expiry date. A waiver without a reason, or past its expiry, silences nothing.',
  items: {
    type: 'object', additionalProperties: false, required: ['rule'],
    properties: {
      rule: { type: 'string', description: 'Id of the rule this waiver silences for this item.' },
      reason: { type: 'string', description: 'Why the deviation is accepted. Required for the waiver to take effect.' },
      expires: {
        type: 'string', pattern: datePattern,
        patternErrorMessage: 'An expiry date is a calendar date written YYYY-MM-DD, such as `2027-06-30`; until it is one, the waiver silences nothing.',
        description: 'Date (YYYY-MM-DD) after which the waiver no longer applies and the rule reports again.',
      },
    },
  },
};
const enumOf = (values, description) => ({ type: 'string', enum: values, description });

const schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://integration-manifests.dev/schemas/integration-manifest.schema.json',
  title: 'Integration manifest',
  description: 'The systems of a Dynamics 365 / Power Platform solution and the integrations between them.',
  type: 'object',
  additionalProperties: false,
  required: ['integrationManifest', 'solution'],
  properties: {
    integrationManifest: { const: 1, description: 'Format version of this manifest. Only version 1 exists.' },
    imports: {
      type: 'array', uniqueItems: true,
      description: 'Other manifests whose actors, goals, systems and integrations this manifest uses, such as a shared catalog of systems: paths relative to this file, with forward slashes (`./shared/systems.integration.yaml`). An imported manifest needs no `solution` of its own. Ids are unique across every manifest connected by imports.',
      items: { type: 'string', minLength: 1, description: 'Path of another manifest, relative to this file, inside the workspace folder. Not an absolute path or a URL.' },
    },
    solution: {
      type: 'object', additionalProperties: false, required: ['name'],
      description: 'The solution this manifest describes.',
      properties: {
        name: { type: 'string', description: 'Name of the solution, shown in diagrams and reports.' },
        description: common.description,
      },
    },
    governance: {
      type: 'object', additionalProperties: false,
      description: 'Solution-wide answers to the governance part of the integration checklist: application lifecycle management, version control, disaster recovery and availability.',
      properties: {
        alm: enumOf(['azure-devops', 'github', 'other', 'none'], 'Where the integration components are built and deployed from (application lifecycle management).'),
        versionControl: { type: 'boolean', description: 'Whether every integration component (flows, functions, mappings, this manifest) is under version control.' },
        disasterRecovery: { type: 'string', description: 'How the integrations recover from a regional outage, with recovery objectives.' },
        availability: { type: 'string', description: 'The availability the integration platform must deliver, such as `99.9%`.' },
      },
    },
    actors: {
      type: 'array', description: 'People and roles that trigger integrations or take part in interaction diagrams.',
      items: {
        type: 'object', additionalProperties: false, required: ['id', 'name'],
        properties: { id: id('actor'), name: { type: 'string', description: 'Display name of the actor.' }, ...common },
      },
    },
    goals: {
      type: 'array', description: 'Business goals the integrations serve. Every integration should support at least one.',
      items: {
        type: 'object', additionalProperties: false, required: ['id', 'title'],
        properties: {
          id: id('goal'),
          title: { type: 'string', description: 'The goal in business terms.' },
          metric: { type: 'string', description: 'How success is measured, such as `status latency < 15m`.' },
          ...common,
        },
      },
    },
    systems: {
      type: 'array', description: 'The applications, platforms and middleware that take part in integrations.',
      items: {
        type: 'object', additionalProperties: false, required: ['id', 'name', 'kind'],
        properties: {
          id: id('system'),
          name: { type: 'string', description: 'Display name of the system.' },
          kind: enumOf(systemKinds, 'What the system is. Rules use the kind\'s family: Dataverse apps share one data layer, finance and operations apps, Business Central, analytics, middleware, or other.'),
          hosting: enumOf(['cloud', 'on-premises'], 'Where the system runs. An integration between an on-premises and a cloud system crosses the boundary and needs a gateway.'),
          domain: { type: 'string', description: 'The business domain the system serves, in your own words, such as `Finance`, `Sales` or `Supply chain`. The application diagram groups systems by hosting and then by domain, and a large landscape opens as an overview of its domains.' },
          endpoint: { type: 'string', description: 'URL of the system, for reference.' },
          owner: { type: 'string', description: 'Who owns the system.' },
          waivers,
          ...common,
        },
      },
    },
    integrations: {
      type: 'array', description: 'The integrations between systems: one item per interface.',
      items: { $ref: '#/definitions/integration' },
    },
    views: {
      type: 'array', description: 'Saved views of the landscape: each is a tab in the preview, a section in the generated document and `diagram --view <id>` on the command line.',
      items: {
        type: 'object', additionalProperties: false, required: ['id', 'title'],
        properties: {
          id: { ...id('view'), description: 'Unique id of this view, used by `diagram --view <id>`. View ids are unique among views.' },
          title: { type: 'string', description: 'The title of the view, shown on its tab and as its section heading.' },
          description: { type: 'string', description: 'What the view is for and who reads it.' },
          include: {
            type: 'object', additionalProperties: false,
            description: 'Which integrations the view shows: those that match every list given here (an item matches a list when it matches one of its entries). A view without `include` shows everything.',
            properties: {
              domains: { type: 'array', items: { type: 'string' }, description: 'Domains (the `domain` of systems): integrations with an end in one of them.' },
              systems: { type: 'array', items: ref('a system'), description: 'Systems: integrations with an end, or a middleware hop, at one of them.' },
              types: { type: 'array', items: { type: 'string', enum: ['ui', 'data', 'process'] }, description: 'Integration types.' },
              patterns: { type: 'array', items: { type: 'string', enum: patterns }, description: 'Integration patterns.' },
              goals: { type: 'array', items: ref('a goal'), description: 'Business goals: integrations that serve one of them.' },
              tags: { type: 'array', items: { type: 'string' }, description: 'Tags: integrations, or systems at their ends, that carry one of them.' },
            },
          },
          groupBy: enumOf(['hosting', 'domain', 'none'], 'How the view groups its systems: by hosting and then domain (the default), by domain alone, or not at all.'),
          neighbours: { type: 'integer', minimum: 0, maximum: 5, description: 'Also show the integrations this many steps away from the systems the view includes (0, the default, shows only what `include` selects).' },
        },
      },
    },
    rules: {
      type: 'object', description: 'Rule configuration for this manifest: a severity per rule id, or an object with `severity` and rule options such as `threshold`. Overrides the editor settings.',
      additionalProperties: {
        anyOf: [
          enumOf(severities, 'Severity of the rule: error, warning, info, hint or off.'),
          {
            type: 'object', additionalProperties: false,
            properties: {
              severity: enumOf(severities, 'Severity of the rule: error, warning, info, hint or off.'),
              threshold: { ...rate('The rate at which the rule starts to report, such as `500/hour`: above zero, and at most 1,000,000,000,000 per hour.'), positiveRate: true },
            },
          },
        ],
      },
    },
  },
  definitions: {
    integration: {
      type: 'object', additionalProperties: false, required: ['id', 'name', 'type', 'from', 'to'],
      properties: {
        id: id('integration'),
        name: { type: 'string', description: 'Display name of the integration.' },
        type: enumOf(['ui', 'data', 'process'], 'The kind of integration: `ui` shows another system\'s data or screens without copying it; `data` copies or synchronizes data between systems; `process` lets systems take part in one business process, usually through events.'),
        from: ref('the system where the data or the process starts'),
        to: ref('the system that receives the data or continues the process'),
        direction: enumOf(['one-way', 'two-way'], 'Whether data flows only from `from` to `to` (one-way, the default) or both ways (two-way).'),
        mode: enumOf(['sync', 'async', 'batch'], 'How the systems exchange: `sync` waits for an answer, `async` hands over a message and moves on, `batch` moves data in bulk at intervals.'),
        trigger: enumOf(['event', 'schedule', 'user'], 'What starts the integration: an event in a system, a schedule, or a user action.'),
        frequency: {
          type: 'string', pattern: frequencyPattern,
          patternErrorMessage: 'A frequency is real-time, near-real-time, on-demand, hourly, daily, weekly, monthly, or `every` and a duration such as `every 15m`, `every 30s`, `every 2h` or `every 1d`.',
          description: 'How often the integration runs.',
        },
        volume: rate('How many records or messages the integration moves per period on average, such as `20k/day`.'),
        peak: rate('The highest rate expected, such as `3k/hour`. Rules use it instead of `volume` when given.'),
        pattern: enumOf(patterns, 'The integration pattern or technology used.'),
        via: { type: 'array', items: ref('a middleware system'), description: 'Middleware systems the integration passes through, in path order.' },
        systemOfRecord: ref('the system (`from` or `to`) that owns the data'),
        goals: { type: 'array', items: ref('a goal'), description: 'Business goals this integration supports.' },
        owner: { type: 'string', description: 'Who owns and supports this integration.' },
        docs: { type: 'string', description: 'Link to the design document of this integration.' },
        data: {
          type: 'object', additionalProperties: false, description: 'What data the integration moves.',
          properties: {
            entities: { type: 'array', items: { type: 'string' }, description: 'The entities or tables moved.' },
            format: enumOf(['json', 'xml', 'csv', 'edi', 'binary', 'other'], 'The payload format.'),
            pii: { type: 'boolean', description: 'Whether the data includes personal data.' },
            mapping: {
              type: 'array', description: 'Field-to-field mapping: the process documentation of the integration.',
              items: {
                type: 'object', additionalProperties: false, required: ['from', 'to'],
                properties: {
                  from: { type: 'string', description: 'Source field.' },
                  to: { type: 'string', description: 'Target field.' },
                  transform: { type: 'string', description: 'How the value is transformed on the way.' },
                },
              },
            },
          },
        },
        security: {
          type: 'object', additionalProperties: false, description: 'How the integration authenticates, keeps its secrets and protects data in transit.',
          properties: {
            authentication: enumOf(['entra-id', 'oauth2', 'managed-identity', 'certificate', 'api-key', 'basic', 'shared-key', 'none'], 'How the calling side proves its identity.'),
            secrets: enumOf(['key-vault', 'managed-identity', 'none'], 'Where credentials are kept.'),
            transport: enumOf(['tls1.3', 'tls1.2', 'tls1.1', 'tls1.0', 'http'], 'Transport protection of data in transit.'),
          },
        },
        monitoring: {
          type: 'object', additionalProperties: false, description: 'How the integration is watched in operation.',
          properties: {
            tool: enumOf(['application-insights', 'azure-monitor', 'log-analytics', 'power-platform-admin', 'other', 'none'], 'The monitoring tool.'),
            alerts: { type: 'boolean', description: 'Whether failures raise alerts to the support team.' },
            audit: { type: 'boolean', description: 'Whether access to and changes of the data are audited.' },
          },
        },
        errorHandling: {
          type: 'object', additionalProperties: false, description: 'What happens on the abnormal path: retries, dead-lettering and notification.',
          properties: {
            retry: {
              type: 'object', additionalProperties: false, description: 'Retry policy for transient failures.',
              properties: {
                attempts: { type: 'integer', minimum: 0, description: 'How many times a failed call is retried.' },
                backoff: enumOf(['fixed', 'exponential'], 'How the wait between retries grows.'),
              },
            },
            deadLetter: { type: 'boolean', description: 'Whether messages that keep failing are moved to a dead-letter queue for inspection instead of being lost.' },
            notify: { type: 'string', description: 'Who is told when the integration fails (a mailbox or a team).' },
          },
        },
        testing: {
          type: 'object', additionalProperties: false, description: 'Test plan of the integration.',
          properties: {
            load: enumOf(['none', 'planned', 'done'], 'Testing under realistic loads.'),
            endToEnd: enumOf(['none', 'planned', 'done'], 'Testing of the end-to-end process across the system boundary.'),
          },
        },
        steps: {
          type: 'array', description: 'The interaction diagram of this integration, step by step. Derived from `from`, `via` and `to` when absent.',
          items: {
            type: 'object', additionalProperties: false, required: ['from', 'to', 'action'],
            properties: {
              from: ref('the system or actor that sends this step'),
              to: ref('the system or actor that receives this step'),
              action: { type: 'string', description: 'What happens in this step.' },
              async: { type: 'boolean', description: 'Whether the sender moves on without waiting for an answer.' },
            },
          },
        },
        waivers,
        ...common,
      },
    },
  },
};

writeFileSync(new URL('../schemas/integration-manifest.schema.json', import.meta.url), JSON.stringify(schema, null, 2) + '\n');
