import { registerTables, type SyncColumns } from '../db/table-registry.js';
import { planLabel } from '../../shared/plan-model.js';

/** JSON columns hold text; the repos parse them. */

export interface PlansTable extends SyncColumns {
  kind: string;
  number: string | null;
  issuedOn: string | null;
  issuer: string;
  title: string;
  periodStart: number;
  periodEnd: number;
  status: string;
  generalObjective: string;
  note: string;
}

export interface PlanReferencesTable extends SyncColumns {
  planId: string;
  position: number;
  relation: string;
  citation: string;
  number: string | null;
  linkedPlanId: string | null;
}

export interface ComponentPlansTable extends SyncColumns {
  planId: string;
  position: number;
  content: string;
  leadAgencyId: string | null;
  /** JSON array of agency ids. */
  coordinatorAgencyIds: string;
  coordinatorsNote: string;
  issuingBody: string;
  /** JSON Deadline or null. */
  completion: string | null;
}

export interface PlansTables {
  plans: PlansTable;
  planReferences: PlanReferencesTable;
  componentPlans: ComponentPlansTable;
}

export const plansTables = registerTables<PlansTables>('plan-documents', {
  plans: {
    synced: true,
    travels: true,
    parents: [],
    label: (row) => planLabel(row as unknown as PlansTable),
    bundle: { template: true, period: ['periodStart', 'periodEnd'] },
  },
  planReferences: {
    synced: true,
    travels: true,
    parents: [
      { column: 'planId', table: 'plans', onDelete: 'cascade' },
      { column: 'linkedPlanId', table: 'plans', onDelete: 'keep' },
    ],
    linkKey: ['planId', 'relation', 'citation'],
    ownerColumn: 'planId',
    bundle: { template: true },
  },
  componentPlans: {
    synced: true,
    travels: true,
    parents: [
      { column: 'planId', table: 'plans', onDelete: 'cascade' },
      { column: 'leadAgencyId', table: 'agencies', onDelete: 'restrict', noun: 'kế hoạch thành phần' },
      { column: 'coordinatorAgencyIds', table: 'agencies', onDelete: 'restrict', noun: 'kế hoạch thành phần', jsonArray: true },
    ],
    ownerColumn: 'planId',
    bundle: { template: true },
  },
});
