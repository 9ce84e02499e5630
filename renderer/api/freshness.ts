import type { Contract, OpName } from '../../shared/contract';

type QueryOpName = { [K in OpName]: Contract[K]['kind'] extends 'query' ? K : never }[OpName];

/**
 * The one map from what changed to what must be read again: the tables each
 * read op's answer is built from. After a write, main names the tables it
 * changed (from its audit rows), and every cached answer that read one of
 * them is refetched, on every page at once. A read op missing here is
 * refreshed after any change, which is always correct, only slower.
 */
export const QUERY_READS: Partial<Record<QueryOpName, readonly string[]>> = {
  'office.status': ['office', 'units'],
  'units.tree': ['units'],
  'units.get': ['units', 'unitFigures', 'unitEducation'],
  'agencies.list': ['agencies'],
  'plans.list': ['plans', 'planReferences', 'tasks', 'targets', 'taskOccurrences'],
  'plans.get': ['plans', 'planReferences', 'componentPlans', 'targets', 'targetActuals', 'targetUnitValues', 'tasks', 'taskAgencies', 'taskCommunes', 'reportingDuties', 'reportReceipts', 'agencies', 'units', 'unitFigures', 'unitEducation', 'taskOccurrences', 'dutyOccurrences', 'titleDecisions', 'titleDecisionEntries', 'titleEvaluations'],
  'templates.list': [],
  'targets.list': ['targets', 'targetActuals', 'targetUnitValues', 'plans', 'units', 'unitFigures', 'unitEducation', 'titleDecisions', 'titleDecisionEntries', 'titleEvaluations'],
  'targets.communeProgress': ['targets', 'targetActuals', 'targetUnitValues', 'plans', 'units', 'unitFigures', 'unitEducation', 'titleDecisions', 'titleDecisionEntries', 'titleEvaluations'],
  'tasks.list': ['tasks', 'taskAgencies', 'taskCommunes', 'taskProgress', 'plans', 'agencies', 'units', 'taskOccurrences', 'dutyOccurrences'],
  'tasks.progressReports': ['taskProgress', 'tasks', 'agencies', 'taskOccurrences'],
  'reporting.duties': ['reportingDuties', 'plans', 'agencies', 'dutyOccurrences'],
  'reporting.expected': ['reportingDuties', 'reportReceipts', 'plans', 'agencies', 'dutyOccurrences', 'taskOccurrences', 'tasks', 'units'],
  'certificates.list': ['certificates', 'certificateReprints'],
  'certificates.reprints': ['certificateReprints'],
  'certificates.trustList': ['certificateTrustedKeys', 'office'],
  'authorities.list': ['titleAuthorities'],
  'home.overview': ['plans', 'planReferences', 'tasks', 'taskAgencies', 'taskCommunes', 'targets', 'targetActuals', 'targetUnitValues', 'reportingDuties', 'reportReceipts', 'units', 'unitFigures', 'unitEducation', 'agencies', 'taskOccurrences', 'dutyOccurrences', 'titleDecisions', 'titleDecisionEntries', 'titleEvaluations'],
};

/** Whether a cached answer of `op` may be stale after these tables changed. */
export function isStaleAfter(op: string, changed: readonly string[]): boolean {
  if (changed.length === 0) return false;
  const reads = QUERY_READS[op as QueryOpName];
  // Search shows names from every table, through its derived index.
  if (op === 'search.query' || reads === undefined) return true;
  return reads.some((table) => changed.includes(table));
}
