import type { SyncColumns } from '../schema.js';

/** Tables of the plans feature (migration 0040). JSON columns hold text; the repos parse them. */

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

export interface TargetsTable extends SyncColumns {
  planId: string;
  position: number;
  section: string;
  code: string;
  text: string;
  parentId: string | null;
  population: string | null;
  populationLabel: string;
  source: string | null;
  perCommune: number;
  /** JSON array of milestones. */
  milestones: string;
}

export interface TargetActualsTable extends SyncColumns {
  targetId: string;
  year: number;
  unitId: string | null;
  value: number;
  total: number | null;
  note: string;
  recordedOn: string;
}

export interface TasksTable extends SyncColumns {
  planId: string;
  parentId: string | null;
  position: number;
  number: string;
  text: string;
  ownerNote: string;
  isRequest: number;
  /** JSON Deadline or null. */
  deadline: string | null;
  status: string;
  percent: number | null;
}

export interface TaskAgenciesTable extends SyncColumns {
  taskId: string;
  agencyId: string;
  role: 'lead' | 'coordinator';
  position: number;
}

export interface TaskCommunesTable extends SyncColumns {
  taskId: string;
  unitId: string;
}

export interface TaskProgressTable extends SyncColumns {
  taskId: string;
  period: string;
  agencyId: string | null;
  text: string;
  status: string | null;
  percent: number | null;
  reportedOn: string;
}

export interface ReportingDutiesTable extends SyncColumns {
  planId: string;
  position: number;
  title: string;
  fromAgencyId: string | null;
  fromNote: string;
  to: string;
  /** JSON Deadline. */
  due: string;
}

export interface ReportReceiptsTable extends SyncColumns {
  dutyId: string;
  periodYear: number;
  receivedOn: string;
  note: string;
}

export interface PlansTables {
  plans: PlansTable;
  planReferences: PlanReferencesTable;
  componentPlans: ComponentPlansTable;
  targets: TargetsTable;
  targetActuals: TargetActualsTable;
  tasks: TasksTable;
  taskAgencies: TaskAgenciesTable;
  taskCommunes: TaskCommunesTable;
  taskProgress: TaskProgressTable;
  reportingDuties: ReportingDutiesTable;
  reportReceipts: ReportReceiptsTable;
}
