import { registerTables, type SyncColumns } from '../db/table-registry.js';

export interface CriteriaSetsTable extends SyncColumns {
  familyId: string;
  version: number;
  title: string;
  subjectGroup: string;
  name: string;
  fromYear: number;
  toYear: number | null;
  /** JSON CriteriaSetDefinition, as validated when saved. */
  definition: string;
  /** 1 for the version new evaluations use; older versions stay for the evaluations scored on them. */
  current: number;
  sampleKey: string | null;
}

/** Communes with especially difficult conditions or in ethnic-minority areas get their own thresholds. */
export interface TitleAreasTable extends SyncColumns {
  unitId: string;
  area: string;
}

export interface TitleSubjectsTable extends SyncColumns {
  kind: string;
  name: string;
  /** foldText(name), indexed for diacritic-insensitive search over a million people. */
  nameFolded: string;
  unitId: string;
  /** The depth-1 unit above unitId, kept for per-commune lists and counts. */
  communeId: string | null;
  gender: string | null;
  birthYear: number | null;
  ethnicity: string;
  religion: string;
  labourGroup: string;
  idNumber: string | null;
  householdId: string | null;
  address: string;
  representative: string;
  /** JSON array of unit ids. */
  hamletIds: string;
  orgKind: string | null;
  orgLevel: string;
  note: string;
}

export interface TitleEvaluationsTable extends SyncColumns {
  subjectId: string | null;
  subjectUnitId: string | null;
  communeId: string | null;
  year: number;
  title: string;
  criteriaSetId: string;
  area: string;
  /** JSON Scores: indicator code → points (1/0 for pass/fail). */
  scores: string;
  total: number | null;
  resultCode: string | null;
  resultLabel: string;
  recognisedResult: number;
  status: string;
  evaluator: string;
  evidence: string;
}

export interface TitleDecisionsTable extends SyncColumns {
  number: string;
  signedOn: string;
  authority: string;
  signerTitle: string;
  signerName: string;
  place: string;
  title: string;
  year: number;
  /** The row of titleAuthorities the decision was made from; its texts are copied as printed, so a later edit leaves the decision as signed. */
  authorityId: string | null;
  /** "Chủ tịch Ủy ban nhân dân xã Tân Hộ Cơ": who decides, printed above "Căn cứ …". */
  decider: string;
  /** "Nơi nhận" lines, one per line. */
  recipients: string;
  /** "Căn cứ …" lines, one per line. */
  basis: string;
}

/**
 * Which body recognises which title at which level. Since 1 July 2025 the
 * district level is gone and provinces assign this differently, so it is data
 * with editable samples. `{xã}` and `{tỉnh}` in the texts stand for the
 * decision's commune and the office's province.
 */
export interface TitleAuthoritiesTable extends SyncColumns {
  title: string;
  /** 'xa': one commune's subjects per decision; 'tinh': the province's. */
  level: string;
  issuer: string;
  decider: string;
  signerTitle: string;
  recipients: string;
  basis: string;
  note: string;
  sampleKey: string | null;
}

export interface TitleDecisionEntriesTable extends SyncColumns {
  decisionId: string;
  evaluationId: string;
  position: number;
}

export interface TitlesTables {
  criteriaSets: CriteriaSetsTable;
  titleAreas: TitleAreasTable;
  titleSubjects: TitleSubjectsTable;
  titleEvaluations: TitleEvaluationsTable;
  titleDecisions: TitleDecisionsTable;
  titleDecisionEntries: TitleDecisionEntriesTable;
  titleAuthorities: TitleAuthoritiesTable;
}

export const titlesTables = registerTables<TitlesTables>('titles', {
  criteriaSets: { synced: true, travels: true, bundle: { template: true }, parents: [], label: (row) => `bộ tiêu chí "${String(row.name)}" (phiên bản ${String(row.version)})` },
  titleAreas: {
    synced: true,
    travels: true,
    parents: [{ column: 'unitId', table: 'units', onDelete: 'cascade' }],
    linkKey: ['unitId'],
    ownerColumn: 'unitId',
  },
  titleSubjects: {
    synced: true,
    travels: true,
    parents: [
      { column: 'unitId', table: 'units', onDelete: 'restrict', noun: 'đối tượng xét danh hiệu' },
      { column: 'communeId', table: 'units', onDelete: 'restrict', noun: 'đối tượng xét danh hiệu' },
      { column: 'householdId', table: 'titleSubjects', onDelete: 'restrict', noun: 'thành viên hộ' },
      { column: 'hamletIds', table: 'units', onDelete: 'restrict', noun: 'dòng họ', jsonArray: true },
    ],
    label: (row) => String(row.name),
    bundle: { personal: ['idNumber'], communeOf: { communeId: 'unitId' } },
  },
  titleEvaluations: {
    synced: true,
    travels: true,
    parents: [
      { column: 'subjectId', table: 'titleSubjects', onDelete: 'restrict', noun: 'hồ sơ đánh giá' },
      { column: 'subjectUnitId', table: 'units', onDelete: 'restrict', noun: 'hồ sơ đánh giá' },
      { column: 'communeId', table: 'units', onDelete: 'restrict', noun: 'hồ sơ đánh giá' },
      { column: 'criteriaSetId', table: 'criteriaSets', onDelete: 'restrict', noun: 'hồ sơ đánh giá' },
    ],
    ownerColumn: 'subjectId',
    bundle: { period: ['year'] },
  },
  titleDecisions: {
    synced: true,
    travels: true,
    // A decision keeps the texts it was printed with, so the authority row may go.
    parents: [{ column: 'authorityId', table: 'titleAuthorities', onDelete: 'keep' }],
    label: (row) => `quyết định số ${String(row.number)}`,
    bundle: { period: ['year'] },
  },
  titleAuthorities: { synced: true, travels: true, bundle: { template: true }, parents: [], linkKey: ['title', 'level'], label: (row) => `cơ quan công nhận "${String(row.issuer)}"` },
  titleDecisionEntries: {
    synced: true,
    travels: true,
    parents: [
      { column: 'decisionId', table: 'titleDecisions', onDelete: 'cascade' },
      { column: 'evaluationId', table: 'titleEvaluations', onDelete: 'restrict', noun: 'quyết định công nhận' },
    ],
    linkKey: ['decisionId', 'evaluationId'],
    ownerColumn: 'decisionId',
  },
});
