import { registerTables, type SyncColumns } from '../db/table-registry.js';

export interface AgenciesTable extends SyncColumns {
  name: string;
  shortName: string;
  kind: 'chuyen_mon' | 'doan_the' | 'ubnd_xa' | 'khac';
  contact: string;
}

export interface AgenciesTables {
  agencies: AgenciesTable;
}

export const agenciesTables = registerTables<AgenciesTables>('agencies', {
  agencies: { synced: true, travels: true, parents: [], label: (row) => String(row.name), bundle: { template: true, matchBy: ['name'] } },
});
