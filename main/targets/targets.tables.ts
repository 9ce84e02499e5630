import { registerTables, type SyncColumns } from '../db/table-registry.js';

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
  /** A title (TitleKind) whose recognitions the actuals count, over the yearly figure in `population`. */
  titleSource: string | null;
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
  /** For a percentage of a population: the number reached, the value being its share of the unit's yearly figure. */
  count: number | null;
  note: string;
  recordedOn: string;
}

/** A unit's own value of a milestone; `year` is the milestone's year (a yearly milestone's first year). */
export interface TargetUnitValuesTable extends SyncColumns {
  targetId: string;
  year: number;
  unitId: string;
  value: number;
}

export interface TargetsTables {
  targets: TargetsTable;
  targetActuals: TargetActualsTable;
  targetUnitValues: TargetUnitValuesTable;
}

export const targetsTables = registerTables<TargetsTables>('targets', {
  targets: {
    synced: true,
    travels: true,
    parents: [
      { column: 'planId', table: 'plans', onDelete: 'cascade' },
      { column: 'parentId', table: 'targets', onDelete: 'cascade' },
    ],
    ownerColumn: 'planId',
    bundle: { template: true },
  },
  targetActuals: {
    synced: true,
    travels: true,
    parents: [
      { column: 'targetId', table: 'targets', onDelete: 'cascade' },
      { column: 'unitId', table: 'units', onDelete: 'restrict', noun: 'số liệu mục tiêu' },
    ],
    ownerColumn: 'targetId',
  },
  targetUnitValues: {
    synced: true,
    travels: true,
    parents: [
      { column: 'targetId', table: 'targets', onDelete: 'cascade' },
      { column: 'unitId', table: 'units', onDelete: 'restrict', noun: 'giá trị mục tiêu riêng' },
    ],
    linkKey: ['targetId', 'year', 'unitId'],
    ownerColumn: 'targetId',
  },
});
