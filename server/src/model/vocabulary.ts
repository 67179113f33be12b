/**
 * The manifest's vocabularies. The lists of allowed values live in the JSON Schema (one
 * source of truth); this file adds what the schema cannot say: which family a system kind
 * belongs to.
 */
import schemaJson from '../../../schemas/integration-manifest.schema.json';

export const manifestSchema = schemaJson as unknown as JsonSchema;

export interface JsonSchema {
  type?: string;
  description?: string;
  enum?: readonly string[];
  const?: unknown;
  pattern?: string;
  patternErrorMessage?: string;
  /** Our keyword: a rate above zero and at most `MAX_THRESHOLD_PER_HOUR` (a rule's threshold). */
  positiveRate?: boolean;
  /** Our keyword: a cost map gives exactly one amount, `monthly` or `perMillion`. */
  oneAmount?: boolean;
  properties?: Record<string, JsonSchema>;
  required?: readonly string[];
  items?: JsonSchema;
  additionalProperties?: boolean | JsonSchema;
  anyOf?: readonly JsonSchema[];
  $ref?: string;
  definitions?: Record<string, JsonSchema>;
}

export type SystemFamily = 'dataverse' | 'finance-operations' | 'business-central' | 'analytics' | 'middleware' | 'other';

export const SYSTEM_FAMILIES: Readonly<Record<SystemFamily, readonly string[]>> = {
  dataverse: ['dataverse', 'dynamics-365-sales', 'dynamics-365-customer-service', 'dynamics-365-field-service', 'dynamics-365-customer-insights', 'power-apps'],
  'finance-operations': ['dynamics-365-finance', 'dynamics-365-supply-chain', 'dynamics-365-commerce', 'dynamics-365-human-resources', 'dynamics-365-project-operations'],
  'business-central': ['dynamics-365-business-central'],
  analytics: ['power-bi', 'synapse', 'fabric', 'data-lake'],
  middleware: ['power-automate', 'logic-apps', 'azure-functions', 'service-bus', 'event-grid', 'event-hubs', 'api-management', 'data-factory', 'on-premises-data-gateway'],
  other: ['erp', 'crm', 'e-commerce', 'database', 'file-store', 'saas', 'legacy', 'partner', 'custom'],
};

const familyByKind = new Map<string, SystemFamily>();
for (const [family, kinds] of Object.entries(SYSTEM_FAMILIES)) for (const kind of kinds) familyByKind.set(kind, family as SystemFamily);

export function familyOf(kind: string | undefined): SystemFamily | undefined {
  return kind === undefined ? undefined : familyByKind.get(kind);
}

const integration = manifestSchema.definitions!['integration']!.properties!;
const system = manifestSchema.properties!['systems']!.items!.properties!;

export const SYSTEM_KINDS = system['kind']!.enum!;
export const PATTERNS = integration['pattern']!.enum!;
export const INTEGRATION_TYPES = integration['type']!.enum! as readonly IntegrationType[];
export const MODES = integration['mode']!.enum! as readonly Mode[];

export type IntegrationType = 'ui' | 'data' | 'process';
export type Mode = 'sync' | 'async' | 'batch';
export type Hosting = 'cloud' | 'on-premises';
