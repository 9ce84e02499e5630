import {
  countByLead,
  countStandings,
  dutyStanding,
  taskStanding,
  type AnnualReportFigures,
  type ReportTargetRow,
  type ReportTitleRow,
} from '../../shared/annual-report.js';
import { formatDateVi } from '../../shared/dates.js';
import { AppError } from '../../shared/errors.js';
import { progressLabel } from '../../shared/target-progress.js';
import { actualMeasure, milestoneText } from '../../shared/target-text.js';
import type { TargetDto } from '../../shared/targets.js';
import { TITLE_LABELS, TitleKind } from '../../shared/titles-criteria.js';
import { countCertificates } from '../certificates/index.js';
import type { ReadDb } from '../db/records.js';
import { loadOffice } from '../office/index.js';
import { listFollowedPlanRows, type PlansTable } from '../plan-documents/index.js';
import { listExpectedReports } from '../reporting/index.js';
import { communeProgress, listTargetsOfPlans } from '../targets/index.js';
import { loadTaskRows } from '../tasks/index.js';
import { countRecognitions, listDecisions } from '../titles/index.js';
import { loadLiveUnit } from '../units/index.js';

/** The day a year's figures stand at: its last day, or today while the year runs. */
export function reportDay(year: number, today: string): string {
  const todayYear = Number(today.slice(0, 4));
  if (year > todayYear) throw new AppError('VALIDATION', `Năm ${year} chưa đến: chọn năm ${todayYear} hoặc một năm trước đó`, { issues: [{ path: ['year'], message: `Năm ${year} chưa đến` }] });
  return year === todayYear ? today : `${year}-12-31`;
}

/**
 * One target as the report reads it for the year: met when the year has a
 * milestone and reaches it, else as its standing on the report's day says.
 */
function targetRow(t: TargetDto, plan: PlansTable, year: number): ReportTargetRow {
  const own = t.progress.checkpoints.find((c) => c.year === year);
  const milestone = own?.milestone ?? t.progress.milestone ?? t.milestones[0] ?? null;
  const actual = own ? own.actual : t.progress.actual;
  const measured = actual && milestone ? actualMeasure(actual, milestone.kind) : '';
  const met = own ? own.met : t.progress.status === 'achieved' ? true : t.progress.status === 'missed' ? false : null;
  const statusLabel = own ? (own.met === null ? `Chưa có số liệu năm ${year}` : own.met ? `Đạt mốc ${year}` : `Không đạt mốc ${year}`) : progressLabel(t.progress, year);
  return {
    planNumber: plan.number ?? '',
    section: t.section,
    code: t.code,
    text: t.text,
    milestones: t.milestones.map((m) => milestoneText(m, plan.periodEnd)),
    actual: actual && actual.year !== year ? `${measured} (số liệu ${actual.year})` : measured,
    met,
    status: t.progress.status,
    statusLabel,
    communesMet: t.perCommune ? t.communes.filter((c) => c.status === 'achieved').length : null,
  };
}

async function titleRows(db: ReadDb, year: number): Promise<ReportTitleRow[]> {
  const [recognitions, decisions, certificates] = await Promise.all([countRecognitions(db, { year }), listDecisions(db, year), countCertificates(db, year)]);
  return TitleKind.options
    .map((title) => ({
      title,
      label: TITLE_LABELS[title],
      recognised: recognitions.filter((r) => r.title === title).reduce((s, r) => s + r.count, 0),
      certificates: certificates.find((c) => c.title === title)?.count ?? 0,
      decisions: decisions
        .filter((d) => d.title === title)
        .sort((a, b) => a.signedOn.localeCompare(b.signedOn))
        .map((d) => `${d.number} ngày ${formatDateVi(d.signedOn)}`),
    }))
    .filter((r) => r.recognised > 0 || r.certificates > 0 || r.decisions.length > 0);
}

/** Everything the year's report says in figures, read through each feature's own queries. */
export async function loadAnnualFigures(db: ReadDb, year: number, today: string): Promise<AnnualReportFigures> {
  const asOf = reportDay(year, today);
  const office = await loadOffice(db);
  if (!office) throw new AppError('NOT_SET_UP', 'Cơ quan chưa được thiết lập. Hãy hoàn tất bước thiết lập ban đầu.');
  const root = await loadLiveUnit(db, office.rootUnitId);
  const plans = await listFollowedPlanRows(db);
  const planById = new Map(plans.map((p) => [p.id, p]));
  const [targets, communes, taskRows, expected, titles] = await Promise.all([
    listTargetsOfPlans(db, plans, asOf),
    communeProgress(db, asOf),
    loadTaskRows(db, plans, asOf),
    listExpectedReports(db, asOf, { year }),
    titleRows(db, year),
  ]);
  const tasks = taskRows
    .filter((t) => !t.isHeading && (t.leadAgencyId !== null || t.coordinatorAgencyIds.length > 0 || t.deadline !== null))
    .map((t) => ({ outlineNumber: t.outlineNumber, text: t.text, lead: t.leadAgencyName ?? t.ownerNote, dueDate: t.dueDate, percent: t.percent, standing: taskStanding(t) }));
  const communeRows = communes.map(({ unitId: _id, ...c }) => c);
  return {
    year,
    asOf,
    officeName: office.name,
    territory: `${root.type.toLocaleLowerCase('vi')} ${root.name}`,
    province: office.provinceName,
    plans: plans.map((p) => ({ title: p.title, number: p.number })),
    communeCount: communes.length,
    communesMeetingAll: communeRows.filter((c) => c.total > 0 && c.achieved === c.total).length,
    targets: targets.map((t) => targetRow(t, planById.get(t.planId)!, year)),
    communes: communeRows,
    tasks,
    taskCounts: countStandings(tasks),
    leads: countByLead(tasks),
    duties: expected.map((r) => ({
      title: r.title,
      from: r.fromName,
      to: r.to,
      outgoing: r.outgoing,
      period: r.periodLabel,
      dueDate: r.dueDate,
      deliveredOn: r.deliveredOn,
      standing: dutyStanding(r),
    })),
    titles,
  };
}
