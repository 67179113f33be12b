/**
 * What each `system.kind` is: a line of its own, and the text of its family (the families
 * the rules reason about). Written in our own words from the integration guidance the rule pages in docs/rules cite.
 */
import type { SystemFamily } from '../../model/vocabulary';

export interface FamilyGuidance {
  title: string;
  text: string;
}

export const FAMILY_GUIDANCE: Readonly<Record<SystemFamily, FamilyGuidance>> = {
  dataverse: {
    title: 'Dataverse family (one shared data layer)',
    text:
      'Apps on Dataverse in the same environment (Dynamics 365 Sales, Customer Service, Field Service, model-driven Power Apps) ' +
      'keep their rows in the same Dataverse tables, even when each app is built and deployed on its own. Between two of them ' +
      'there is nothing to copy or synchronize: an update in one is already visible in the other. Apps in different environments ' +
      'do not share tables, and Customer Insights – Data keeps its unified profiles in its own store. Integrate them with the outside world through the Dataverse Web API, ' +
      'connectors, virtual tables or, towards finance and operations apps, dual-write.',
  },
  'finance-operations': {
    title: 'Finance and operations apps',
    text:
      'Finance, Supply Chain Management, Commerce, Human Resources and Project Operations run on their own database. ' +
      'They reach Dataverse through dual-write (near real-time, both ways) or virtual tables, move bulk data with the ' +
      'Data Management Framework (DMF), expose OData endpoints for real-time reads and writes, and publish business events.',
  },
  'business-central': {
    title: 'Business Central',
    text:
      'Dynamics 365 Business Central has its own database and APIs. It connects to Dataverse and Power Platform through ' +
      'connectors and its Dataverse integration, and to other systems through its web services.',
  },
  analytics: {
    title: 'Analytics',
    text:
      'Analytics systems read data to report on it; they rarely send anything back. Prefer feeding them continuously from the ' +
      'source (Synapse Link for Dataverse or finance and operations data) over building extracts, and embed their dashboards ' +
      '(a UI integration) where users need them.',
  },
  middleware: {
    title: 'Middleware',
    text:
      'Middleware sits between the systems instead of being an end of an integration: list it in `via`. It simplifies the ' +
      'landscape and centralizes what every integration needs (message routing, retries, alerts and notifications) so that ' +
      'each integration does not reinvent them. A robust middleware combines messaging (Service Bus), orchestration ' +
      '(Logic Apps) and monitoring (Azure Monitor, Application Insights).',
  },
  other: {
    title: 'Other systems',
    text:
      'A system outside Dynamics 365 and Power Platform. Prefer an out-of-the-box or third-party connector to it before ' +
      'building a custom integration, and declare where it runs (`hosting`): an on-premises system needs a gateway to talk ' +
      'to the cloud.',
  },
};

/** One line per system kind. */
export const KIND_LINES: Readonly<Record<string, string>> = {
  dataverse: 'Dataverse itself: the data platform of Power Platform and of the customer engagement apps.',
  'dynamics-365-sales': 'Dynamics 365 Sales: leads, opportunities, quotes and orders, stored in Dataverse.',
  'dynamics-365-customer-service': 'Dynamics 365 Customer Service: cases, queues and knowledge, stored in Dataverse.',
  'dynamics-365-field-service': 'Dynamics 365 Field Service: work orders, scheduling and assets, stored in Dataverse.',
  'dynamics-365-customer-insights': 'Dynamics 365 Customer Insights: Journeys runs on Dataverse; Data builds unified customer profiles in its own store and writes some of them back to Dataverse.',
  'power-apps': 'A Power Apps app (model-driven or canvas) on Dataverse.',
  'dynamics-365-finance': 'Dynamics 365 Finance: general ledger, payables, receivables and budgeting.',
  'dynamics-365-supply-chain': 'Dynamics 365 Supply Chain Management: inventory, warehousing, production and procurement.',
  'dynamics-365-commerce': 'Dynamics 365 Commerce: stores, e-commerce channels and point of sale.',
  'dynamics-365-human-resources': 'Dynamics 365 Human Resources: workers, positions, leave and benefits.',
  'dynamics-365-project-operations': 'Dynamics 365 Project Operations: project contracts, resourcing and project accounting.',
  'dynamics-365-business-central': 'Dynamics 365 Business Central: the all-in-one business management app.',
  'power-bi': 'Power BI: reports and dashboards, often embedded in an app (a UI integration).',
  synapse: 'Azure Synapse Analytics: a data warehouse fed continuously by Synapse Link.',
  fabric: 'Microsoft Fabric: the analytics platform that Dataverse and finance and operations data can be linked to.',
  'data-lake': 'A data lake (Azure Data Lake Storage): files for analytics and long-term history.',
  'power-automate': 'Power Automate: low-code flows with hundreds of connectors, for simple, user-level integrations.',
  'logic-apps': 'Azure Logic Apps: workflows on the same connectors, scaled for enterprise integration; add monitoring and alerts beside it.',
  'azure-functions': 'Azure Functions: serverless code for custom logic, called from flows, Logic Apps or events.',
  'service-bus': 'Azure Service Bus: durable queues and topics for asynchronous messaging, with dead-lettering.',
  'event-grid': 'Azure Event Grid: pushes events to registered handlers so that receivers react instead of polling.',
  'event-hubs': 'Azure Event Hubs: ingests large streams of events, such as telemetry.',
  'api-management': 'Azure API Management: one managed, secured and throttled front door for many APIs.',
  'data-factory': 'Azure Data Factory: code-free ETL and ELT pipelines for large data movements.',
  'on-premises-data-gateway': 'On-premises data gateway: the secure bridge from cloud services to on-premises data.',
  erp: 'An ERP system outside Dynamics 365.',
  crm: 'A CRM system outside Dynamics 365.',
  'e-commerce': 'An e-commerce platform: often high volumes at peaks.',
  database: 'A database read or written directly.',
  'file-store': 'A file store or file share that files are exchanged through.',
  saas: 'A software-as-a-service application reached over the internet: authenticate every call.',
  legacy: 'A legacy system, often on-premises, that the solution keeps or phases out.',
  partner: "A partner's system outside the organization: authenticate and protect every exchange.",
  custom: 'A custom-built application.',
};
