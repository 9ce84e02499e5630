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

export interface TasksTables {
  tasks: TasksTable;
  taskAgencies: TaskAgenciesTable;
  taskCommunes: TaskCommunesTable;
  taskProgress: TaskProgressTable;
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
});
