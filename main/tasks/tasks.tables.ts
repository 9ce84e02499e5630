import { registerTables, type SyncColumns } from '../db/table-registry.js';

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
  /** Who owes the work when the owner is a group: 'none', 'communes' or 'agencies' (see shared/tasks.ts MemberKind). */
  memberKind: string;
  /** JSON array of the chosen member ids (units or agencies); [] with 'communes' means every commune. */
  memberIds: string;
}

/**
 * What was recorded for one occurrence of a task (a period of recurring work,
 * or the one time of one-off group work), for the whole task (memberId '') or
 * for one member of its group. Rows exist only once something was recorded;
 * the occurrences themselves come from the deadline (shared/occurrences.ts).
 */
export interface TaskOccurrencesTable extends SyncColumns {
  taskId: string;
  periodKey: string;
  /** '' for the task as a whole, else the member unit's or agency's id. */
  memberId: string;
  status: string;
  percent: number | null;
  /** The day it was done, when it was. */
  doneOn: string | null;
  note: string;
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
  /** The occurrence reported on (recurring work); null for one-off work. */
  periodKey: string | null;
  /** "Khó khăn, vướng mắc". */
  difficulties: string;
  /** "Đề xuất, kiến nghị". */
  proposals: string;
}

export interface TasksTables {
  tasks: TasksTable;
  taskAgencies: TaskAgenciesTable;
  taskCommunes: TaskCommunesTable;
  taskProgress: TaskProgressTable;
  taskOccurrences: TaskOccurrencesTable;
}

export const tasksTables = registerTables<TasksTables>('tasks', {
  tasks: {
    synced: true,
    travels: true,
    parents: [
      { column: 'planId', table: 'plans', onDelete: 'cascade' },
      { column: 'parentId', table: 'tasks', onDelete: 'cascade' },
    ],
    ownerColumn: 'planId',
    bundle: { template: true },
  },
  taskAgencies: {
    synced: true,
    travels: true,
    parents: [
      { column: 'taskId', table: 'tasks', onDelete: 'cascade' },
      { column: 'agencyId', table: 'agencies', onDelete: 'restrict', noun: 'nhiệm vụ' },
    ],
    linkKey: ['taskId', 'agencyId', 'role'],
    ownerColumn: 'taskId',
    bundle: { template: true },
  },
  taskCommunes: {
    synced: true,
    travels: true,
    parents: [
      { column: 'taskId', table: 'tasks', onDelete: 'cascade' },
      { column: 'unitId', table: 'units', onDelete: 'restrict', noun: 'nhiệm vụ' },
    ],
    linkKey: ['taskId', 'unitId'],
    ownerColumn: 'taskId',
  },
  taskProgress: {
    synced: true,
    travels: true,
    parents: [
      { column: 'taskId', table: 'tasks', onDelete: 'cascade' },
      { column: 'agencyId', table: 'agencies', onDelete: 'restrict', noun: 'báo cáo tiến độ' },
    ],
    ownerColumn: 'taskId',
  },
  taskOccurrences: {
    synced: true,
    travels: true,
    // memberId names a unit or an agency of the group; a member removed later is simply no longer listed.
    parents: [{ column: 'taskId', table: 'tasks', onDelete: 'cascade' }],
    linkKey: ['taskId', 'periodKey', 'memberId'],
    ownerColumn: 'taskId',
  },
});
