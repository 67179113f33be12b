/**
 * What each value of the manifest's vocabularies means, keyed by guidance path (see
 * completion/schema.ts `guidancePath`) and value. `short` is the one line a completion list
 * shows; `text` adds the guidance a hover shows. Written in our own words from the integration guidance the rule pages in docs/rules cite.
 */

export interface ValueGuidance {
  short: string;
  text?: string;
  /** The value the guidance recommends at this key. */
  recommended?: boolean;
  /** Rules that look at this value. */
  rules?: readonly string[];
}

type Values = Readonly<Record<string, ValueGuidance>>;

const SEVERITIES: Values = {
  error: { short: 'Report as an error: the design must change (the command line fails on it).' },
  warning: { short: 'Report as a warning: goes against the guidance; fix it or waive it with a reason.' },
  info: { short: 'Report as information: worth knowing, nothing is wrong yet.' },
  hint: { short: 'Show as a hint only: a faint mark in the editor.' },
  off: { short: 'Turn the rule off for this manifest.', text: 'Prefer a waiver on the one item concerned, with a reason, over turning a rule off for the whole manifest.' },
};

const TEST_STATES: Values = {
  none: { short: 'Not tested, and not planned.' },
  planned: { short: 'The test is in the test plan.', recommended: true },
  done: { short: 'The test has been run and passed.' },
};

export const VALUE_GUIDANCE: Readonly<Record<string, Values>> = {
  integrationManifest: {
    '1': { short: 'Version 1 of the manifest format, the only one there is.' },
  },
  'governance.alm': {
    'azure-devops': {
      short: 'Built, versioned and deployed with Azure DevOps.',
      text: 'Application lifecycle management covers every integration component (flows, Logic Apps, functions, mappings and this manifest) from source control to deployment.',
    },
    github: { short: 'Built, versioned and deployed with GitHub.' },
    other: { short: 'Another ALM tool chain.' },
    none: {
      short: 'No ALM: integration components are changed by hand.',
      text: 'The checklist asks that every integration component support ALM and version control; without it, changes cannot be traced, reviewed or rolled back.',
      rules: ['governance-declared'],
    },
  },
  'system.hosting': {
    cloud: { short: 'Runs in the cloud (Microsoft cloud or another provider).' },
    'on-premises': {
      short: "Runs in the organization's own data center.",
      text: 'An integration between an on-premises and a cloud system crosses the boundary: it needs a secure bridge such as the on-premises data gateway, API Management or Service Bus, and it must authenticate.',
      rules: ['hybrid-gateway', 'authentication-required'],
    },
  },
  'integration.type': {
    ui: {
      short: 'UI integration: shows another system where the user works, without copying its data.',
      text:
        "The user sees or acts on another system's information from the app they are in (an embedded widget, canvas app, view or dashboard), " +
        'for example real-time stock levels from the ERP while taking an order. Nothing is copied, so there is no volume, mapping or system of record to declare. ' +
        'Its key characteristic is that it is embedded.',
      rules: ['ui-embedded'],
    },
    data: {
      short: 'Data integration: the systems exchange or share a representation of the same data.',
      text:
        'Master data, reference data, status updates or aggregates move at the data layer so that both systems work with the same facts, ' +
        'for example order status from the ERP to Sales, exchange rates, or customer accounts. Decide which system is the system of record, ' +
        'and avoid copying data the solution does not need.',
      rules: ['system-of-record', 'shared-data-layer'],
    },
    process: {
      short: 'Process integration: one business process runs across several systems.',
      text:
        'The process starts in one system and continues in another, for example a production schedule in a planning system that drives ' +
        'procurement and production in the ERP. Its key characteristic is that it is event driven: an event in one system starts the next step in the other.',
      rules: ['process-event-driven', 'prefer-async-messaging'],
    },
  },
  'integration.direction': {
    'one-way': { short: 'Data flows only from `from` to `to` (the default).' },
    'two-way': { short: 'Data flows both ways between `from` and `to`.', text: 'Both systems write: agree which one owns which fields (the system of record) to avoid update loops and conflicts.' },
  },
  'integration.mode': {
    sync: {
      short: 'Synchronous: the caller waits for the answer.',
      text: 'Right for a user who needs an immediate answer at low volume. The caller is blocked while the other system works, and fails when it is down; at volume or for a process, prefer asynchronous messaging.',
      rules: ['prefer-async-messaging'],
    },
    async: {
      short: 'Asynchronous: the sender hands over a message and moves on.',
      text: 'The guidance favours robust, asynchronous, messaging-based patterns: the systems are decoupled, a receiver that is down catches up later, and load peaks are absorbed by a queue. Plan a dead-letter queue for messages that keep failing.',
      recommended: true,
      rules: ['dead-letter'],
    },
    batch: {
      short: 'Batch: data moves in bulk at intervals.',
      text: 'Suited to large volumes that need not be current to the minute (financial consolidation, nightly loads). Batches make fewer, larger requests, which helps to stay within service protection limits; the limits still apply to every request, so plan the batch size and retry when the platform asks.',
      rules: ['service-protection-limits', 'odata-bulk'],
    },
  },
  'integration.trigger': {
    event: { short: 'An event in a system starts it (a business event, a message, a change).', text: 'Process integrations should be event driven.', recommended: true },
    schedule: { short: 'A schedule starts it (every night, every 15 minutes).' },
    user: { short: 'A user action starts it (a button, opening a form).' },
  },
  'integration.frequency': {
    'real-time': { short: 'As it happens, within seconds.' },
    'near-real-time': { short: 'Within seconds to minutes of the change.' },
    'on-demand': { short: 'When a user or a process asks for it.' },
    hourly: { short: 'Once an hour.' },
    daily: { short: 'Once a day.' },
    weekly: { short: 'Once a week.' },
    monthly: { short: 'Once a month.' },
  },
  'integration.pattern': {
    'dual-write': {
      short: 'Dual-write: near real-time, two-way sync between finance and operations apps and Dataverse.',
      text:
        'Dual-write couples a finance and operations app with Dataverse tables so that a change on either side appears on the other almost at once. ' +
        'It fits master data and documents that both sides work on (customers, products, orders). It does not fit anything else: not two Dataverse apps ' +
        '(they already share data), not an external system, and not bulk loads.',
      rules: ['dual-write-scope'],
    },
    'virtual-tables': {
      short: 'Virtual tables: Dataverse shows rows that stay in another system.',
      text: 'The data is read (and optionally written) where it lives, at query time, instead of being copied into Dataverse. Good when users need current data and no copy is wanted.',
    },
    dmf: {
      short: 'Data Management Framework: bulk import and export for finance and operations apps.',
      text: 'DMF moves large data sets in packages, in batch: initial migrations, periodic loads and extracts. It exists only in finance and operations apps, so one end must be one; it is the wrong tool for real-time or synchronous exchanges.',
      rules: ['dmf-bulk', 'dmf-scope'],
    },
    odata: {
      short: 'OData: RESTful create, read, update and delete on Dynamics 365 and Dataverse data.',
      text: 'Suited to real-time, record-level operations at moderate volume. High volumes over OData are slow and run into service protection limits: with a finance and operations app, move them to DMF in batch; with Dataverse, group them in batches (`$batch`, CreateMultiple and UpdateMultiple) or use Data Factory.',
      rules: ['odata-bulk'],
    },
    'web-api': {
      short: 'Web API: RESTful calls to the Dataverse or application API, record by record.',
      text: 'Like OData, the choice for real-time, record-level integration at moderate volume; not for bulk.',
      rules: ['odata-bulk'],
    },
    'business-events': {
      short: 'Business events: the app publishes an event when something happens, to Service Bus, Event Grid or Power Automate.',
      text: 'Lets other systems react to a business occurrence (an invoice posted, an order confirmed) without polling: the natural start of an event-driven process integration.',
    },
    'synapse-link': {
      short: 'Synapse Link: continuous export of Dataverse or finance and operations data to Synapse, Fabric or a data lake.',
      text: 'Keeps an analytics copy current with low latency and no custom extract jobs: the pattern for reporting and analytics at scale.',
    },
    connector: {
      short: 'A Power Platform connector, out-of-the-box or third-party.',
      text: 'Hundreds of connectors exist. Prefer an out-of-the-box integration, then a third-party offering, before building your own: check their limits against your requirements.',
    },
    embedded: {
      short: 'Embedded: a widget, canvas app or dashboard shown inside another system.',
      text: 'The simplest UI integration: the user sees the other system in context, and no data is copied.',
    },
    messaging: {
      short: 'Messaging: asynchronous messages through a queue or topic, such as Service Bus.',
      text: 'The robust default the guidance recommends: decoupled systems, load levelling, retries and dead-lettering.',
      recommended: true,
    },
    'file-transfer': { short: 'Files exchanged through a file store or SFTP.', text: 'Common with partners and legacy systems; declare the format and plan for files that fail to load.' },
    custom: {
      short: 'A custom-built integration (code you write and run).',
      text: 'The last resort: custom code has to be built, hosted, monitored and maintained. Look for an out-of-the-box or third-party option first.',
      rules: ['prefer-low-code'],
    },
  },
  'integration.data.format': {
    json: { short: 'JSON payloads (REST APIs, messages).' },
    xml: { short: 'XML payloads.' },
    csv: { short: 'Comma-separated files, typical of bulk and file transfers.' },
    edi: { short: 'EDI documents exchanged with trading partners.' },
    binary: { short: 'Binary content such as documents or images.' },
    other: { short: 'Another format.' },
  },
  'integration.security.authentication': {
    'entra-id': {
      short: 'Microsoft Entra ID: the identity platform of Microsoft cloud services.',
      text: 'Calls carry tokens issued by Microsoft Entra ID (OAuth 2.0), so access is granted to an app registration or identity and can be revoked centrally.',
      recommended: true,
    },
    oauth2: { short: 'OAuth 2.0 tokens: the standard protocol for authenticating API calls.' },
    'managed-identity': { short: 'An Azure managed identity: no credential to store or rotate at all.' },
    certificate: { short: 'A client certificate; keep it in Key Vault and plan its renewal.' },
    'api-key': { short: 'An API key: a shared secret; keep it in Key Vault and rotate it.' },
    basic: { short: 'User name and password on every call: avoid; prefer Entra ID or OAuth.' },
    'shared-key': { short: 'A shared access key or signature; keep it in Key Vault and rotate it.' },
    none: { short: 'No authentication: anyone who reaches the endpoint can call it.', rules: ['authentication-required'] },
  },
  'integration.security.secrets': {
    'key-vault': {
      short: 'Secrets and certificates are kept in Azure Key Vault.',
      text: 'No credential in code, configuration or this manifest: it is read from Key Vault at run time, access is audited, and rotation happens in one place.',
      recommended: true,
    },
    'managed-identity': { short: 'A managed identity: there is no secret to keep.' },
    none: { short: 'No secret store: credentials live in configuration or code.', rules: ['no-inline-secrets'] },
  },
  'integration.security.transport': {
    'tls1.3': { short: 'TLS 1.3: current transport encryption.' },
    'tls1.2': { short: 'TLS 1.2 (HTTPS): the minimum the guidance asks for data in transit.', recommended: true },
    'tls1.1': { short: 'TLS 1.1: deprecated and unsafe; use TLS 1.2 or later.', rules: ['transport-tls'] },
    'tls1.0': { short: 'TLS 1.0: deprecated and unsafe; use TLS 1.2 or later.', rules: ['transport-tls'] },
    http: { short: 'Plain HTTP: data travels unencrypted; use HTTPS with TLS 1.2 or later.', rules: ['transport-tls'] },
  },
  'integration.monitoring.tool': {
    'application-insights': {
      short: 'Application Insights: live telemetry, failures and end-to-end traces.',
      recommended: true,
    },
    'azure-monitor': { short: 'Azure Monitor: metrics, logs and alert rules across Azure resources.' },
    'log-analytics': { short: 'A Log Analytics workspace: centralized logs to query and alert on.' },
    'power-platform-admin': { short: 'Power Platform admin center: flow runs, capacity and environment health.' },
    other: { short: 'Another monitoring tool.' },
    none: { short: 'Not monitored: failures go unnoticed until users report them.', rules: ['monitoring-required'] },
  },
  'integration.errorHandling.retry.backoff': {
    fixed: { short: 'The same wait between every retry.' },
    exponential: { short: 'The wait grows after each failure, giving a struggling system room to recover.', recommended: true },
  },
  'integration.testing.load': TEST_STATES,
  'integration.testing.endToEnd': TEST_STATES,
  rule: SEVERITIES,
  'rule.severity': SEVERITIES,
  'integration.errorHandling.deadLetter': {
    true: { short: 'Messages that keep failing go to a dead-letter queue to be inspected and replayed.', recommended: true },
    false: { short: 'Messages that keep failing are dropped or block the queue.' },
  },
  'integration.monitoring.alerts': {
    true: { short: 'Failures raise an alert to the support team.', recommended: true },
    false: { short: 'Nobody is alerted when the integration fails.' },
  },
  'integration.monitoring.audit': {
    true: { short: 'Access to and changes of the data are audited.', recommended: true },
    false: { short: 'No audit trail.' },
  },
  'integration.data.pii': {
    true: { short: 'The data includes personal data: protect and audit it.' },
    false: { short: 'No personal data.' },
  },
  'governance.versionControl': {
    true: { short: 'Every integration component is under version control.', recommended: true },
    false: { short: 'Some components are changed outside version control.' },
  },
  'step.async': {
    true: { short: 'The sender moves on without waiting for an answer.' },
    false: { short: 'The sender waits for the answer.' },
  },
  'view.groupBy': {
    hosting: { short: 'Cloud and on-premises first, then the domains within each: the boundary the guidance asks to make explicit.' },
    domain: { short: 'By business domain alone, whatever the hosting.' },
    none: { short: 'No groups: the systems and their integrations only.' },
  },
};
