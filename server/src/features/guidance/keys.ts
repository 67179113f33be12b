/**
 * Guidance on the manifest's keys, keyed by guidance path (see completion/schema.ts
 * `guidancePath`). The JSON Schema's description says what a key holds; these texts add why
 * it matters and what the guidance recommends. Written in our own words from the integration guidance the rule pages in docs/rules cite.
 */

export interface KeyGuidance {
  text: string;
  /** Rules that check this key. */
  rules?: readonly string[];
}

const WAIVERS: KeyGuidance = {
  text: 'Use a waiver when a deviation is a conscious decision: name the rule, say why in `reason`, and set `expires` so the decision is reviewed. The finding disappears for this item, and the reason stays in the manifest for reviewers.',
  rules: ['waiver-reason', 'waiver-expired'],
};

export const KEY_GUIDANCE: Readonly<Record<string, KeyGuidance>> = {
  integrationManifest: { text: 'Marks the file as an integration manifest, so the editor checks it even when its name does not end in `.integration.yaml`.' },
  imports: {
    text: 'Keep one manifest per domain or team and a shared catalog of systems: an imported manifest lends its systems, goals and actors to this one, so each system is declared once and the estate stays one consistent landscape. Ids are unique across every manifest joined by imports.',
    rules: ['import-unresolved', 'duplicate-id'],
  },
  solution: { text: 'The solution whose integration architecture this file describes: one manifest per solution keeps the whole landscape in one diagram.' },
  governance: {
    text: 'Treat integrations like any extension of the solution: built under application lifecycle management, kept in version control, with stated availability and disaster recovery.',
    rules: ['governance-declared'],
  },
  'governance.alm': { text: 'Every integration component (flows, Logic Apps, functions, mappings, this manifest) should be built and deployed through an ALM pipeline.', rules: ['governance-declared'] },
  'governance.versionControl': { text: 'Version control makes changes to integrations reviewable and reversible.', rules: ['governance-declared'] },
  'governance.disasterRecovery': { text: 'The platform the integrations run on must meet the recovery objectives of the business processes that depend on them.' },
  'governance.availability': { text: 'An integration is only as available as the least available system and middleware on its path.' },
  actors: { text: 'The people and roles who start integrations or take part in them; they appear as participants of interaction diagrams (`steps`).' },
  goals: {
    text: 'Start from the business: every integration should serve a stated goal, so the team and the stakeholders share one understanding of why it exists, and an integration that serves none can be questioned.',
    rules: ['goal-alignment', 'unused-goal'],
  },
  'goal.metric': { text: 'A measurable target turns the goal into a test criterion for the integrations that serve it.' },
  systems: {
    text: 'Every application, platform and middleware that takes part in an integration. Together with `integrations` this is the application integration diagram: which systems are connected, and how.',
    rules: ['unused-system', 'duplicate-id'],
  },
  'system.kind': { text: 'The kind decides the family the rules reason about: Dataverse apps share one data layer, finance and operations apps use dual-write and DMF, middleware belongs in `via`.' },
  'system.hosting': {
    text: 'Make the boundary between cloud and on-premises explicit: an integration that crosses it needs a secure bridge (the on-premises data gateway, API Management or Service Bus) and authentication.',
    rules: ['hybrid-gateway', 'authentication-required'],
  },
  'system.waivers': WAIVERS,
  integrations: {
    text: 'One item per interface between two systems: what moves, how, how often, through which middleware, and how it is secured, monitored and recovered when it fails.',
  },
  'integration.type': {
    text: 'UI integration shows another system in place, data integration exchanges or shares data, process integration runs one business process across systems. The type decides which rules apply.',
    rules: ['ui-embedded', 'system-of-record', 'process-event-driven'],
  },
  'integration.from': { text: 'Where the data or the process starts. With `to` it tells whether the integration is inbound to Dynamics 365 (external systems send data in) or outbound (Dynamics 365 sends data out).', rules: ['unknown-reference', 'self-integration'] },
  'integration.to': { text: 'Where the data arrives or the process continues.', rules: ['unknown-reference', 'self-integration'] },
  'integration.direction': { text: 'Two-way integrations need a clear owner per field to avoid conflicting updates.' },
  'integration.mode': {
    text: 'Synchronous calls wait for an answer; asynchronous messages decouple the systems; batch moves volume at intervals. The guidance favours robust, asynchronous, messaging-based patterns.',
    rules: ['prefer-async-messaging', 'service-protection-limits', 'dead-letter', 'dmf-bulk'],
  },
  'integration.trigger': { text: 'Process integrations should be started by events, not by schedules or people.', rules: ['process-event-driven'] },
  'integration.frequency': {
    text: 'Estimate frequency and volume early, before the specifications: they decide the pattern and whether the design stays within service protection limits.',
    rules: ['volume-declared', 'dmf-bulk'],
  },
  'integration.volume': {
    text: 'Written as a count per period: `500/hour`, `20k/day`, `1.5m/month`. Rules compare rates per hour, using `peak` when given.',
    rules: ['volume-declared', 'prefer-async-messaging', 'service-protection-limits', 'odata-bulk', 'load-testing'],
  },
  'integration.peak': {
    text: 'Size for the busiest hour, not the average: the peak is what hits service protection limits and what load tests must cover.',
    rules: ['service-protection-limits', 'load-testing'],
  },
  'integration.pattern': {
    text: 'Match the pattern to the volume and timing: dual-write for near real-time sync between finance and operations apps and Dataverse, DMF for bulk, OData or the Web API for real-time record operations, business events to start processes, Synapse Link for analytics. Prefer out-of-the-box, then third-party, then custom.',
    rules: ['dual-write-scope', 'dmf-bulk', 'odata-bulk', 'prefer-low-code'],
  },
  'integration.via': {
    text: 'The middleware between the two ends, in path order. A middleware or messaging service centralizes routing, retries, alerts and notifications, and bridges the cloud boundary.',
    rules: ['hybrid-gateway', 'logic-apps-monitoring', 'dead-letter', 'middleware-hub'],
  },
  'integration.systemOfRecord': {
    text: 'The system of record owns the data: it is where the data is created and corrected, and other systems hold copies. Sometimes each system owns part of the fields (Sales owns the basic account data, Finance the credit data); name the owner of what this integration moves.',
    rules: ['system-of-record', 'system-of-record-participant'],
  },
  'integration.goals': { text: 'The business goals this integration serves: the reason it exists.', rules: ['goal-alignment'] },
  'integration.owner': { text: 'Someone must own each integration in operation: who is called when it fails.' },
  'integration.docs': { text: 'Link the functional or technical design document, the process documentation with its field mappings.' },
  'integration.data': { text: 'What the integration moves. Avoid moving and storing data the solution does not need.' },
  'integration.data.pii': { text: 'Personal data must be protected in transit and its access audited to meet data protection regulations.', rules: ['pii-protection'] },
  'integration.data.mapping': { text: 'System-to-system field mapping: the process documentation that lets both sides agree on scope, outcomes and test criteria.' },
  'integration.security': {
    text: 'Build security in: authenticate with Microsoft Entra ID or OAuth, keep secrets and certificates in Azure Key Vault, and encrypt data in transit with TLS 1.2 or later.',
    rules: ['authentication-required', 'transport-tls', 'no-inline-secrets'],
  },
  'integration.security.authentication': { text: 'Microsoft Entra ID manages identities; OAuth is the standard for authenticating API calls.', rules: ['authentication-required'] },
  'integration.security.secrets': { text: 'Azure Key Vault keeps secrets and certificates out of code and configuration, which matters most in hybrid setups.', rules: ['no-inline-secrets'] },
  'integration.security.transport': { text: 'Data in transit must be encrypted: HTTPS with TLS 1.2 or later.', rules: ['transport-tls'] },
  'integration.monitoring': {
    text: 'Detect problems before users do: the platform or middleware must support the expected monitoring, audit, notifications and alerts.',
    rules: ['monitoring-required', 'logic-apps-monitoring', 'pii-protection'],
  },
  'integration.monitoring.alerts': { text: 'An integration that fails silently is found by users, days later. Alert the support team.', rules: ['logic-apps-monitoring'] },
  'integration.monitoring.audit': { text: 'Required where the data includes personal data.', rules: ['pii-protection'] },
  'integration.errorHandling': {
    text: 'Design the abnormal path, not only the happy one: retries for transient failures, a dead-letter queue for messages that keep failing, and someone notified.',
    rules: ['error-handling-required', 'dead-letter'],
  },
  'integration.errorHandling.retry': { text: 'Retry transient failures a bounded number of times, waiting longer after each (exponential backoff).' },
  'integration.errorHandling.deadLetter': { text: 'A dead-letter queue keeps the messages that cannot be delivered, for support to inspect and replay, instead of losing them.', rules: ['dead-letter'] },
  'integration.errorHandling.notify': { text: 'A mailbox or team that hears about failures: centralized notification is one of the things a middleware brings.' },
  'integration.testing': {
    text: 'Plan user and performance tests under realistic loads, and test the end-to-end process across the system boundary, before and after the point of integration.',
    rules: ['load-testing'],
  },
  'integration.testing.load': { text: 'Test at the expected peak, with the service protection limits of the platform in mind.', rules: ['load-testing'] },
  'integration.steps': {
    text: 'The interaction diagram: who triggers what, in which order, and which steps are asynchronous. It makes the design understandable to people without technical expertise before work begins.',
  },
  'integration.waivers': WAIVERS,
  'waiver.rule': { text: 'The id of the rule this waiver silences for the item.' },
  'waiver.reason': { text: 'Without a reason the waiver silences nothing: reviewers must be able to see why the deviation was accepted.', rules: ['waiver-reason'] },
  'waiver.expires': { text: 'After this date the rule reports again, so the decision is reviewed.', rules: ['waiver-expired'] },
  rules: { text: 'Severity per rule for this manifest (`error`, `warning`, `info`, `hint` or `off`), or `{ severity, threshold }` for rules that compare rates. This block overrides the editor settings.' },
  'rule.threshold': { text: 'The rate at which the rule starts to report, written like a volume: `500/hour`, `20k/day`.' },
};
