/** The rule catalog, one page per rule in docs/rules (the order of hovers, completion and SARIF). */
import type { RuleDefinition } from './types';
import yamlSyntax from './yaml-syntax';
import schema from './schema';
import duplicateId from './duplicate-id';
import unknownReference from './unknown-reference';
import importUnresolved from './import-unresolved';
import selfIntegration from './self-integration';
import systemOfRecordParticipant from './system-of-record-participant';
import noInlineSecrets from './no-inline-secrets';
import transportTls from './transport-tls';
import authenticationRequired from './authentication-required';
import dualWriteScope from './dual-write-scope';
import preferAsyncMessaging from './prefer-async-messaging';
import serviceProtectionLimits from './service-protection-limits';
import systemOfRecord from './system-of-record';
import sharedDataLayer from './shared-data-layer';
import hybridGateway from './hybrid-gateway';
import logicAppsMonitoring from './logic-apps-monitoring';
import monitoringRequired from './monitoring-required';
import errorHandlingRequired from './error-handling-required';
import deadLetter from './dead-letter';
import processEventDriven from './process-event-driven';
import uiEmbedded from './ui-embedded';
import dmfBulk from './dmf-bulk';
import dmfScope from './dmf-scope';
import odataBulk from './odata-bulk';
import piiProtection from './pii-protection';
import goalAlignment from './goal-alignment';
import unusedGoal from './unused-goal';
import unusedSystem from './unused-system';
import volumeDeclared from './volume-declared';
import loadTesting from './load-testing';
import preferLowCode from './prefer-low-code';
import middlewareHub from './middleware-hub';
import governanceDeclared from './governance-declared';
import waiverReason from './waiver-reason';
import waiverExpired from './waiver-expired';

export const RULES: readonly RuleDefinition[] = [
  yamlSyntax,
  schema,
  duplicateId,
  unknownReference,
  importUnresolved,
  selfIntegration,
  systemOfRecordParticipant,
  noInlineSecrets,
  transportTls,
  authenticationRequired,
  dualWriteScope,
  preferAsyncMessaging,
  serviceProtectionLimits,
  systemOfRecord,
  sharedDataLayer,
  hybridGateway,
  logicAppsMonitoring,
  monitoringRequired,
  errorHandlingRequired,
  deadLetter,
  processEventDriven,
  uiEmbedded,
  dmfBulk,
  dmfScope,
  odataBulk,
  piiProtection,
  goalAlignment,
  unusedGoal,
  unusedSystem,
  volumeDeclared,
  loadTesting,
  preferLowCode,
  middlewareHub,
  governanceDeclared,
  waiverReason,
  waiverExpired,
];

export const RULE_IDS: readonly string[] = RULES.map((r) => r.id);

export function findRule(id: unknown): RuleDefinition | undefined {
  return RULES.find((r) => r.id === id);
}
